// The generator: from a validated request to a CompletionDraft. Everything random comes from an
// Rng seeded by the request, so the same request and seed give the same answer.
import type { Rng } from '../core/random.js';
import type { ChatRequest } from '../core/types.js';
import type { ModelSpec } from '../profiles/profile.js';
import type { CompletionDraft } from './draft.js';
import { generateProse } from './text.js';
import type { Tokenizer } from './tokenizer.js';
import { buildUsage, promptTokens } from './usage.js';

export interface GenerateInput {
  body: ChatRequest;
  model: ModelSpec;
  rng: Rng;
  tokenizer: Tokenizer;
  id: string;
  created: number;
  systemFingerprint: string;
}

export function generateDraft(input: GenerateInput): CompletionDraft {
  const { body, model, rng, tokenizer } = input;
  const limit = body.max_tokens ?? model.maxTokens.default;
  const planned = tokenizer.tokenize(generateProse(rng, rng.int(12, 60)));
  const truncated = planned.length > limit;
  const content = truncated ? planned.slice(0, limit) : planned;
  const prompt = promptTokens(body, tokenizer);
  return {
    id: input.id,
    created: input.created,
    model: body.model,
    systemFingerprint: input.systemFingerprint,
    reasoning: null,
    content,
    toolCalls: [],
    finishReason: truncated ? 'length' : 'stop',
    logprobs: null,
    usage: buildUsage(prompt, content.length),
  };
}
