// Streaming through msw in Node: the client reads chunks while the fake is still producing them,
// and aborting the fetch cancels the core's stream, so the fake stops producing.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createFake } from '../src/core/fake.js';
import { observeFake } from './helpers/observed-fake.js';
import { createDeepSeekHandlers } from '../src/msw/index.js';

const WORDS = 3000;
const core = createFake({ resolveScenario: () => ({ source: 'test', respond: { content: 'word '.repeat(WORDS).trim() } }) });

// The core's own response body, observed from outside (how many SSE frames so far, cancelled or not).
const { fake: spied, observed } = observeFake(core);

const server = setupServer(...createDeepSeekHandlers({ fake: spied }).handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

it('streams incrementally, and aborting the fetch cancels the fake’s stream', async () => {
  const ac = new AbortController();
  const res = await fetch('https://api.deepseek.com/chat/completions', {
    method: 'POST',
    headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'deepseek-chat', messages: [{ role: 'user', content: 'Hi' }], stream: true }),
    signal: ac.signal,
  });
  const reader = res.body!.getReader();
  let text = '';
  while (!text.includes('"content":"word"')) text += new TextDecoder().decode((await reader.read()).value);
  // The first words arrived while most of the answer (one frame per token) was not produced yet.
  expect(observed.pulled).toBeLessThan(WORDS / 10);

  ac.abort();
  // A real fetch fails the body's reads on abort; here too, after at most what was already buffered.
  let buffered = 0;
  const failure = await (async () => {
    for (;;) {
      try {
        if ((await reader.read()).done) return 'ended';
        buffered++;
      } catch (e) {
        return e;
      }
    }
  })();
  expect(failure).toMatchObject({ name: 'AbortError' });
  expect(buffered).toBeLessThan(5);
  for (let i = 0; i < 100 && observed.cancelled === undefined; i++) await new Promise((r) => setTimeout(r, 10));
  expect(observed.cancelled).toMatchObject({ name: 'AbortError' });
  const atCancel = observed.pulled;
  await new Promise((r) => setTimeout(r, 50));
  expect(observed.pulled).toBe(atCancel);
  expect(atCancel).toBeLessThan(WORDS / 10);
});
