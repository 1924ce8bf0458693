// The msw handlers in Node (setupServer): the openai SDK and plain fetch reach the fake's core
// without a server, through every base URL the handlers claim.
import OpenAI from 'openai';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDeepSeekHandlers } from '../src/msw/index.js';

const deepseek = createDeepSeekHandlers({
  seed: 1,
  baseUrl: ['https://reseller.example/openai/v1', '/api/deepseek'],
  // Scenarios arrive through the core's hook; here the last user message picks one.
  resolveScenario: ({ body }) => {
    const last = body.messages.at(-1)?.content;
    if (last === 'weather?') return { source: 'test', respond: { toolCalls: [{ name: 'get_weather', arguments: { city: 'Hangzhou' } }] } };
    if (last === 'overload') return { source: 'test', respond: { error: { status: 503, type: 'service_unavailable_error', message: 'Server Overloaded' } } };
    return undefined;
  },
});
const server = setupServer(...deepseek.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => deepseek.reset());
afterAll(() => server.close());

const hi = { model: 'deepseek-chat', messages: [{ role: 'user' as const, content: 'Hi' }] };
// openai captures `fetch` when the client is built, so build it after server.listen() (in the test).
const client = (baseURL = 'https://api.deepseek.com') => new OpenAI({ baseURL, apiKey: 'sk-test', maxRetries: 0 });

