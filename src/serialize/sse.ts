// Frames chunks as server-sent events in a ReadableStream (Web streams only, so msw can use it).
import type { ChatCompletionChunk } from '../core/types.js';

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
} as const;

export function frame(chunk: ChatCompletionChunk): string {
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

export const DONE_FRAME = 'data: [DONE]\n\n';

export function sseStream(chunks: readonly ChatCompletionChunk[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(encoder.encode(frame(chunks[i++]!)));
      else {
        controller.enqueue(encoder.encode(DONE_FRAME));
        controller.close();
      }
    },
  });
}
