// Chat prefix completion (DeepSeek beta): the last message is an assistant message with
// `prefix: true`, and the model continues it. The fake accepts it only where it is on (under
// `/beta` of a profile that has it) and only on the last message; elsewhere `prefix: true` is a
// 400 rather than silently ignored, so a client that forgot the beta base URL finds out in tests.
import { invalidRequest } from '../core/errors.js';
import type { AssistantMessage, ChatRequest } from '../core/types.js';
import { messages } from './deepseek-messages.js';

export interface PrefixContext {
  body: ChatRequest;
  /** The request came in under `/beta`. */
  beta: boolean;
  /** The profile serves a `/beta` prefix at all. */
  hasBeta: boolean;
}

export function checkPrefixCompletion({ body, beta, hasBeta }: PrefixContext): void {
  const last = body.messages.length - 1;
  body.messages.forEach((message, index) => {
    if (message.role !== 'assistant' || (message as AssistantMessage).prefix !== true) return;
    const param = `messages[${index}].prefix`;
    if (!beta) throw invalidRequest(hasBeta ? messages.prefixNeedsBeta : messages.prefixUnsupported, param);
    if (index !== last) throw invalidRequest(messages.prefixNotLast(index), param);
  });
}
