// Completion → chunk list, as plain data (no I/O). The SSE writer only frames what this returns.
import type { CompletionDraft } from '../generate/draft.js';
import type { ChatCompletionChunk, ChunkChoice, Delta, Usage } from '../core/types.js';

export interface ChunkOptions {
  /** `stream_options.include_usage`: one extra chunk with `choices: []` before [DONE]. */
  includeUsage: boolean;
}

export function chunksFromDraft(draft: CompletionDraft, options: ChunkOptions): ChatCompletionChunk[] {
  const chunk = (delta: Delta, finish: ChunkChoice['finish_reason'] = null, usage: Usage | null = null): ChatCompletionChunk => ({
    id: draft.id,
    object: 'chat.completion.chunk',
    created: draft.created,
    model: draft.model,
    system_fingerprint: draft.systemFingerprint,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    usage,
  });
  const out: ChatCompletionChunk[] = [chunk({ role: 'assistant', content: '' })];
  for (const token of draft.content ?? []) out.push(chunk({ content: token }));
  out.push(chunk({ content: '' }, draft.finishReason));
  if (options.includeUsage) out.push({ ...chunk({}), choices: [], usage: draft.usage });
  return out;
}
