// The same faults and aborts when the fake answers inside msw (no socket): what fetch and the SDK see.
import { http } from 'msw';
import { setupServer } from 'msw/node';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFake } from '../src/core/fake.js';
import type { StreamFault, Timing } from '../src/core/scenario-types.js';

// Which fault/timing a request gets comes from its first message, so one msw server serves all cases.
const scenarios: Record<string, { fault?: StreamFault; timing?: Timing }> = {
  reset: { fault: { kind: 'reset' } },
  disconnect: { fault: { kind: 'disconnect', afterChunks: 2 } },
  slow: { timing: { tokensPerSecond: 100 } },
};
let cancelled = 0;
const fake = createFake({
  resolveScenario: (ctx) => {
    const key = String(ctx.body.messages[0]!.content);
    return { source: 'test', respond: { content: 'word '.repeat(100), ...scenarios[key] } };
  },
});
const server = setupServer(
  http.post('https://api.deepseek.com/chat/completions', async ({ request }) => {
    request.signal.addEventListener('abort', () => cancelled++);
    return fake.handle(request);
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

// fetch is looked up per call: msw patches the global fetch in listen(), after this module loads.
const client = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: 'sk-test', maxRetries: 0, timeout: 5000, fetch: (url, init) => fetch(url, init) });
const ask = (content: string) => client.chat.completions.create({ model: 'deepseek-chat', messages: [{ role: 'user', content }], stream: true });

describe('faults under msw', () => {
  it('reset is a network error: APIConnectionError', async () => {
    const err = await ask('reset').catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.APIConnectionError);
  });

  it('disconnect fails the body after the chunks: the loop throws, after yielding them', async () => {
    let seen = 0;
    const err = await (async () => {
      for await (const _ of await ask('disconnect')) seen++;
    })().catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect(seen).toBe(2);
  });

  it('the SDK stops cleanly with stream.controller.abort() (instead of break)', async () => {
    const stream = await ask('slow');
    let seen = 0;
    const ended = (async () => {
      for await (const _ of stream) if (++seen === 2) stream.controller.abort();
    })();
    await Promise.race([ended, new Promise((_, reject) => setTimeout(() => reject(new Error('the loop did not end')), 3000))]);
    expect(seen).toBeLessThan(10);
  });

  // msw 2.15 tees mocked bodies, so cancelling the body (the SDK's `break`) never reaches the
  // source and hangs the SDK (reproducible with any streamed mock, not only this fake's); aborting
  // the fetch does reach the handler's request, which stops the stream.
  it("aborting the fetch aborts the handler's request, which stops the stream", async () => {
    const ac = new AbortController();
    const res = await fetch('https://api.deepseek.com/chat/completions', {
      method: 'POST',
      headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'deepseek-chat', messages: [{ role: 'user', content: 'slow' }], stream: true }),
      signal: ac.signal,
    });
    const reader = res.body!.getReader();
    await reader.read();
    const before = cancelled;
    ac.abort();
    await expect(reader.read()).rejects.toThrow();
    const deadline = Date.now() + 2000;
    while (cancelled === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(cancelled).toBe(before + 1); // the fake listens to this signal (streaming-clock.test.ts proves it stops)
  });
});
