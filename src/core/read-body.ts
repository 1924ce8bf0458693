// Reads a request body as UTF-8 text under a byte limit. Web streams only (runs in a service
// worker too). The limit is enforced while reading, so a lying or absent Content-Length cannot
// make the fake buffer more than the limit.
import { messages } from '../contract/deepseek-messages.js';
import { FakeError, apiError, invalidRequest } from './errors.js';

/** 4 MiB: several times the largest prompt a 128K-token context can hold, small enough to bound memory. */
export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

function tooLarge(limit: number): FakeError {
  return new FakeError(apiError(413, 'invalid_request_error', messages.bodyTooLarge(limit)));
}

/** The body's text; 413 past `maxBytes`, 400 for bytes that are not UTF-8. */
export async function readBodyText(request: Request, maxBytes: number = DEFAULT_MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    // Leave the body unread; the adapter drains or drops it. Not awaited: when the body is one branch
    // of a tee (the journal keeps a clone), cancelling settles only once both branches are cancelled.
    void request.body?.cancel().catch(() => {});
    throw tooLarge(maxBytes);
  }
  if (Number.isFinite(declared) && request.headers.has('content-length')) {
    // HTTP servers hold a body to its declared length, so the declared length bounds what
    // arrayBuffer() buffers; @hono/node-server also reads it straight off the socket this way,
    // without building a Web stream (a tenth of a small request's cost, measured).
    // (An in-process caller could build a Request whose header lies; it is still held to the limit.)
    const bytes = new Uint8Array(await request.arrayBuffer());
    if (bytes.byteLength > maxBytes) throw tooLarge(maxBytes);
    return decodeUtf8(bytes);
  }
  if (!request.body) return '';
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      void reader.cancel().catch(() => {}); // not awaited, as above
      throw tooLarge(maxBytes);
    }
    parts.push(value);
  }
  const bytes = parts.length === 1 ? parts[0]! : concat(parts, total);
  return decodeUtf8(bytes);
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

// One decoder per call: a fatal decoder that threw is not reused.
function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw invalidRequest(messages.bodyNotUtf8(firstInvalidUtf8(bytes)));
  }
}

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    let min = 0;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}
