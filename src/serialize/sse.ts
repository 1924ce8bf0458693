// Server-sent-event framing, byte for byte as DeepSeek writes it (facts page, "Streaming").
import type { ApiError } from '../core/errors.js';
import { envelope } from '../core/errors.js';
import type { ChatCompletionChunk } from '../core/types.js';

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
} as const;

export function frame(chunk: ChatCompletionChunk): string {
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

export const DONE_FRAME = 'data: [DONE]\n\n';

/** What a stream sends while the request waits for capacity: an SSE comment, ignored by parsers. */
export const KEEP_ALIVE_FRAME = ': keep-alive\n\n';

/** What a non-streaming response sends while waiting: JSON parsers skip leading whitespace. */
export const BLANK_LINE = '\n';

/** An error in the stream, in DeepSeek's envelope, as OpenAI-compatible servers send it. */
export function errorFrame(error: ApiError): string {
  return `data: ${JSON.stringify(envelope(error))}\n\n`;
}

/** The chunk's frame cut off halfway through its JSON, as if bytes were lost: invalid JSON. */
export function malformedFrame(chunk: ChatCompletionChunk): string {
  const json = JSON.stringify(chunk);
  return `data: ${json.slice(0, Math.ceil(json.length / 2))}\n\n`;
}
