// Completion → chunk list, as plain data (no I/O). The SSE writer only frames what this returns.
// The sequence follows the live API (facts page): a role chunk, reasoning deltas (content null),
// content deltas token by token, tool-call deltas, a finish chunk, and the usage chunk if asked.
// Ordinary chunks carry `usage: null`, as seed 001 documents.
import type { CompletionDraft } from '../generate/draft.js';
import type { ChatCompletionChunk, ChunkChoice, Delta, Usage } from '../core/types.js';

export interface ChunkOptions {
  /** `stream_options.include_usage`: one extra chunk with `choices: []` before [DONE]. */
  includeUsage: boolean;
  /**
   * Where usage goes. `documented` (default): seed 001's extra `choices: []` chunk, only with
   * include_usage. `final-chunk`: the live API's observed variant, usage on the finish_reason chunk
   * whether or not include_usage was asked, and no extra chunk.
   */
  usage?: UsagePlacement;
}

export type UsagePlacement = 'documented' | 'final-chunk';
export const usagePlacements: readonly UsagePlacement[] = ['documented', 'final-chunk'];

/** How many characters of tool-call arguments go in one delta. */
const ARGUMENT_SLICE = 8;

export function chunksFromDraft(draft: CompletionDraft, options: ChunkOptions): ChatCompletionChunk[] {
  const chunk = (delta: Delta, finish: ChunkChoice['finish_reason'] = null, logprobs: ChunkChoice['logprobs'] = null, usage: Usage | null = null): ChatCompletionChunk => ({
    id: draft.id,
    object: 'chat.completion.chunk',
    created: draft.created,
    model: draft.model,
    system_fingerprint: draft.systemFingerprint,
    choices: [{ index: 0, delta, logprobs, finish_reason: finish }],
    usage,
  });
  const out: ChatCompletionChunk[] = [];
  if (draft.reasoning) {
    out.push(chunk({ role: 'assistant', content: null, reasoning_content: '' }));
    for (const token of draft.reasoning) out.push(chunk({ content: null, reasoning_content: token }));
  } else {
    out.push(chunk({ role: 'assistant', content: '' }));
  }
  (draft.content ?? []).forEach((token, i) => {
    const lp = draft.logprobs?.[i];
    out.push(chunk({ content: token }, null, lp ? { content: [lp] } : null));
  });
  draft.toolCalls.forEach((call, index) => {
    out.push(chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }] }));
    const args = call.function.arguments;
    for (let i = 0; i < args.length; i += ARGUMENT_SLICE) {
      out.push(chunk({ tool_calls: [{ index, function: { arguments: args.slice(i, i + ARGUMENT_SLICE) } }] }));
    }
  });
  const onFinal = options.usage === 'final-chunk';
  out.push(chunk({ content: '' }, draft.finishReason, null, onFinal ? draft.usage : null));
  if (options.includeUsage && !onFinal) out.push({ ...chunk({}), choices: [], usage: draft.usage });
  return out;
}
