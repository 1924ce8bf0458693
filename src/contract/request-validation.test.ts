// Every validation rule of the core issue, with the exact status and envelope DeepSeek sends.
import { describe, expect, it } from 'vitest';
import { hi, newFake, post } from '../../test/helpers/fake-client.js';

const fake = newFake();

async function expectError(res: Response, status: number, message: string | RegExp, param: string | null = null, type = 'invalid_request_error') {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/json');
  const body = await res.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
  if (typeof message === 'string') expect(body.error.message).toBe(message);
  else expect(body.error.message).toMatch(message);
  expect(body.error.type).toBe(type);
  expect(body.error.param).toBe(param);
  expect(body.error.code).toBe('invalid_request_error');
}

const user = (content: unknown) => ({ role: 'user', content });

describe('request validation', () => {
  it('accepts the seed 000 request example with all its nulls', async () => {
    const res = await post(fake, {
      messages: [
        { content: 'You are a helpful assistant', role: 'system' },
        { content: 'Hi', role: 'user' },
      ],
      model: 'deepseek-chat',
      frequency_penalty: 0,
      max_tokens: 2048,
      presence_penalty: 0,
      response_format: { type: 'text' },
      stop: null,
      stream: false,
      stream_options: null,
      temperature: 1,
      top_p: 1,
      tools: null,
      tool_choice: 'none',
      logprobs: false,
      top_logprobs: null,
    });
    expect(res.status).toBe(200);
    expect(fake.contract.completion(await res.json())).toBe(true);
  });

  it('unknown model → Model Not Exist', async () => {
    await expectError(await post(fake, { ...hi, model: 'gpt-4o' }), 400, 'Model Not Exist');
  });

  it('empty messages → Empty input messages', async () => {
    await expectError(await post(fake, { ...hi, messages: [] }), 400, 'Empty input messages', 'messages');
  });

  it.each([
    ['temperature', 2.5, 'Invalid temperature value, the valid range of temperature is [0, 2]'],
    ['temperature', -0.1, 'Invalid temperature value, the valid range of temperature is [0, 2]'],
    ['top_p', 0, 'Invalid top_p value, the valid range of top_p is (0, 1.0]'],
    ['top_p', 1.01, 'Invalid top_p value, the valid range of top_p is (0, 1.0]'],
    ['presence_penalty', 2.1, 'Invalid presence_penalty value, the valid range of presence_penalty is [-2, 2]'],
    ['frequency_penalty', -3, 'Invalid frequency_penalty value, the valid range of frequency_penalty is [-2, 2]'],
    ['max_tokens', 0, 'Invalid max_tokens value, the valid range of max_tokens is [1, 8192]'],
    ['max_tokens', 8193, 'Invalid max_tokens value, the valid range of max_tokens is [1, 8192]'],
  ])('%s = %s → exact range message', async (field, value, message) => {
    await expectError(await post(fake, { ...hi, [field]: value }), 400, message, field);
  });

  it('top_logprobs > 20 → exact message', async () => {
    await expectError(await post(fake, { ...hi, logprobs: true, top_logprobs: 21 }), 400, 'Invalid top_logprobs value, the valid range of top_logprobs is [0, 20].', 'top_logprobs');
  });

  it('top_logprobs needs logprobs: true', async () => {
    await expectError(
      await post(fake, { ...hi, top_logprobs: 3 }),
      400,
      'Invalid top_logprobs and logprobs value, logprobs must be set to true if top_logprobs is used.',
      'top_logprobs',
    );
  });

  it('stream_options only with stream: true', async () => {
    await expectError(await post(fake, { ...hi, stream_options: { include_usage: true } }), 400, /stream_options can only be set when stream is true/, 'stream_options');
    expect((await post(fake, { ...hi, stream: true, stream_options: { include_usage: true } })).status).toBe(200);
  });

  it('a tool message must answer a preceding tool_calls', async () => {
    await expectError(
      await post(fake, { ...hi, messages: [user('Hi'), { role: 'tool', tool_call_id: 'call_1', content: '42' }] }),
      400,
      "Messages with role 'tool' must be a response to a preceding message with 'tool_calls'",
    );
    const ok = await post(fake, {
      ...hi,
      messages: [
        user('Weather?'),
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'w', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'call_1', content: '20C' },
      ],
    });
    expect(ok.status).toBe(200);
  });

  it('a named tool_choice must name a given tool', async () => {
    const tools = [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } }];
    await expectError(await post(fake, { ...hi, tools, tool_choice: { type: 'function', function: { name: 'nope' } } }), 400, /`nope` is not among the given tools/, 'tool_choice');
  });

  it('unknown role → serde-style unknown variant with position', async () => {
    await expectError(
      await post(fake, { model: 'deepseek-chat', messages: [{ role: 'developer', content: 'x' }] }),
      400,
      /^messages\[0\]\.role: unknown variant `developer`, expected one of `system`, `user`, `assistant`, `tool` at line 1 column \d+$/,
      'messages[0].role',
    );
  });

  it('image parts are rejected the way DeepSeek rejects them', async () => {
    await expectError(
      await post(fake, { ...hi, messages: [user([{ type: 'image_url', image_url: { url: 'https://x/y.png' } }])] }),
      400,
      /messages\[0\]\.content\[0\]\.type: unknown variant `image_url`, expected `text`/,
      'messages[0].content[0].type',
    );
    expect((await post(fake, { ...hi, messages: [user([{ type: 'text', text: 'Hi' }])] })).status).toBe(200);
  });

  it('wrong type names the field, what came and what was expected', async () => {
    await expectError(await post(fake, { ...hi, messages: [user(['x'])] }), 400, /^messages\[0\]\.content\[0\]: invalid type: string "x", expected a map at line 1 column \d+$/, 'messages[0].content[0]');
    await expectError(await post(fake, { ...hi, temperature: 'hot' }), 400, /^temperature: invalid type: string "hot", expected f64/, 'temperature');
    await expectError(await post(fake, { ...hi, max_tokens: 1.5 }), 400, /^max_tokens: invalid type: floating point `1.5`, expected u32/, 'max_tokens');
  });

  it('missing fields', async () => {
    await expectError(await post(fake, { messages: hi.messages }), 400, /^missing field `model` at line 1 column \d+$/);
    await expectError(await post(fake, { ...hi, messages: [{ role: 'user' }] }), 400, /^messages\[0\]: missing field `content`/, 'messages[0]');
    await expectError(await post(fake, { ...hi, messages: [user('x'), { role: 'tool', content: 'y' }] }), 400, /missing field `tool_call_id`/, 'messages[1]');
  });

  it('stop: a string or at most 16 strings', async () => {
    expect((await post(fake, { ...hi, stop: 'END' })).status).toBe(200);
    expect((await post(fake, { ...hi, stop: Array.from({ length: 16 }, (_, i) => `s${i}`) })).status).toBe(200);
    await expectError(await post(fake, { ...hi, stop: Array.from({ length: 17 }, (_, i) => `s${i}`) }), 400, /stop must have at most 16 items/, 'stop');
  });

  it('tools: at most 128, names match ^[a-zA-Z0-9_-]{1,64}$', async () => {
    const tool = (name: string) => ({ type: 'function', function: { name } });
    expect((await post(fake, { ...hi, tools: Array.from({ length: 128 }, (_, i) => tool(`t${i}`)) })).status).toBe(200);
    await expectError(await post(fake, { ...hi, tools: Array.from({ length: 129 }, (_, i) => tool(`t${i}`)) }), 400, /tools must have at most 128 items/, 'tools');
    await expectError(await post(fake, { ...hi, tools: [tool('bad name')] }), 400, /tools\[0\]\.function\.name/, 'tools[0].function.name');
    await expectError(await post(fake, { ...hi, tools: [tool('x'.repeat(65))] }), 400, /must match the pattern/, 'tools[0].function.name');
  });

  it('tool_choice: none/auto/required or a named function', async () => {
    await expectError(await post(fake, { ...hi, tool_choice: 'sometimes' }), 400, /unknown variant `sometimes`, expected one of `none`, `auto`, `required`/, 'tool_choice');
  });

  it('malformed JSON → 400 envelope', async () => {
    await expectError(await post(fake, null, { raw: '{"model": "deepseek-chat", ' }), 400, /^Failed to parse the request body as JSON/);
  });

  it('wrong content type → 400 envelope', async () => {
    await expectError(await post(fake, hi, { headers: { 'content-type': 'text/plain' } }), 400, 'Expected request with `Content-Type: application/json`');
  });

  it('non-object body → 400 envelope', async () => {
    await expectError(await post(fake, [hi]), 400, /^invalid type: sequence, expected a map/);
    await expectError(await post(fake, 'hello'), 400, /^invalid type: string "hello", expected a map/);
  });

  it('deserialization errors come before range errors, as serde runs first', async () => {
    await expectError(await post(fake, { model: 'deepseek-chat', messages: [{ role: 'developer', content: 'x' }], temperature: 9 }), 400, /unknown variant `developer`/, 'messages[0].role');
  });

  it('unknown top-level fields are ignored, as serde does by default', async () => {
    expect((await post(fake, { ...hi, n: 1, user: 'abc', seed: 5 })).status).toBe(200);
  });
});

