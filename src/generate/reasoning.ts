// Whether a request thinks, and the chain of thought it shows. `reasoning: 'always'` models
// (deepseek-reasoner) always think; `switchable` ones follow the request's `thinking.type`.
import { fakerEN } from './seeded-faker.js';
import { lastUserText } from '../core/message-text.js';
import { hashString, type Rng } from '../core/random.js';
import type { ChatRequest } from '../core/types.js';
import type { ModelSpec } from '../profiles/profile.js';
import { chineseReasoning } from './chinese-text.js';
import type { Language } from './language.js';

/**
 * `enabled` thinks, `disabled` does not, `auto` decides from the prompt alone, so the request rules
 * and the generator agree on the same request. No field means the model's documented default.
 */
export function thinks(body: ChatRequest, model: ModelSpec): boolean {
  if (model.reasoning === 'always') return true;
  if (model.reasoning === 'never') return false;
  const type = (body as { thinking?: { type?: string } }).thinking?.type ?? model.thinkingDefault ?? 'disabled';
  if (type === 'enabled') return true;
  if (type === 'auto') return hashString(lastUserText(body.messages)) % 2 === 0;
  return false;
}

const steps = [
  'First, I should figure out what exactly is being asked.',
  'Let me break this down into smaller parts.',
  'I should double-check the edge cases before answering.',
  'Maybe there is a simpler way to put this.',
  'Wait, let me reconsider that last point.',
  'That seems consistent with what I know.',
  'I need to keep the answer short and clear.',
];

/** A chain of thought that reads like DeepSeek-R1's: restating, a few steps, then deciding. */
export function generateReasoning(body: ChatRequest, rng: Rng, language: Language): string {
  const question = lastUserText(body.messages).trim().replace(/\s+/g, ' ') || 'this';
  const count = rng.int(2, 5);
  if (language === 'zh') return chineseReasoning(rng, question, count);
  fakerEN.seed(rng.seed());
  const lines = [`Okay, the user is asking: "${question.slice(0, 60)}". Let me think about this.`];
  for (let i = 0; i < count; i++) lines.push(rng.next() < 0.5 ? rng.pick(steps) : `${fakerEN.hacker.phrase()}`);
  lines.push('Alright, I think I have it. Let me write the answer.');
  return lines.join('\n');
}
