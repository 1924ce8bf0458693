// The README's "Node tests with the `openai` SDK" example, verbatim below this comment
// (test/msw-readme-examples.test.ts checks they match); it imports deepseek-fake/msw by name (the built dist/).
import OpenAI from 'openai';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createDeepSeekHandlers } from 'deepseek-fake/msw';

const deepseek = createDeepSeekHandlers({ seed: 1 });
const server = deepseek.attach(setupServer(...deepseek.handlers));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => deepseek.reset());
afterAll(() => server.close());

it('streams an answer, and retries a queued 429', async () => {
  // The SDK keeps the `fetch` it finds when the client is built: build it after server.listen().
  const client = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: 'sk-test' });
  const stream = await client.chat.completions.create({
    model: 'deepseek-chat',
    messages: [{ role: 'user', content: 'Hi' }],
    stream: true,
  });
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
  expect(text.length).toBeGreaterThan(0);

  deepseek.next({ error: { status: 429, retryAfter: 0.2 } }); // the SDK waits 0.2 s and retries by itself
  await client.chat.completions.create({ model: 'deepseek-chat', messages: [{ role: 'user', content: 'Again' }] });
  expect(deepseek.journal.all().slice(-2).map((entry) => entry.status)).toEqual([429, 200]);
  expect(deepseek.journal.last()?.body).toMatchObject({ messages: [{ role: 'user', content: 'Again' }] });

  const bad = client.chat.completions.create({ model: 'deepseek-chat', messages: [] });
  await expect(bad).rejects.toThrow('Empty input messages');
});
