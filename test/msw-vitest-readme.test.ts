// The README's "The vitest helper" example, verbatim below this comment (test/msw-readme-examples.test.ts
// checks they match). It imports the package by name, so it runs against the built dist/ through
// package.json's "./msw/vitest" export, as a consumer's test would.
import OpenAI from 'openai';
import { expect, it } from 'vitest';
import { useDeepSeekFake } from 'deepseek-fake/msw/vitest';

const deepseek = useDeepSeekFake({ seed: 1 });

it('retries a rate-limited call', async () => {
  deepseek.next({ error: { status: 429, retryAfter: 0 } });
  // The SDK keeps the `fetch` it finds when the client is built: build it inside the test.
  const client = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: 'sk-test' });
  const completion = await client.chat.completions.create({
    model: 'deepseek-chat',
    messages: [{ role: 'user', content: 'Hi' }],
  });
  expect(completion.choices[0].message.content).toBeTruthy();
  expect(deepseek.journal.all().map((entry) => entry.status)).toEqual([429, 200]);
  expect(deepseek.journal.lastMessages()).toEqual([{ role: 'user', content: 'Hi' }]);
});

it('starts every test clean', () => {
  expect(deepseek.journal.size).toBe(0);
});
