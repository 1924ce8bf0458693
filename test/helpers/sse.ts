// A strict little SSE reader for tests: splits a body into its frames exactly as sent.
import type { ChatCompletionChunk } from '../../src/core/types.js';

export interface SseFrames {
  /** Every frame in order: `: keep-alive`, `data: {...}`, `data: [DONE]`. */
  frames: string[];
  /** The JSON chunks (data frames other than [DONE]). */
  chunks: ChatCompletionChunk[];
  done: boolean;
}

export function readSse(text: string): SseFrames {
  if (!text.endsWith('\n\n') && text !== '') throw new Error(`SSE body does not end with a blank line: ${JSON.stringify(text.slice(-40))}`);
  const frames = text.split('\n\n').slice(0, -1);
  const data = frames.filter((f) => f.startsWith('data: ')).map((f) => f.slice(6));
  return {
    frames,
    chunks: data.filter((d) => d !== '[DONE]').map((d) => JSON.parse(d) as ChatCompletionChunk),
    done: data.at(-1) === '[DONE]',
  };
}
