import { describe, expect, it } from 'vitest';
import { FakeError } from './errors.js';
import { DEFAULT_MAX_BODY_BYTES, firstInvalidUtf8, readBodyText } from './read-body.js';

function streamed(parts: Uint8Array[]): Request {
  // No Content-Length: the limit must hold while reading.
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      for (const p of parts) c.enqueue(p);
      c.close();
    },
  });
  return new Request('http://x/', { method: 'POST', body, duplex: 'half' } as RequestInit);
}

async function failure(p: Promise<unknown>): Promise<FakeError['error']> {
  const e = await p.then(() => undefined, (x) => x);
  expect(e).toBeInstanceOf(FakeError);
  return (e as FakeError).error;
}

describe('readBodyText', () => {
  it('reads UTF-8 text, multi-byte characters split across chunks included', async () => {
    const bytes = new TextEncoder().encode('{"a":"你好😀"}');
    expect(await readBodyText(streamed([bytes.slice(0, 8), bytes.slice(8)]))).toBe('{"a":"你好😀"}');
  });

  it('the default limit is 4 MiB', () => {
    expect(DEFAULT_MAX_BODY_BYTES).toBe(4 * 1024 * 1024);
  });

  it('413 from Content-Length before reading, and while reading when the length is not declared', async () => {
    const declared = new Request('http://x/', { method: 'POST', body: 'x'.repeat(11) });
    expect(await failure(readBodyText(declared, 10))).toMatchObject({ status: 413, type: 'invalid_request_error', message: 'Request body too large: the limit is 10 bytes' });
    const chunked = streamed([new Uint8Array(6), new Uint8Array(6)]);
    expect((await failure(readBodyText(chunked, 10))).status).toBe(413);
    expect(await readBodyText(streamed([new Uint8Array(5).fill(0x61), new Uint8Array(5).fill(0x62)]), 10)).toBe('aaaaabbbbb');
  });

  it('invalid UTF-8 is a 400 naming the byte offset', async () => {
    const bad = new Uint8Array([0x7b, 0x22, 0x61, 0xff, 0x22, 0x7d]);
    expect(await failure(readBodyText(streamed([bad])))).toMatchObject({
      status: 400,
      message: 'Failed to parse the request body as JSON: invalid UTF-8 at byte 3',
    });
  });

  it('firstInvalidUtf8 catches overlongs, surrogates encoded in UTF-8 and truncated sequences', () => {
    const valid = new TextEncoder().encode('ok 你好 😀');
    expect(firstInvalidUtf8(valid)).toBe(valid.length); // all valid: the offset is the end
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0x80]))).toBe(1); // overlong NUL
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0x62, 0xed, 0xa0, 0x80]))).toBe(2); // CESU-8 surrogate
    expect(firstInvalidUtf8(new Uint8Array([0xe4, 0xbd]))).toBe(0); // cut short
  });

  it('an absent body reads as empty text', async () => {
    expect(await readBodyText(new Request('http://x/', { method: 'POST' }))).toBe('');
  });
});
