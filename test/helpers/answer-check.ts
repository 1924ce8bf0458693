// Checks that an answer is something a DeepSeek client can rely on: a success valid against the
// contract (JSON or a whole SSE stream) or an error envelope. Shared by the fuzz and load suites.
import type { Contract } from '../../src/contract/compile.js';
import { inspectSse } from './sse.js';

export interface SseParse {
  /** Parsed `data: {...}` payloads, in order. */
  chunks: unknown[];
  /** `[DONE]` came last. */
  done: boolean;
  /** Frames that were neither JSON data, [DONE], nor comments. */
  strange: string[];
}

export function parseSse(text: string): SseParse {
  const sse = inspectSse(text);
  return { chunks: sse.chunks, done: sse.done, strange: sse.problems };
}

/** Returns what is wrong with the answer, or null when it is a fine answer. */
export async function problemWith(res: Response, contract: Contract, method = 'POST'): Promise<string | null> {
  const type = res.headers.get('content-type') ?? '';
  if (res.status >= 500) return `status ${res.status}: ${await res.text()}`;
  if (method === 'HEAD') return null;
  const text = await res.text();
  if (res.status >= 400) {
    if (!type.startsWith('application/json')) return `error with content-type ${type}`;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return `error body is not JSON: ${text.slice(0, 200)}`;
    }
    if (!contract.error(body)) return `error body off-contract: ${text.slice(0, 300)}`;
    if (res.status === 405 && !res.headers.get('allow')) return '405 without Allow';
    return null;
  }
  if (res.status !== 200) return `unexpected status ${res.status}`;
  if (type.startsWith('text/event-stream')) {
    const sse = parseSse(text);
    if (!sse.done) return `stream without [DONE]: …${text.slice(-200)}`;
    if (sse.strange.length) return `stream with strange frames: ${sse.strange[0]!.slice(0, 200)}`;
    if (!sse.chunks.length) return 'stream with no chunks';
    for (const chunk of sse.chunks) if (!contract.chunk(chunk)) return `chunk off-contract (${JSON.stringify(contract.chunk.errors)}): ${JSON.stringify(chunk).slice(0, 300)}`;
    return null;
  }
  if (!type.startsWith('application/json')) return `success with content-type ${type}`;
  const body = JSON.parse(text) as Record<string, unknown>;
  const validate = body.object === 'chat.completion' ? contract.completion : body.object === 'list' ? contract.models : 'balance_infos' in body ? contract.balance : null;
  if (!validate) return `success of unknown shape: ${text.slice(0, 200)}`;
  if (!validate(body)) return `success off-contract (${JSON.stringify(validate.errors)}): ${text.slice(0, 300)}`;
  return null;
}
