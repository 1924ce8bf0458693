import { describe, expect, it } from 'vitest';
import { cancelOnAbort } from './cancel-on-abort.js';

/** A source that counts how many chunks were pulled from it and records its cancellation. */
function countingSource(total: number) {
  const state = { pulled: 0, cancelled: undefined as unknown };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled === total) return controller.close();
      state.pulled++;
      controller.enqueue(new TextEncoder().encode(`${state.pulled};`));
    },
    cancel(reason) {
      state.cancelled = reason ?? 'cancelled';
    },
  });
  return { stream, state };
}

const request = (signal?: AbortSignal) => new Request('https://api.deepseek.com/chat/completions', { signal });

describe('cancelOnAbort', () => {
  it('passes the body, status and headers through unchanged', async () => {
    const { stream } = countingSource(3);
    const res = cancelOnAbort(new Response(stream, { status: 201, statusText: 'Made', headers: { 'x-a': '1' } }), request(new AbortController().signal));
    expect([res.status, res.statusText, res.headers.get('x-a')]).toEqual([201, 'Made', '1']);
    expect(await res.text()).toBe('1;2;3;');
  });

  it('on abort: reads fail with the abort reason and the source is cancelled, so it stops producing', async () => {
    const ac = new AbortController();
    const { stream, state } = countingSource(1000);
    const reader = cancelOnAbort(new Response(stream), request(ac.signal)).body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('1;');
    ac.abort();
    await expect(reader.read()).rejects.toMatchObject({ name: 'AbortError' });
    expect(state.cancelled).toMatchObject({ name: 'AbortError' });
    const pulled = state.pulled;
    await new Promise((r) => setTimeout(r, 20));
    expect(state.pulled).toBe(pulled);
    expect(pulled).toBeLessThan(10);
  });

  it('a request aborted before the answer cancels the source at once', async () => {
    const ac = new AbortController();
    ac.abort();
    const { stream, state } = countingSource(5);
    cancelOnAbort(new Response(stream), request(ac.signal));
    await Promise.resolve();
    expect(state.cancelled).toBeDefined();
    expect(state.pulled).toBeLessThanOrEqual(1);
  });

  it('the client cancelling the body cancels the source; a source error reaches the client', async () => {
    const { stream, state } = countingSource(1000);
    const body = cancelOnAbort(new Response(stream), request(new AbortController().signal)).body!;
    await body.cancel('bye');
    expect(state.cancelled).toBe('bye');

    const failing = new ReadableStream({ pull: (c) => c.error(new TypeError('source broke')) });
    await expect(cancelOnAbort(new Response(failing), request()).text()).rejects.toThrow('source broke');
  });

  it('a body-less response is returned as it is', () => {
    const res = new Response(null, { status: 204 });
    expect(cancelOnAbort(res, request())).toBe(res);
  });
});
