// The official profile's /beta features: strict function calling and chat prefix completion.
import { describe, expect, it } from 'vitest';
import { createFake } from '../src/core/fake.js';
import { post } from './helpers/fake-client.js';

const fake = createFake();
const beta = { path: '/beta/chat/completions' };

const weather = (parameters: unknown, strict: boolean | null = true) => ({
  type: 'function',
  function: { name: 'get_weather', description: 'Weather of a city', parameters, ...(strict === null ? {} : { strict }) },
});
const good = {
  type: 'object',
  properties: { city: { type: 'string' }, address: { type: 'object', properties: { zip: { type: 'string' } }, required: ['zip'], additionalProperties: false } },
  required: ['city', 'address'],
  additionalProperties: false,
};
const ask = (tools: unknown[]) => ({ model: 'deepseek-chat', messages: [{ role: 'user', content: 'Weather in Hangzhou?' }], tools });

async function error(res: Response) {
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(400);
  return body.error as { message: string; param: string | null; type: string };
}

describe('strict function calling under /beta', () => {
  it('a schema that follows the rules is accepted', async () => {
    expect((await post(fake, ask([weather(good)]), beta)).status).toBe(200);
  });

  it('a nested object with an unlisted property → 400 naming the rule, function and path', async () => {
    const bad = structuredClone(good);
    bad.properties.address.required = [];
    const err = await error(await post(fake, ask([weather(bad)]), beta));
    expect(err.message).toBe(
      "Invalid parameters of function 'get_weather' for strict mode: every property must be listed in `required`, and `zip` is not (at #/properties/address).",
    );
    expect(err.param).toBe('tools[0].function.parameters');
  });

  it('missing additionalProperties: false and minLength are named too', async () => {
    const { additionalProperties: _, ...open } = good;
    expect((await error(await post(fake, ask([weather(open)]), beta))).message).toMatch(/every object must set `additionalProperties: false` \(at #\)/);
    const sized = structuredClone(good) as any;
    sized.properties.city.minLength = 1;
    expect((await error(await post(fake, ask([weather(sized)]), beta))).message).toMatch(/`minLength` is not supported \(at #\/properties\/city\)/);
  });

  it('strict on one function but not another → 400 naming the loose one', async () => {
    const other = { type: 'function', function: { name: 'get_time', parameters: good } };
    const err = await error(await post(fake, ask([weather(good), other]), beta));
    expect(err.message).toContain("function 'get_time' does not");
    expect(err.param).toBe('tools[1].function.strict');
  });

  it('outside /beta, strict is accepted and not enforced (SDKs send it routinely)', async () => {
    const bad = { type: 'object', properties: { city: { type: 'string', minLength: 1 } } };
    expect((await post(fake, ask([weather(bad)]))).status).toBe(200);
    expect((await post(fake, ask([weather(bad)]), { path: '/v1/chat/completions' })).status).toBe(200);
    // Without strict, /beta does not check the schema either.
    expect((await post(fake, ask([weather(bad, null)]), beta)).status).toBe(200);
  });
});

describe('chat prefix completion', () => {
  const prefixed = (model = 'deepseek-chat') => ({
    model,
    messages: [
      { role: 'user', content: 'Write quicksort in Python' },
      { role: 'assistant', content: '```python\n', prefix: true },
    ],
  });

  it('under /beta, a last assistant message with prefix: true is accepted (chat and reasoner)', async () => {
    expect((await post(fake, prefixed(), beta)).status).toBe(200);
    expect((await post(fake, prefixed('deepseek-reasoner'), beta)).status).toBe(200);
  });

  it('prefix: true on a message that is not the last → 400', async () => {
    const body = prefixed();
    body.messages.push({ role: 'user', content: 'go on' });
    const err = await error(await post(fake, body, beta));
    expect(err.message).toBe('Invalid prefix value, only the last message can be an assistant message with `prefix: true` (found at message index 1).');
    expect(err.param).toBe('messages[1].prefix');
  });

  it('outside /beta → 400 pointing at the beta base URL; prefix: false is fine anywhere', async () => {
    const err = await error(await post(fake, prefixed()));
    expect(err.message).toMatch(/is a beta feature: send the request to the beta base URL \(https:\/\/api\.deepseek\.com\/beta\)/);
    expect(err.param).toBe('messages[1].prefix');
    const plain = prefixed();
    (plain.messages[1] as { prefix: boolean }).prefix = false;
    expect((await post(fake, plain)).status).toBe(200);
  });

  it('a profile without /beta does not support it at all', async () => {
    const reseller = createFake({ profile: 'openai-compatible' });
    const err = await error(await post(reseller, prefixed()));
    expect(err.message).toBe('Invalid prefix value, chat prefix completion (`prefix: true`) is not supported by this API.');
  });
});
