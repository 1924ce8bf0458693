// Scenarios through the whole in-process fake: matchers, respond forms, every error, the queue,
// key states, the journal — what a test using `createFake` (or msw) sees.
import { describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { messages } from '../src/contract/deepseek-messages.js';
import { errorCatalogue } from '../src/scenario/error-catalogue.js';
import { FixtureError } from '../src/scenario/fixture-validate.js';
import { get, hi, newFake, post } from './helpers/fake-client.js';
import { sseChunks } from './helpers/sse.js';

const user = (content: string, extra: Record<string, unknown> = {}) => ({ model: 'deepseek-chat', messages: [{ role: 'user', content }], ...extra });
const weatherTool = { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } };
async function content(res: Response): Promise<string | null> {
  const body = await res.json();
  return body.choices?.[0]?.message?.content ?? null;
}

describe('fixture matchers (first match wins, no match generates)', () => {
  const fake = newFake();
  fake.use(
    { name: 'model', match: { model: 'deepseek-reasoner' }, respond: { content: 'by model' } },
    { name: 'equals', match: { userMessage: { equals: 'exactly this' } }, respond: { content: 'by equals' } },
    { name: 'regex', match: { userMessage: { regex: '^hello\\b', flags: 'i' } }, respond: { content: 'by regex' } },
    { name: 'system', match: { systemPrompt: 'pirate' }, respond: { content: 'by system prompt' } },
    { name: 'tool-results', match: { toolResults: true }, respond: { content: 'by tool results' } },
    { name: 'named-tool', match: { tool: 'get_weather' }, respond: { content: 'by named tool' } },
    { name: 'any-tools', match: { tools: true }, respond: { content: 'by tools' } },
    { name: 'header', match: { headers: { 'X-Test-Case': { contains: 'checkout' } } }, respond: { content: 'by header' } },
    { name: 'stream', match: { stream: true, userMessage: 'streamed' }, respond: { content: 'by stream' } },
    { name: 'substring', match: { userMessage: 'needle' }, respond: { content: 'by substring' } },
  );

  it.each([
    ['model', { ...user('anything'), model: 'deepseek-reasoner' }, {}, 'by model'],
    ['equals', user('exactly this'), {}, 'by equals'],
    ['regex', user('HELLO world'), {}, 'by regex'],
    ['system', { model: 'deepseek-chat', messages: [{ role: 'system', content: 'You are a pirate.' }, { role: 'user', content: 'x' }] }, {}, 'by system prompt'],
    ['named-tool', user('x', { tools: [weatherTool] }), {}, 'by named tool'],
    ['any-tools', user('x', { tools: [{ ...weatherTool, function: { ...weatherTool.function, name: 'other' } }] }), {}, 'by tools'],
    ['header', user('x'), { 'x-test-case': 'checkout-fails' }, 'by header'],
    ['substring', user('a needle in a haystack'), {}, 'by substring'],
  ])('%s', async (name, body, headers, expected) => {
    expect(await content(await post(fake, body, { headers }))).toBe(expected);
    expect(fake.journal.last()?.scenario).toBe(`fixture:use#${name}`);
  });

  it('tool results', async () => {
    const body = {
      model: 'deepseek-chat',
      tools: [weatherTool],
      messages: [
        { role: 'user', content: 'weather?' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'call_1', content: 'sunny' },
      ],
    };
    expect(await content(await post(fake, body))).toBe('by tool results');
  });

  it('stream', async () => {
    const sse = await (await post(fake, user('streamed', { stream: true }))).text();
    const text = sseChunks(sse).map((c) => c.choices[0]?.delta?.content ?? '').join('');
    expect(text).toBe('by stream');
    expect(await content(await post(fake, user('streamed')))).not.toBe('by stream'); // not streaming: falls through
  });

  it('no match falls through to a generated answer', async () => {
    const res = await post(fake, user('nothing matches this'));
    expect(res.status).toBe(200);
    expect(await content(res)).toMatch(/\w+/);
    expect(fake.journal.last()?.scenario).toBe('default');
  });

  it('nth: only the nth fitting request', async () => {
    const f = newFake({ fixtures: [{ match: { userMessage: 'flaky', nth: 2 }, respond: { error: 503 } }] });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(f, user('flaky'))).status);
    expect(statuses).toEqual([200, 503, 200]);
    expect(f.journal.all().map((e) => e.scenario)).toEqual(['default', 'fixture:options#0', 'default']);
  });

  it('bad rules are refused with where and what', () => {
    expect(() => fake.use({ respond: { contnet: 'x' } } as never)).toThrow(FixtureError);
    expect(() => fake.use({ respond: { contnet: 'x' } } as never)).toThrow('use: /0/respond: unknown field "contnet"');
    expect(() => newFake({ fixtures: [{ match: { nth: 0 }, respond: {} }] })).toThrow('options: /0/match/nth: must be >= 1');
  });
});