function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('openai SDK through setupServer', () => {
  it('non-stream: a completion valid against the contract, same as the core answers directly', async () => {
    const completion = await client().chat.completions.create(hi);
    expect(deepseek.fake.contract.completion(completion), JSON.stringify(deepseek.fake.contract.completion.errors)).toBe(true);
    expect(completion.choices[0]!.message.content!.length).toBeGreaterThan(0);
    const direct = await (
      await deepseek.fake.handle(new Request('https://api.deepseek.com/chat/completions', { method: 'POST', headers: { authorization: 'Bearer k', 'content-type': 'application/json' }, body: JSON.stringify(hi) }))
    ).json();
    // Same seed and request → same content: the handler added nothing of its own.
    expect(completion.choices).toEqual(direct.choices);
    expect(completion.usage).toEqual(direct.usage);
  });

  it('stream: chunks valid against the contract that add up to the non-stream answer', async () => {
    const stream = await client().chat.completions.create({ ...hi, stream: true, stream_options: { include_usage: true } });
    let text = '';
    let chunks = 0;
    let usage: unknown = null;
    for await (const chunk of stream) {
      expect(deepseek.fake.contract.chunk(chunk)).toBe(true);
      chunks++;
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    const whole = await client().chat.completions.create(hi);
    expect(chunks).toBeGreaterThan(3);
    expect(text).toBe(whole.choices[0]!.message.content);
    expect(usage).toEqual(whole.usage);
  });

  it('tools: a scenario tool call comes back as tool_calls, streamed and not', async () => {
    const request = { ...hi, messages: [{ role: 'user' as const, content: 'weather?' }], tools: [{ type: 'function' as const, function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }] };
    const completion = await client().chat.completions.create(request);
    const call = completion.choices[0]!.message.tool_calls![0]!;
    expect(completion.choices[0]!.finish_reason).toBe('tool_calls');
    expect(call.type === 'function' && call.function.name).toBe('get_weather');
    expect(call.type === 'function' && JSON.parse(call.function.arguments)).toEqual({ city: 'Hangzhou' });

    const stream = client().chat.completions.stream(request);
    const final = await stream.finalChatCompletion();
    const streamed = final.choices[0]!.message.tool_calls![0]!;
    expect(streamed.type === 'function' && JSON.parse(streamed.function.arguments)).toEqual({ city: 'Hangzhou' });
  });

  it("errors: DeepSeek's envelope and message become the SDK's typed errors", async () => {
    const bad = await client().chat.completions.create({ ...hi, temperature: 5 }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(OpenAI.BadRequestError);
    expect((bad as InstanceType<typeof OpenAI.BadRequestError>).status).toBe(400);
    expect((bad as InstanceType<typeof OpenAI.BadRequestError>).error).toEqual({
      message: 'Invalid temperature value, the valid range of temperature is [0, 2]',
      type: 'invalid_request_error',
      param: 'temperature',
      code: 'invalid_request_error',
    });
    const unknownModel = await client().chat.completions.create({ ...hi, model: 'gpt-4o' }).catch((e: unknown) => e);
    expect((unknownModel as Error).message).toMatch(/Model Not Exist/);
    const overloaded = await client().chat.completions.create({ ...hi, messages: [{ role: 'user', content: 'overload' }] }).catch((e: unknown) => e);
    expect(overloaded).toBeInstanceOf(OpenAI.InternalServerError);
    expect((overloaded as InstanceType<typeof OpenAI.APIError>).status).toBe(503);
  });

  it("answers at a reseller's base URL given in the options", async () => {
    const completion = await client('https://reseller.example/openai/v1').chat.completions.create(hi);
    expect(completion.object).toBe('chat.completion');
  });
});

describe('plain fetch through setupServer', () => {
  it('answers under /, /v1 and /beta of api.deepseek.com, with DeepSeek headers', async () => {
    for (const path of ['/chat/completions', '/v1/chat/completions', '/beta/chat/completions']) {
      const res = await post(`https://api.deepseek.com${path}`, hi);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('x-ds-trace-id')).toMatch(/^[0-9a-f]{32}$/);
      expect((await res.json()).object).toBe('chat.completion');
    }
    const models = await fetch('https://api.deepseek.com/models', { headers: { authorization: 'Bearer k' } });
    expect((await models.json()).data.map((m: { id: string }) => m.id)).toEqual(['deepseek-chat', 'deepseek-reasoner']);
  });

  it('a relative base path answers on any host in Node (a dev server proxy route)', async () => {
    const res = await post('http://localhost:3000/api/deepseek/chat/completions', hi);
    expect(res.status).toBe(200);
    const beside = await post('http://localhost:3000/api/deepseek/v1/chat/completions', hi);
    expect(beside.status).toBe(200);
  });

  it('invalid requests get the 400 envelope; auth, unknown paths and methods answer as the core does', async () => {
    const empty = await post('https://api.deepseek.com/chat/completions', { ...hi, messages: [] });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error).toMatchObject({ message: 'Empty input messages', type: 'invalid_request_error', code: 'invalid_request_error' });
    const noAuth = await post('https://api.deepseek.com/chat/completions', hi, { authorization: '' });
    expect(noAuth.status).toBe(401);
    expect((await noAuth.json()).error.message).toBe('Authentication Fails (auth header format should be Bearer sk-...)');
    const unknown = await fetch('https://api.deepseek.com/nope', { headers: { authorization: 'Bearer k' } });
    expect(unknown.status).toBe(404);
    const wrongMethod = await fetch('https://api.deepseek.com/chat/completions', { headers: { authorization: 'Bearer k' } });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    const malformed = await fetch('https://api.deepseek.com/chat/completions', { method: 'POST', headers: { authorization: 'Bearer k', 'content-type': 'application/json' }, body: '{"model":' });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.type).toBe('invalid_request_error');
  });

  it('the SSE body is a stream of DeepSeek frames ending in [DONE]', async () => {
    const res = await post('https://api.deepseek.com/chat/completions', { ...hi, stream: true });
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(res.body).toBeInstanceOf(ReadableStream);
    const frames = (await res.text()).split('\n\n').filter(Boolean);
    expect(frames.at(-1)).toBe('data: [DONE]');
    for (const f of frames.slice(0, -1)) expect(deepseek.fake.contract.chunk(JSON.parse(f.slice('data: '.length)))).toBe(true);
  });
});
