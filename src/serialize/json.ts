import type { CompletionDraft } from '../generate/draft.js';
import type { ChatCompletion, ResponseMessage } from '../core/types.js';

/** The non-streaming body for a draft. */
export function completionFromDraft(draft: CompletionDraft): ChatCompletion {
  const message: ResponseMessage = { role: 'assistant', content: draft.content ? draft.content.join('') : null };
  if (draft.reasoning) message.reasoning_content = draft.reasoning.join('');
  if (draft.toolCalls.length) message.tool_calls = draft.toolCalls;
  return {
    id: draft.id,
    object: 'chat.completion',
    created: draft.created,
    model: draft.model,
    choices: [
      {
        index: 0,
        message,
        logprobs: draft.logprobs ? { content: draft.logprobs } : null,
        finish_reason: draft.finishReason,
      },
    ],
    usage: draft.usage,
    system_fingerprint: draft.systemFingerprint,
  };
}
