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

  it('next, use and journal delegate to the fake (arguments, `this` and live values)', () => {
    const calls: unknown[][] = [];
    const fake = Object.assign(createFake(), {
      journal: { entries: [] as string[] },
      next(this: unknown, ...args: unknown[]) {
        calls.push(['next', this === fake, ...args]);
        return 'queued';
      },
      use(this: unknown, ...args: unknown[]) {
        calls.push(['use', this === fake, ...args]);
      },
    });
    const deepseek = createDeepSeekHandlers({ fake });
    const next = deepseek.next as unknown as (...a: unknown[]) => unknown;
    const use = deepseek.use as unknown as (...a: unknown[]) => unknown;
    expect(next({ error: 429 }, { times: 2 })).toBe('queued');
    use([{ match: {}, respond: { content: 'x' } }]);
    expect(calls).toEqual([
      ['next', true, { error: 429 }, { times: 2 }],
      ['use', true, [{ match: {}, respond: { content: 'x' } }]],
    ]);
    fake.journal = { entries: ['later'] };
    expect(deepseek.journal).toEqual({ entries: ['later'] });
  });

  it('a control the fake does not have fails with a clear message', () => {
    const fake = createFake();
    const deepseek = createDeepSeekHandlers({ fake });
    if (typeof (fake as unknown as { next?: unknown }).next === 'function') return expect(typeof deepseek.next).toBe('function');
    expect(() => (deepseek.next as unknown as () => void)()).toThrow('fake.next() is not available in this build of deepseek-fake');
  });
});
