// installDeepSeekFake with hooks from a runner other than vitest (here: plain arrays run by hand),
// to show it relies on nothing but the three hooks.
import { expect, it } from 'vitest';
import { installDeepSeekFake } from './test-lifecycle.js';

it('registers one hook each; they start, reset and stop the msw server', async () => {
  const hooks = { beforeAll: [] as (() => unknown)[], afterEach: [] as (() => unknown)[], afterAll: [] as (() => unknown)[] };
  const deepseek = installDeepSeekFake(
    { beforeAll: (fn) => hooks.beforeAll.push(fn), afterEach: (fn) => hooks.afterEach.push(fn), afterAll: (fn) => hooks.afterAll.push(fn) },
    { baseUrl: 'https://mine.example' },
  );
  expect([hooks.beforeAll.length, hooks.afterEach.length, hooks.afterAll.length]).toEqual([1, 1, 1]);
  const models = () => fetch('https://mine.example/models', { headers: { authorization: 'Bearer k' } });

  const unpatched = globalThis.fetch;
  await hooks.beforeAll[0]!();
  expect(globalThis.fetch).not.toBe(unpatched);
  try {
    expect((await models()).status).toBe(200);
    expect(deepseek.fake.store.requestCount).toBe(1);
    expect(deepseek.server.listHandlers()).toHaveLength(2);
    await hooks.afterEach[0]!();
    expect(deepseek.fake.store.requestCount).toBe(0);
  } finally {
    await hooks.afterAll[0]!();
  }
  // Closed: msw has put the real fetch back.
  expect(globalThis.fetch).toBe(unpatched);
});
