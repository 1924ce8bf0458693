// Reading a fake's SSE body in tests: the frames exactly as sent (for byte-level checks), and the
// chunks as the conformance checker's reader (src/conformance/sse-parse.ts) finds them, so tests and
// the checker agree on what a well-formed stream is. The fake's framing is stricter than SSE allows
// (`data: ` with its space, every frame ended by a blank line); those two rules are checked here too.
import type { ChatCompletionChunk } from '../../src/core/types.js';
import { parseSse } from '../../src/conformance/sse-parse.js';

export interface SseFrames {
  /** Every frame in order: `: keep-alive`, `data: {...}`, `data: [DONE]`. */
  frames: string[];
  /** The JSON chunks (data frames other than [DONE]). */
  chunks: ChatCompletionChunk[];
  /** [DONE] was sent (and nothing after it, else that is a problem). */
  done: boolean;
  /** What breaks the framing, in words; empty for a well-formed stream (a missing [DONE] is `done: false`). */
  problems: string[];
}

export function inspectSse(text: string): SseFrames {
  const parsed = parseSse(text);
  const problems = parsed.findings
    .filter((f) => f.rule !== 'sse.done')
    .map((f) => (f.value === undefined ? f.actual : `${f.actual}: ${String(f.value)}`));
  if (text !== '' && !text.endsWith('\n\n')) problems.push(`the body does not end with a blank line: ${JSON.stringify(text.slice(-40))}`);
  const frames = text.split('\n\n').slice(0, -1);
  for (const f of frames) if (f !== '' && !f.startsWith('data: ') && !f.startsWith(':')) problems.push(`a frame is neither "data: …" nor a comment: ${f.slice(0, 200)}`);
  return { frames, chunks: parsed.chunks.map((c) => c.value as ChatCompletionChunk), done: parsed.sawDone, problems };
}

/** Like inspectSse, but a framing problem throws: for streams the fake must frame correctly. */
export function readSse(text: string): SseFrames {
  const sse = inspectSse(text);
  if (sse.problems.length) throw new Error(`SSE body is malformed: ${sse.problems.join('; ')}`);
  return sse;
}

/** The chunks of a complete, well-formed stream (ended by [DONE]). */
export function sseChunks(text: string): any[] {
  const sse = readSse(text);
  if (!sse.done) throw new Error(`SSE body ends without data: [DONE]: ${JSON.stringify(text.slice(-80))}`);
  return sse.chunks;
}
