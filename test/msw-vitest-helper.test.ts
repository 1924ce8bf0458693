// useDeepSeekFake: listen before the file's tests, reset state and per-test handlers after each, close after.
// The tests below run in order; the second checks what the first left behind was cleared.
import { http, HttpResponse } from 'msw';
import { expect, it } from 'vitest';
import { useDeepSeekFake } from '../src/msw/vitest.js';

const deepseek = useDeepSeekFake({ seed: 1 });

const ask = () =>
  fetch('https://api.deepseek.com/chat/completions', {
    method: 'POST',
    headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'deepseek-chat', messages: [{ role: 'user', content: 'Hi' }] }),
  });

it('is listening when the tests run; per-test handlers go in front of the fake', async () => {
  expect((await ask()).status).toBe(200);
  expect(deepseek.fake.store.requestCount).toBe(1);
  deepseek.server.use(http.post('https://api.deepseek.com/chat/completions', () => HttpResponse.json({ teapot: true }, { status: 418 })));
  expect((await ask()).status).toBe(418);
});

it('after each test the fake state and the per-test handlers are gone', async () => {
  expect(deepseek.fake.store.requestCount).toBe(0);
  expect((await ask()).status).toBe(200);
});

it('requests nobody mocks fail by default instead of reaching the network', async () => {
  await expect(fetch('http://127.0.0.1:9/nobody')).rejects.toThrow(/onUnhandledRequest/);
});
