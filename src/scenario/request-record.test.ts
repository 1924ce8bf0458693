import { describe, expect, it } from 'vitest';
import { releaseWhenBodyEnds } from './request-record.js';

function counter() {
  const c = { released: 0, release: () => void c.released++ };
  return c;
}

describe('releaseWhenBodyEnds', () => {
  it('holds a stream and a paced JSON answer (200, no Content-Length) until the body ends', async () => {
    for (const headers of [{ 'content-type': 'text/event-stream; charset=utf-8' }, { 'content-type': 'application/json' }]) {
      const c = counter();
      const res = releaseWhenBodyEnds(new Response(new ReadableStream({ pull: (ctl) => (ctl.enqueue(new TextEncoder().encode('{}')), ctl.close()) }), { headers }), c.release);
      expect(c.released).toBe(0);
      expect(await res.text()).toBe('{}');
      expect(c.released).toBe(1);
    }
  });

  it('releases complete bodies at once: JSON with Content-Length, error envelopes', () => {
    const c = counter();
    releaseWhenBodyEnds(new Response('{}', { headers: { 'content-type': 'application/json', 'content-length': '2' } }), c.release);
    releaseWhenBodyEnds(new Response('{"error":{}}', { status: 429, headers: { 'content-type': 'application/json' } }), c.release);
    expect(c.released).toBe(2);
  });
});

describe('keys in the journal', () => {
  it('a short key is never kept whole', async () => {
    const { redactKey } = await import('../core/errors.js');
    expect(redactKey('sk-x')).toBe('****');
    expect(redactKey('sk-12345')).toBe('****');
    expect(redactKey('sk-live-secret-9876')).toBe('****9876');
  });
});
