// Chunks → completion: what a client builds from a stream. The inverse of chunksFromDraft, so tests
// (and the conformance checker) can check that a stream adds up to the non-streaming answer.
import type { ChatCompletion, ChatCompletionChunk, FinishReason, ResponseMessage, TokenLogprob, ToolCall, Usage } from '../core/types.js';

export function accumulateChunks(chunks: readonly ChatCompletionChunk[]): ChatCompletion {
  const first = chunks[0];
  if (!first) throw new Error('accumulateChunks: no chunks');
  let content: string | null = null;
  let reasoning: string | null = null;
  const calls: ToolCall[] = [];
  let finish: FinishReason | null = null;
  let usage: Usage | null = null;
  let logprobs: TokenLogprob[] | null = null;
  for (const chunk of chunks) {
    if (chunk.usage) usage = chunk.usage;
    for (const choice of chunk.choices) {
      const d = choice.delta;
      if (typeof d.content === 'string') content = (content ?? '') + d.content;
      if (typeof d.reasoning_content === 'string') reasoning = (reasoning ?? '') + d.reasoning_content;
      for (const t of d.tool_calls ?? []) {
        const call = (calls[t.index] ??= { id: '', type: 'function', function: { name: '', arguments: '' } });
        if (t.id) call.id = t.id;
        if (t.function?.name) call.function.name += t.function.name;
        if (t.function?.arguments) call.function.arguments += t.function.arguments;
      }
      if (choice.logprobs?.content) (logprobs ??= []).push(...choice.logprobs.content);
      if (choice.finish_reason) finish = choice.finish_reason;
    }
  }
  // A stream of only tool calls still opens with content "" (the role chunk); the JSON says null.
  const message: ResponseMessage = { role: 'assistant', content: calls.length && !content ? null : content };
  if (reasoning !== null) message.reasoning_content = reasoning;
  if (calls.length) message.tool_calls = calls;
  if (!finish) throw new Error('accumulateChunks: no chunk carried a finish_reason');
  if (!usage) throw new Error('accumulateChunks: no chunk carried usage (ask for include_usage)');
  return {
    id: first.id,
    object: 'chat.completion',
    created: first.created,
    model: first.model,
    choices: [{ index: 0, message, logprobs: logprobs ? { content: logprobs } : null, finish_reason: finish }],
    usage,
    system_fingerprint: first.system_fingerprint,
  };
}
