import { describe, expect, it } from 'vitest';
import { releaseBodyCopies, type MswLifeCycle } from './release-body-copies.js';

/** A stand-in for msw's life-cycle events: records the listener so the test can fire it. */
function events() {
  let listener: ((args: { response: Response; request: Request }) => void) | undefined;
  const server: MswLifeCycle = { events: { on: (_event, l) => void (listener = l) } };
  return { server, fire: (response: Response, request: Request) => listener!({ response, request }) };
}

/** A body that records whether it was cancelled. */
function body() {
  const state = { cancelled: false };
  const stream = new ReadableStream({ cancel: () => void (state.cancelled = true) });
  return { response: new Response(stream), state };
}

describe('releaseBodyCopies', () => {
  it("cancels the copy of the fake's own answers only", async () => {
    const ours = new Request('https://api.deepseek.com/chat/completions');
    const theirs = new Request('https://other.example/');
    const { server, fire } = events();
    releaseBodyCopies(server, (r) => r === ours);
    const a = body();
    const b = body();
    fire(a.response, ours);
    fire(b.response, theirs);
    await Promise.resolve();
    expect([a.state.cancelled, b.state.cancelled]).toEqual([true, false]);
  });

  it('leaves a copy alone that a listener of the user already reads, and body-less answers', () => {
    const ours = new Request('https://api.deepseek.com/models');
    const { server, fire } = events();
    releaseBodyCopies(server, () => true);
    const locked = body();
    locked.response.body!.getReader();
    expect(() => fire(locked.response, ours)).not.toThrow();
    expect(locked.state.cancelled).toBe(false);
    expect(() => fire(new Response(null, { status: 204 }), ours)).not.toThrow();
  });
});