describe('respond forms', () => {
  it('content, reasoning, finish reasons, usage and tool calls', async () => {
    const fake = newFake();
    fake.next(
      { content: 'Exactly.', usage: { completion_tokens: 7 } },
      { finishReason: 'content_filter', content: '' },
      { finishReason: 'insufficient_system_resource' },
      { reasoning: 'Because.', content: '42' },
      { toolCalls: [{ name: 'get_weather', arguments: { city: 'Hangzhou' }, id: 'call_0_fixed' }] },
    );
    const a = await (await post(fake, hi)).json();
    expect(a.choices[0].message.content).toBe('Exactly.');
    expect(a.usage.completion_tokens).toBe(7);
    expect((await (await post(fake, hi)).json()).choices[0]).toMatchObject({ finish_reason: 'content_filter', message: { content: '' } });
    expect((await (await post(fake, hi)).json()).choices[0].finish_reason).toBe('insufficient_system_resource');
    const r = await (await post(fake, { ...hi, model: 'deepseek-reasoner' })).json();
    expect(r.choices[0].message).toMatchObject({ reasoning_content: 'Because.', content: '42' });
    const t = await (await post(fake, { ...hi, tools: [weatherTool] })).json();
    expect(t.choices[0].finish_reason).toBe('tool_calls');
    expect(t.choices[0].message.tool_calls).toEqual([{ id: 'call_0_fixed', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Hangzhou"}' } }]);
    for (const body of [a, t]) expect(fake.contract.completion(body)).toBe(true);
  });
});

describe('every documented error', () => {
  it.each(errorCatalogue.map((e) => [e.name, e] as const))('%s: status, headers and envelope, by name and by header', async (name, entry) => {
    const fake = newFake();
    fake.next(name);
    for (const res of [await post(fake, hi), await post(fake, hi, { headers: { 'X-DeepSeek-Fake': `error=${name}` } })]) {
      expect(res.status).toBe(entry.status);
      expect(res.headers.get('content-type')).toBe('application/json');
      const body = await res.json();
      expect(fake.contract.error(body)).toBe(true);
      const message = typeof entry.message === 'function' ? entry.message('sk-test-1234') : entry.message;
      expect(body).toEqual({ error: { message, type: entry.type, param: null, code: 'invalid_request_error' } });
      if (entry.status === 429) expect(res.headers.get('retry-after')).toBe('1');
    }
  });

  it('real messages where DeepSeek has them', async () => {
    const fake = newFake();
    fake.next(402, 'no-such-user', 'content-policy', 500, 503);
    const got = [];
    for (let i = 0; i < 5; i++) {
      const res = await post(fake, hi);
      got.push([res.status, (await res.json()).error.message]);
    }
    expect(got).toEqual([
      [402, 'Insufficient Balance'],
      [401, 'Authentication Fails (no such user)'],
      [400, 'Content Exists Risk'],
      [500, 'Server Error'],
      [503, 'Server Overloaded'],
    ]);
  });

  it('a bad control header is a 400 that says what is wrong', async () => {
    const fake = newFake();
    const res = await post(fake, hi, { headers: { 'x-deepseek-fake': 'error=429; retry-after=soon' } });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toEqual({
      message: 'Invalid X-DeepSeek-Fake header: "retry-after" must be a number ≥ 0, got "soon"',
      type: 'invalid_request_error',
      param: null,
      code: 'invalid_request_error',
    });
  });
});

describe('queue', () => {
  it('the next two calls get 500, then normal; invalid requests do not take from the queue', async () => {
    const fake = newFake();
    expect(fake.next({ error: 500 }, { error: 500 })).toBe(2);
    expect((await post(fake, { model: 'deepseek-chat', messages: [] })).status).toBe(400);
    expect([(await post(fake, hi)).status, (await post(fake, hi)).status, (await post(fake, hi)).status]).toEqual([500, 500, 200]);
    expect(fake.journal.all().map((e) => e.scenario)).toEqual([null, 'queue', 'queue', 'default']);
    expect(() => fake.next({ error: 'nope' } as never)).toThrow('fake.next: /0/error');
  });

  it('reset clears queue, journal and fixtures added with use', async () => {
    const fake = newFake();
    fake.next({ content: 'queued' });
    fake.use({ respond: { content: 'used' } });
    await post(fake, hi);
    fake.reset();
    expect(fake.journal.size).toBe(0);
    expect(fake.store.queue.size).toBe(0);
    expect(await content(await post(fake, hi))).not.toMatch(/^(queued|used)$/);
  });
});

describe('auth modes: key states', () => {
  const fake = newFake({
    apiKeys: ['sk-good'],
    keyStates: { 'sk-empty': 'insufficient-balance', 'sk-ghost': 'no-such-user', 'sk-blocked': 'forbidden', 'sk-busy': '429', 'sk-fine': 'ok' },
  });
  const as = (key: string) => ({ headers: { authorization: `Bearer ${key}` } });

  it('each key answers with its state on chat', async () => {
    const answers: [number, string][] = [];
    for (const key of ['sk-good', 'sk-fine', 'sk-empty', 'sk-ghost', 'sk-blocked', 'sk-busy', 'sk-unknown']) {
      const res = await post(fake, hi, as(key));
      answers.push([res.status, res.ok ? 'ok' : (await res.json()).error.message]);
    }
    expect(answers).toEqual([
      [200, 'ok'],
      [200, 'ok'],
      [402, 'Insufficient Balance'],
      [401, 'Authentication Fails (no such user)'],
      [403, messages.forbidden],
      [429, messages.concurrency(26, 25)],
      [401, 'Authentication Fails, Your api key: ****nown is invalid'],
    ]);
    expect(fake.journal.count({ scenario: 'key-state' })).toBe(4);
  });

  it('auth failures apply to every endpoint; an empty balance shows on /user/balance', async () => {
    expect((await get(fake, '/models', { authorization: 'Bearer sk-ghost' })).status).toBe(401);
    expect((await get(fake, '/models', { authorization: 'Bearer sk-empty' })).status).toBe(200);
    const balance = await (await get(fake, '/user/balance', { authorization: 'Bearer sk-empty' })).json();
    expect(balance).toMatchObject({ is_available: false, balance_infos: [{ total_balance: '0.00' }] });
    expect((await (await get(fake, '/user/balance', { authorization: 'Bearer sk-good' })).json()).is_available).toBe(true);
  });
});

describe('journal', () => {
  it('records every request: method, path, redacted headers, parsed body, validation, scenario, status', async () => {
    const fake = newFake();
    await post(fake, hi, { headers: { authorization: 'Bearer sk-secret-abcd', 'x-custom': 'yes' } });
    const sentBadModel = await (await post(fake, { model: 'nope', messages: [{ role: 'user', content: 'x' }] })).json();
    await post(fake, null, { raw: '{not json' });
    await get(fake, '/models');
    await get(fake, '/nowhere');
    const [ok, badModel, badJson, models, missing] = fake.journal.all();
    expect(ok).toMatchObject({ method: 'POST', path: '/chat/completions', apiKey: '****abcd', body: hi, validation: 'ok', scenario: 'default', status: 200 });
    expect(ok!.headers).toMatchObject({ authorization: 'Bearer ****abcd', 'x-custom': 'yes', 'content-type': 'application/json' });
    expect(JSON.stringify(fake.journal.all())).not.toContain('sk-secret');
    expect(badModel!.validation).toEqual(sentBadModel);
    expect(sentBadModel.error.message).toBe('Model Not Exist');
    expect(badModel).toMatchObject({ scenario: null, status: 400 });
    expect(badJson).toMatchObject({ body: '{not json', status: 400 });
    expect(models).toMatchObject({ method: 'GET', path: '/models', validation: 'ok', status: 200, body: null });
    expect(missing).toMatchObject({ status: 404 });
    expect(fake.journal.lastMessages()).toEqual([{ role: 'user', content: 'x' }]);
    expect(fake.journal.count({ model: 'deepseek-chat' })).toBe(1);
  });

  it('is bounded: the oldest entries are dropped', async () => {
    const fake = newFake({ journalLimit: 2 });
    for (const word of ['one', 'two', 'three']) await post(fake, user(word));
    expect(fake.journal.all().map((e) => (e.body as { messages: { content: string }[] }).messages[0]!.content)).toEqual(['two', 'three']);
  });
});

describe('official openai SDK with default retries', () => {
  it('sees 429 with Retry-After, retries, succeeds; the journal shows both attempts', async () => {
    const fake = newFake();
    const client = new OpenAI({
      baseURL: 'https://api.deepseek.com',
      apiKey: 'sk-retry-test',
      fetch: (url, init) => fake.handle(new Request(url as string, init as RequestInit)),
    });
    fake.next({ error: { status: 429, retryAfter: 0 } });
    const completion = await client.chat.completions.create({ model: 'deepseek-chat', messages: [{ role: 'user', content: 'Hi' }] });
    expect(completion.choices[0]!.message.content).toMatch(/\w/);
    const attempts = fake.journal.all();
    expect(attempts.map((e) => [e.status, e.scenario])).toEqual([
      [429, 'queue'],
      [200, 'default'],
    ]);
    expect(attempts[1]!.headers['x-stainless-retry-count']).toBe('1');
  });
});

describe('isolation', () => {
  it('two fakes in one process share no queue, journal, fixtures or limits', async () => {
    const a = newFake({ rpm: 1 });
    const b = newFake({ rpm: 1 });
    a.next(500);
    a.use({ respond: { content: 'only a' } });
    expect((await post(b, hi)).status).toBe(200);
    expect((await post(a, hi)).status).toBe(500);
    expect(a.journal.size).toBe(1);
    expect(b.journal.size).toBe(1);
    expect((await post(b, hi)).status).toBe(429); // b's own rpm window, untouched by a
    b.reset();
    expect(await content(await post(b, hi))).not.toBe('only a');
  });
});

describe('full error objects', () => {
  it('every envelope field and extra headers can be set; unnamed fields come from the catalogue', async () => {
    const fake = newFake();
    fake.next({ error: { status: 400, message: 'Custom', param: 'messages', code: 'custom_code', headers: { 'x-extra': '1' } } }, { error: { status: 418 } });
    const res = await post(fake, hi);
    expect(res.headers.get('x-extra')).toBe('1');
    expect(await res.json()).toEqual({ error: { message: 'Custom', type: 'invalid_request_error', param: 'messages', code: 'custom_code' } });
    const teapot = await post(fake, hi);
    expect([teapot.status, (await teapot.json()).error.message]).toEqual([418, 'Scenario error 418']);
  });
});
