import { describe, expect, it } from 'vitest';
import { BASE, get, hi, newFake, post } from '../../test/helpers/fake-client.js';
import { frozenClock } from './clock.js';

describe('createFake', () => {
  it('answers a valid request with a chat.completion valid against the contract', async () => {
    const fake = newFake();
    const res = await post(fake, hi);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-ds-trace-id')).toMatch(/^[0-9a-f]{32}$/);
    const body = await res.json();
    expect(fake.contract.completion(body), JSON.stringify(fake.contract.completion.errors)).toBe(true);
    expect(body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(body.object).toBe('chat.completion');
    expect(body.model).toBe('deepseek-chat');
    expect(body.system_fingerprint).toMatch(/^fp_/);
    expect(body.choices[0].message.role).toBe('assistant');
    expect(body.choices[0].message.content.length).toBeGreaterThan(10);
    expect(body.choices[0].finish_reason).toBe('stop');
    const u = body.usage;
    expect(u.total_tokens).toBe(u.prompt_tokens + u.completion_tokens);
    expect(u.prompt_tokens).toBe(u.prompt_cache_hit_tokens + u.prompt_cache_miss_tokens);
    expect(u.prompt_tokens_details.cached_tokens).toBe(u.prompt_cache_hit_tokens);
    expect(u.completion_tokens).toBeGreaterThan(0);
  });

  it('is deterministic: same request and seed → same content; other seed → other content', async () => {
    const a = await (await post(newFake({ seed: 7 }), hi)).json();
    const b = await (await post(newFake({ seed: 7 }), hi)).json();
    const c = await (await post(newFake({ seed: 8 }), hi)).json();
    expect(a.choices).toEqual(b.choices);
    expect(a.usage).toEqual(b.usage);
    expect(c.choices[0].message.content).not.toBe(a.choices[0].message.content);
    expect(a.id).not.toBe(b.id); // ids are fresh UUIDs by default, as DeepSeek's are
  });

  it('key order in the request does not change the answer', async () => {
    const fake = newFake({ seed: 1 });
    const a = await (await post(fake, { model: 'deepseek-chat', messages: hi.messages, temperature: 1 })).json();
    const b = await (await post(fake, { temperature: 1, messages: hi.messages, model: 'deepseek-chat' })).json();
    expect(a.choices).toEqual(b.choices);
  });

  it('seeded ids and a frozen clock make whole bodies repeat', async () => {
    const opts = { seed: 3, ids: 'seeded' as const, clock: frozenClock(1_700_000_000_000) };
    const a = await (await post(newFake(opts), hi)).json();
    const b = await (await post(newFake(opts), hi)).json();
    expect(a).toEqual(b);
    expect(a.created).toBe(1_700_000_000);
  });

  it('answers under /v1 and /beta too', async () => {
    const fake = newFake();
    for (const path of ['/v1/chat/completions', '/beta/chat/completions', '/chat/completions/']) {
      expect((await post(fake, hi, { path })).status, path).toBe(200);
    }
    expect((await get(fake, '/v1/models')).status).toBe(200);
  });

  it('serves under a base path given by the adapter', async () => {
    const fake = newFake();
    const res = await fake.handle(
      new Request('http://localhost/api/deepseek/chat/completions', {
        method: 'POST',
        headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
        body: JSON.stringify(hi),
      }),
      { basePath: '/api/deepseek' },
    );
    expect(res.status).toBe(200);
  });

  it('GET /models and /user/balance have the documented shapes', async () => {
    const fake = newFake();
    const models = await (await get(fake, '/models')).json();
    expect(models).toEqual({
      object: 'list',
      data: [
        { id: 'deepseek-chat', object: 'model', owned_by: 'deepseek' },
        { id: 'deepseek-reasoner', object: 'model', owned_by: 'deepseek' },
      ],
    });
    expect(fake.contract.models(models)).toBe(true);
    const balance = await (await get(fake, '/user/balance')).json();
    expect(fake.contract.balance(balance)).toBe(true);
    expect(balance.balance_infos[0].currency).toBe('CNY');
  });

  it('unknown paths → 404 envelope; wrong methods → 405 with Allow', async () => {
    const fake = newFake();
    const r404 = await get(fake, '/nope');
    expect(r404.status).toBe(404);
    expect((await r404.json()).error.message).toMatch(/Unknown path/);
    const r405 = await fake.handle(new Request(`${BASE}/chat/completions`, { headers: { authorization: 'Bearer k' } }));
    expect(r405.status).toBe(405);
    expect(r405.headers.get('allow')).toBe('POST');
    expect((await r405.json()).error.type).toBe('invalid_request_error');
  });
});

describe('auth', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['missing header', {}, 'Authentication Fails (auth header format should be Bearer sk-...)'],
    ['not Bearer', { authorization: 'Basic abc' }, 'Authentication Fails (auth header format should be Bearer sk-...)'],
    ['empty Bearer', { authorization: 'Bearer ' }, 'Authentication Fails (auth header format should be Bearer sk-...)'],
  ];
  it.each(cases)('%s → 401', async (_name, headers, message) => {
    const res = await newFake().handle(new Request(`${BASE}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(hi) }));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { message, type: 'authentication_error', param: null, code: 'invalid_request_error' } });
  });

  it('any Bearer key is accepted when no keys are configured', async () => {
    expect((await post(newFake(), hi, { headers: { authorization: 'Bearer whatever' } })).status).toBe(200);
  });

  it('with configured keys, others get "Your api key: ****abcd is invalid"', async () => {
    const fake = newFake({ apiKeys: ['sk-good'] });
    expect((await post(fake, hi, { headers: { authorization: 'Bearer sk-good' } })).status).toBe(200);
    const res = await post(fake, hi, { headers: { authorization: 'Bearer sk-bad-key-cd15' } });
    expect(res.status).toBe(401);
    expect((await res.json()).error).toEqual({
      message: 'Authentication Fails, Your api key: ****cd15 is invalid',
      type: 'authentication_error',
      param: null,
      code: 'invalid_request_error',
    });
  });

  it('auth is checked before the body', async () => {
    const res = await newFake({ apiKeys: ['sk-good'] }).handle(new Request(`${BASE}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }));
    expect(res.status).toBe(401);
  });
});
