// Chunks → completion: what a client builds from a stream. The inverse of chunksFromDraft, so tests
// can check that a stream adds up to the non-streaming answer. The summing itself is the tolerant
// fold the conformance checker uses on any provider's chunks; this typed form adds the rules a
// well-formed DeepSeek stream must meet (one choice, a finish_reason, usage).
import type { ChatCompletion, ChatCompletionChunk, ResponseMessage, TokenLogprob, Usage } from '../core/types.js';
import { accumulateChunksLoose } from './accumulate-loose.js';

interface LooseCall {
  id?: unknown;
  name?: unknown;
  arguments: string;
}

export function accumulateChunks(chunks: readonly ChatCompletionChunk[]): ChatCompletion {
  const first = chunks[0];
  if (!first) throw new Error('accumulateChunks: no chunks');
  const sum = accumulateChunksLoose(chunks);
  const choice = (sum.choices as Record<string, any>[])[0];
  const loose = (choice?.message ?? {}) as { content: string | null; reasoning_content?: string; tool_calls?: { id?: unknown; function: LooseCall }[] };
  if (!choice?.finish_reason) throw new Error('accumulateChunks: no chunk carried a finish_reason');
  if (!sum.usage) throw new Error('accumulateChunks: no chunk carried usage (ask for include_usage)');
  const calls = (loose.tool_calls ?? []).map((c) => ({
    id: typeof c.id === 'string' ? c.id : '',
    type: 'function' as const,
    function: { name: typeof c.function.name === 'string' ? c.function.name : '', arguments: c.function.arguments },
  }));
  // A stream of only tool calls still opens with content "" (the role chunk); the JSON says null.
  const message: ResponseMessage = { role: 'assistant', content: calls.length && !loose.content ? null : loose.content };
  if (loose.reasoning_content !== undefined) message.reasoning_content = loose.reasoning_content;
  if (calls.length) message.tool_calls = calls;
  const logprobs = choice.logprobs as { content: TokenLogprob[] } | null;
  return {
    id: first.id,
    object: 'chat.completion',
    created: first.created,
    model: first.model,
    choices: [{ index: 0, message, logprobs: logprobs ? { content: logprobs.content } : null, finish_reason: choice.finish_reason }],
    usage: sum.usage as Usage,
    system_fingerprint: first.system_fingerprint,
  };
}
