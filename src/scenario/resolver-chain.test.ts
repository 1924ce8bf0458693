// The chain's order and the Scenario objects it produces (faults and timing included: the
// serializer honours them; here we check they arrive intact).
import { describe, expect, it } from 'vitest';
import type { ChatContext } from '../core/chat.js';
import { FakeError } from '../core/errors.js';
import { FakeStore } from '../core/store.js';
import type { ChatRequest } from '../core/types.js';
import { prepareFixtures } from './fixture-set.js';
import { createScenarioResolver } from './resolver-chain.js';

function ctx(body: Partial<ChatRequest> = {}, headers: Record<string, string> = {}): ChatContext {
  const full = { model: 'deepseek-chat', messages: [{ role: 'user', content: 'Hi' }], ...body } as ChatRequest;
  return { request: new Request('https://x/chat/completions', { method: 'POST', headers }), apiKey: 'sk-abcd1234', body: full } as unknown as ChatContext;
}

describe('scenario resolver chain', () => {
  it('order: custom option, queue, control header, fixtures, default', () => {
    const store = new FakeStore({ fixtures: prepareFixtures([{ name: 'f', respond: { content: 'fixture' } }], 'test') });
    let custom = true;
    const resolve = createScenarioResolver(store, () => (custom ? { source: 'mine', respond: { content: 'custom' } } : undefined));
    store.queue.push({ content: 'queued' });
    const h = { 'x-deepseek-fake': 'content=header' };
    expect(resolve(ctx({}, h))).toEqual({ source: 'custom:mine', respond: { content: 'custom' } });
    custom = false;
    expect(resolve(ctx({}, h))).toEqual({ source: 'queue', respond: { content: 'queued' } });
    expect(resolve(ctx({}, h))).toEqual({ source: 'header', respond: { content: 'header' } });
    expect(resolve(ctx())).toEqual({ source: 'fixture:test#f', respond: { content: 'fixture' } });
    store.reset();
    expect(resolve(ctx())).toEqual({ source: 'fixture:test#f', respond: { content: 'fixture' } }); // base fixtures survive reset
    expect(createScenarioResolver(new FakeStore())(ctx())).toBeUndefined();
  });

  it('queued shorthands expand: error names, statuses, fault words; timing passes through', () => {
    const store = new FakeStore();
    const resolve = createScenarioResolver(store);
    store.queue.push(
      { error: 401 },
      { error: { status: 429, retryAfter: 3 } },
      { fault: 'disconnect-after-3', timing: { ttftMs: 200, tokensPerSecond: 10 } },
      { fault: { kind: 'reset' } },
    );
    expect(resolve(ctx())?.respond.error).toEqual({ status: 401, type: 'authentication_error', message: 'Authentication Fails, Your api key: ****1234 is invalid', param: null });
    expect(resolve(ctx())?.respond.error?.headers).toEqual({ 'retry-after': '3' });
    expect(resolve(ctx())?.respond).toEqual({ fault: { kind: 'disconnect', afterChunks: 3 }, timing: { ttftMs: 200, tokensPerSecond: 10 } });
    expect(resolve(ctx())?.respond).toEqual({ fault: { kind: 'reset' } });
  });

  it('a malformed control header is a 400 that says what is wrong', () => {
    const resolve = createScenarioResolver(new FakeStore());
    try {
      resolve(ctx({}, { 'x-deepseek-fake': 'error=429 retry-after=2' }));
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(FakeError);
      expect((e as FakeError).error).toMatchObject({
        status: 400,
        type: 'invalid_request_error',
        message: 'Invalid X-DeepSeek-Fake header: expected ";" after the value of "error" at character 11',
      });
    }
  });

  it('nth counts every valid request that fits, whichever step answered it', () => {
    const store = new FakeStore({ fixtures: prepareFixtures([{ name: 'third', match: { userMessage: 'Hi', nth: 3 }, respond: { error: 503 } }], 't') });
    const resolve = createScenarioResolver(store);
    store.queue.push({ content: 'q' });
    expect(resolve(ctx())?.source).toBe('queue'); // 1st fitting request
    expect(resolve(ctx({ messages: [{ role: 'user', content: 'other' }] }))).toBeUndefined(); // does not fit: not counted
    expect(resolve(ctx())).toBeUndefined(); // 2nd
    expect(resolve(ctx())?.respond.error?.status).toBe(503); // 3rd
    expect(resolve(ctx())).toBeUndefined(); // 4th
  });
});
