// A finished completion as plain data, before it is written as JSON or as SSE chunks. Both
// serializers read the same draft, so the stream and the JSON body always carry the same answer.
import type { FinishReason, TokenLogprob, ToolCall, Usage } from '../core/types.js';

export interface CompletionDraft {
  id: string;
  /** Unix seconds. */
  created: number;
  model: string;
  systemFingerprint: string;
  /** Reasoning tokens, or null for a model that does not think. */
  reasoning: string[] | null;
  /** Answer tokens; null when the answer is only tool calls. */
  content: string[] | null;
  toolCalls: ToolCall[];
  finishReason: FinishReason;
  /** One entry per content token when logprobs were asked for. */
  logprobs: TokenLogprob[] | null;
  usage: Usage;
}
