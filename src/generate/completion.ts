// The generator: from a validated request to a CompletionDraft. Everything random comes from an
// Rng seeded by the request, so the same request and seed give the same answer. A scenario's
// `respond` overrides what it names; the rest is generated.
import type { Rng } from '../core/random.js';
import type { ScenarioResponse } from '../core/scenario-types.js';
import type { ChatRequest, ToolCall } from '../core/types.js';
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
  /** What a scenario asked for; fields it leaves out are generated. */
  respond?: ScenarioResponse;
}

export function generateDraft(input: GenerateInput): CompletionDraft {
  const { body, model, rng, tokenizer, respond = {} } = input;
  const limit = body.max_tokens ?? model.maxTokens.default;
  const toolCalls: ToolCall[] = (respond.toolCalls ?? []).map((call) => ({
    id: call.id ?? `call_0_${rng.uuid()}`,
    type: 'function',
    function: { name: call.name, arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments) },
  }));
  const text = respond.content ?? (toolCalls.length ? null : generateProse(rng, rng.int(12, 60)));
  const planned = text === null ? null : tokenizer.tokenize(text);
  const truncated = planned !== null && planned.length > limit;
  const content = planned && truncated ? planned.slice(0, limit) : planned;
  const reasoning = respond.reasoning !== undefined ? tokenizer.tokenize(respond.reasoning) : null;
  const completionTokens = (content?.length ?? 0) + (reasoning?.length ?? 0) + toolCalls.reduce((n, c) => n + tokenizer.count(c.function.arguments), 0);
  const prompt = promptTokens(body, tokenizer);
  const usage = buildUsage(prompt, completionTokens, 0, reasoning ? reasoning.length : undefined);
  const finishReason = respond.finishReason ?? (toolCalls.length ? 'tool_calls' : truncated ? 'length' : 'stop');
  return {
    id: input.id,
    created: input.created,
    model: body.model,
    systemFingerprint: input.systemFingerprint,
    reasoning,
    content,
    toolCalls,
    finishReason,
    logprobs: null,
    usage: { ...usage, ...respond.usage },
  };
}
