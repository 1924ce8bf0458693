import { describe, expect, it } from 'vitest';
import { createFake } from '../core/fake.js';
import { createDeepSeekHandlers, mountFor } from './handlers.js';

describe('mountFor', () => {
  it('absolute base URLs: the pattern below them, their path as the base path', () => {
    expect(mountFor('https://api.deepseek.com')).toEqual({ pattern: 'https://api.deepseek.com/*', basePath: '' });
    expect(mountFor('https://reseller.example/openai/v1/')).toEqual({ pattern: 'https://reseller.example/openai/v1/*', basePath: '/openai/v1' });
  });

  it('relative paths match on any host in Node, where there is no page origin', () => {
    expect(mountFor('/api/deepseek')).toEqual({ pattern: '*/api/deepseek/*', basePath: '/api/deepseek' });
    expect(mountFor('api/deepseek/')).toEqual({ pattern: '*/api/deepseek/*', basePath: '/api/deepseek' });
  });
});

describe('createDeepSeekHandlers', () => {
  it('one handler per distinct base URL, DeepSeek’s own always first', () => {
    const { handlers } = createDeepSeekHandlers({ baseUrl: ['https://api.deepseek.com/', 'https://x.example'] });
    expect(handlers.map((h) => h.info.path)).toEqual(['https://api.deepseek.com/*', 'https://x.example/*']);
  });

  it('uses a given fake, and reset() clears its state', async () => {
    const fake = createFake();
    const deepseek = createDeepSeekHandlers({ fake });
    expect(deepseek.fake).toBe(fake);
    fake.store.requestCount = 3;
    deepseek.reset();
    expect(fake.store.requestCount).toBe(0);
  });

  it('next, use and journal are the fake’s own: what one queues, the other answers and records', async () => {
    const fake = createFake();
    const deepseek = createDeepSeekHandlers({ fake });
    expect(deepseek.journal).toBe(fake.journal);
    deepseek.next({ content: 'queued through msw' });
    deepseek.use({ match: { userMessage: 'fixture please' }, respond: { content: 'from a fixture' } });
    const ask = (content: string) =>
      fake.handle(
        new Request('https://api.deepseek.com/chat/completions', {
          method: 'POST',
          headers: { authorization: 'Bearer sk-msw-1234', 'content-type': 'application/json' },
          body: JSON.stringify({ model: 'deepseek-chat', messages: [{ role: 'user', content }] }),
        }),
      );
    expect((await (await ask('anything')).json()).choices[0].message.content).toBe('queued through msw');
    expect((await (await ask('fixture please')).json()).choices[0].message.content).toBe('from a fixture');
    expect(deepseek.journal.all().map((e) => e.scenario)).toEqual(['queue', expect.stringMatching(/^fixture:/)]);
    deepseek.reset();
    expect(deepseek.journal.size).toBe(0);
  });
});
