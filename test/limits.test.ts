// Input limits through the whole pipeline, in-process: every hostile body gets a 4xx envelope.
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/server/app.js';
import { BASE, hi, newFake, post } from './helpers/fake-client.js';

const fake = newFake();

async function expectEnvelope(res: Response, status: number, message?: RegExp): Promise<void> {
  expect(res.status).toBe(status);
  const body = await res.json();
  expect(fake.contract.error(body), JSON.stringify(body)).toBe(true);
  if (message) expect(body.error.message).toMatch(message);
}

function rawPost(body: BodyInit, headers: Record<string, string> = {}): Promise<Response> {
  return fake.handle(
    new Request(`${BASE}/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json', ...headers },
      body,
    }),
  );
}

const userSays = (content: string) => JSON.stringify({ model: 'deepseek-chat', messages: [{ role: 'user', content }] });
/** The content goes in verbatim, escapes and all. */
const userSaysRaw = (jsonStringBody: string) => `{"model":"deepseek-chat","messages":[{"role":"user","content":"${jsonStringBody}"}]}`;

describe('body size', () => {
  it('413 in the envelope past maxBodyBytes; a body at the limit passes', async () => {
    const small = newFake({ maxBodyBytes: 200 });
    const fits = userSays('x'.repeat(200 - userSays('').length));
    expect(fits.length).toBe(200);
    expect((await post(small, null, { raw: fits })).status).toBe(200);
    const res = await post(small, null, { raw: userSays('x'.repeat(200)) });
    await expectEnvelope(res, 413, /^Request body too large: the limit is 200 bytes$/);
  });

  it('the 4 MiB default admits a 1 MB prompt and refuses 5 MB', async () => {
    // 200,000 words pass the size limit and are read, parsed and counted: they exceed the
    // 131,072-token context window, which is the error that comes back instead of a 413.
    await expectEnvelope(await rawPost(userSays('word '.repeat(200_000))), 400, /^This model's maximum context length is 131072 tokens\. However, you requested \d+ tokens/);
    expect((await rawPost(userSays('word '.repeat(100_000)))).status).toBe(200);
    await expectEnvelope(await rawPost(userSays('x'.repeat(5_000_000))), 413);
  });
});

describe('text that is not fit to parse', () => {
  it.each([
    ['nesting 128 deep', `{"model":"deepseek-chat","messages":[{"role":"user","content":"hi"}],"x":${'['.repeat(128)}${']'.repeat(128)}}`, /recursion limit exceeded/],
    ['a million brackets', '['.repeat(1_000_000), /recursion limit exceeded/],
    ['a lone leading surrogate', userSaysRaw('\\ud800'), /lone surrogate \\ud800/],
    ['a lone trailing surrogate', userSaysRaw('a\\udfffb'), /lone surrogate \\udfff/],
    ['an escaped NUL', userSaysRaw('a\\u0000b'), /NUL character/],
    ['a raw NUL byte', userSaysRaw('a\u0000b'), /NUL character/],
    ['truncated JSON', userSays('hi').slice(0, -3), /^Failed to parse the request body as JSON/],
  ])('%s → 400', async (_name, body, message) => {
    await expectEnvelope(await rawPost(body), 400, message);
  });

  it('invalid UTF-8 bytes → 400 naming the byte', async () => {
    const bytes = new TextEncoder().encode(userSays('hé'));
    const at = bytes.indexOf(0xc3);
    bytes[at] = 0xff;
    await expectEnvelope(await rawPost(bytes), 400, new RegExp(`invalid UTF-8 at byte ${at}$`));
  });

  it('nesting within the limit inside tool parameters still validates and answers', async () => {
    let schema: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 50; i++) schema = { type: 'object', properties: { a: schema } };
    const res = await post(fake, { ...hi, tools: [{ type: 'function', function: { name: 'f', parameters: schema } }] });
    expect(res.status).toBe(200);
  });

  it('emoji written as a surrogate-pair escape are fine', async () => {
    expect((await rawPost(userSaysRaw('\\ud83d\\ude00'))).status).toBe(200);
  });
});

describe('__proto__ and constructor keys', () => {
  afterEach(() => {
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('pollute nothing, and the request behaves as if they were ordinary unknown fields', async () => {
    const raw =
      '{"__proto__":{"polluted":1,"model":"nope"},"constructor":{"prototype":{"polluted":2}},' +
      '"model":"deepseek-chat","messages":[{"role":"user","content":"Hi","__proto__":{"role":"tool","polluted":3}}],' +
      '"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object","properties":{"__proto__":{"type":"string"},"constructor":{"type":"string"}}}}}]}';
    const withKeys = await post(newFake({ seed: 1 }), null, { raw });
    expect(withKeys.status).toBe(200);
    const body = await withKeys.json();
    expect(fake.contract.completion(body)).toBe(true);
    // Streaming too: nothing downstream (seeding, canonical JSON, chunks) trips over the keys.
    const stream = await post(newFake({ seed: 1 }), null, { raw: raw.replace('"model":"deepseek-chat"', '"model":"deepseek-chat","stream":true') });
    expect(await stream.text()).toMatch(/data: \[DONE\]\n\n$/);
  });

  it('a __proto__ where a message belongs is a shape error, not a crash', async () => {
    await expectEnvelope(await rawPost('{"model":"deepseek-chat","messages":{"__proto__":[]}}'), 400, /messages/);
    await expectEnvelope(await rawPost('{"model":"deepseek-chat","messages":[{"__proto__":{"role":"user"},"content":"x"}]}'), 400, /role/);
  });
});

describe('routing', () => {
  it('wrong method → 405 with Allow; unknown path → 404; both in the envelope, through Hono too', async () => {
    const app = createApp();
    const r405 = await app.request('/chat/completions', { method: 'DELETE', headers: { authorization: 'Bearer k' } });
    expect(r405.headers.get('allow')).toBe('POST');
    await expectEnvelope(r405, 405);
    const r405b = await app.request('/models', { method: 'POST', headers: { authorization: 'Bearer k' } });
    expect(r405b.headers.get('allow')).toBe('GET');
    await expectEnvelope(r405b, 405);
    await expectEnvelope(await app.request('/../../etc/passwd'), 404, /Unknown path/);
    await expectEnvelope(await app.request(`/${'a/'.repeat(2000)}`), 404);
  });
});
