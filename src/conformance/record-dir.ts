// Node-only: writes every exchange to a directory, for --record. Per case: `<case>.json` (request,
// status, headers, error) and the response body exactly as received, `<case>.sse` for a stream or
// `<case>.body` otherwise, so a failure can be inspected byte for byte or replayed as a fixture.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Exchange } from './types.js';

export async function prepareRecordDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
}

export async function recordExchange(dir: string, exchange: Exchange): Promise<void> {
  const name = exchange.case.replace(/[^A-Za-z0-9._-]/g, '_');
  const res = exchange.response;
  const isSse = /^text\/event-stream/i.test(res?.headers['content-type'] ?? '');
  const bodyFile = res ? `${name}.${isSse ? 'sse' : 'body'}` : undefined;
  const meta = {
    case: exchange.case,
    request: exchange.request,
    response: res ? { status: res.status, headers: res.headers, bodyFile, bytes: res.body.length } : null,
    ...(exchange.error ? { error: exchange.error } : {}),
  };
  await writeFile(join(dir, `${name}.json`), `${JSON.stringify(meta, null, 2)}\n`);
  if (res && bodyFile) await writeFile(join(dir, bodyFile), res.body);
}
