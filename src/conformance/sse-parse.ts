// A strict reader of server-sent events as a chat stream: it returns the JSON chunks and a finding
// for every framing rule the bytes break (only `data:` lines and comments, [DONE] last).
import { finding } from './rules.js';
import type { Finding } from './types.js';

export interface ParsedStream {
  /** The chunks in order, with the index of the event they came from. */
  chunks: { event: number; value: unknown }[];
  sawDone: boolean;
  findings: Finding[];
}

/** Splits on any SSE line ending (\r\n, \n or \r). */
function lines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

export function parseSse(text: string): ParsedStream {
  const findings: Finding[] = [];
  const chunks: ParsedStream['chunks'] = [];
  let sawDone = false;
  let afterDoneReported = false;
  let data: string[] = [];
  let event = 0;
  const all = lines(text);

  const dispatch = () => {
    if (!data.length) return;
    const payload = data.join('\n');
    data = [];
    const index = event++;
    if (sawDone) return; // already reported as after-done
    if (payload === '[DONE]') {
      sawDone = true;
      return;
    }
    try {
      chunks.push({ event: index, value: JSON.parse(payload) });
    } catch {
      findings.push(finding('sse.json', `event ${index} is not JSON`, { path: `event[${index}]`, value: payload.slice(0, 200) }));
    }
  };

  all.forEach((line, i) => {
    if (line === '') return dispatch();
    if (sawDone && !afterDoneReported) {
      afterDoneReported = true;
      findings.push(finding('sse.after-done', `line ${i + 1} comes after [DONE]`, { path: `line[${i + 1}]`, value: line.slice(0, 200) }));
      return;
    }
    if (sawDone) return;
    if (line.startsWith(':')) return; // a comment (keep-alive)
    if (line.startsWith('data:')) {
      // One optional space after the colon belongs to the framing.
      data.push(line.slice(5).replace(/^ /, ''));
      return;
    }
    findings.push(finding('sse.framing', `line ${i + 1} is neither a data line nor a comment`, { path: `line[${i + 1}]`, value: line.slice(0, 200) }));
  });
  dispatch();
  if (!sawDone) findings.push(finding('sse.done', 'the stream ended without data: [DONE]'));
  return { chunks, sawDone, findings };
}

/** Reads a byte stream to the end: the exact bytes (the checker decodes and records them itself). */
export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