describe('tool call sequencing (DeepSeek refuses unanswered tool_calls)', () => {
  const call = (id: string) => ({ id, type: 'function', function: { name: 'w', arguments: '{}' } });
  const asks = (...ids: string[]) => ({ role: 'assistant', content: null, tool_calls: ids.map(call) });
  const result = (id: string) => ({ role: 'tool', tool_call_id: id, content: 'ok' });
  const insufficient =
    "An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. (insufficient tool messages following tool_calls message)";
  const send = (messages: unknown[]) => post(fake, { ...hi, messages });

  it('every call answered at once, in any order → 200', async () => {
    expect((await send([user('go'), asks('a', 'b'), result('b'), result('a'), user('thanks')])).status).toBe(200);
  });

  it.each([
    ['a user message before the results', [user('go'), asks('a'), user('well?')]],
    ['one of two calls unanswered', [user('go'), asks('a', 'b'), result('a'), user('next')]],
    ['the conversation ends on the call', [user('go'), asks('a')]],
  ])('%s → the live API’s insufficient-tool-messages 400', async (_name, messages) => {
    await expectError(await send(messages), 400, insufficient);
  });

  it.each([
    ['a result after another message closed the call', [user('go'), asks('a'), result('a'), user('more'), result('a')]],
    ['the same call answered twice', [user('go'), asks('a'), result('a'), result('a')]],
    ['an id no call made', [user('go'), asks('a'), result('zzz')]],
  ])('%s → tool message without tool_calls 400', async (_name, messages) => {
    await expectError(await send(messages), 400, "Messages with role 'tool' must be a response to a preceding message with 'tool_calls'");
  });
});
