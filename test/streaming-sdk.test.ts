// Streaming end to end: a real listening server (src/server/listen.ts) and the official openai SDK.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frozenClock, systemClock } from '../src/core/clock.js';
import type { ScenarioResponse } from '../src/core/scenario-types.js';
import { accumulateChunks } from '../src/serialize/accumulate.js';
import type { StreamOptions } from '../src/serialize/respond.js';
import { listen, type RunningServer } from '../src/server/listen.js';
import { readSse } from './helpers/sse.js';

const messages = [{ role: 'user' as const, content: 'Tell me about streams' }];
const servers: RunningServer[] = [];

/** A server whose scenario for every request is `respond` (what a fixture or header would pick). */
async function serve(respond?: ScenarioResponse, stream?: StreamOptions): Promise<{ url: string; client: OpenAI }> {
  const server = await listen({
    port: 0,
    seed: 5,
    ids: 'seeded',
    clock: frozenClock(1_700_000_000_000),
    ...(respond ? { resolveScenario: () => ({ source: 'test', respond }) } : {}),
    ...(stream ? { stream } : {}),
  });
  servers.push(server);
  // maxRetries 0: a fault must surface, not be retried; timeout: a hang fails the test instead of stalling it.
  return { url: server.url, client: new OpenAI({ baseURL: server.url, apiKey: 'sk-test', maxRetries: 0, timeout: 5000, logLevel: 'off' }) };
}

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function rawPost(url: string, body: unknown): Promise<Response> {
  return fetch(`${url}/chat/completions`, { method: 'POST', headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** Fails instead of hanging. */
function within<T>(ms: number, p: Promise<T>): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))]);
}

describe('streams the openai SDK reads', () => {
  let plain: { url: string; client: OpenAI };
  beforeAll(async () => {
    plain = await serve();
  });

  it('for await over a stream gives the same text as the non-streaming call', async () => {
    const stream = await plain.client.chat.completions.create({ model: 'deepseek-chat', messages, stream: true });
    let text = '';
    let deltas = 0;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      deltas++;
    }
    const json = await plain.client.chat.completions.create({ model: 'deepseek-chat', messages });
    expect(text).toBe(json.choices[0]!.message.content);
    expect(deltas).toBeGreaterThan(10); // token by token, not one blob
  });

  it('headers and framing: event-stream, no-cache, data frames, [DONE] last', async () => {
    const res = await rawPost(plain.url, { model: 'deepseek-chat', messages, stream: true });
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const sse = readSse(await res.text());
    expect(sse.done).toBe(true);
    expect(sse.frames.every((f) => f.startsWith('data: '))).toBe(true);
    expect(sse.chunks[0]!.choices[0]!.delta).toEqual({ role: 'assistant', content: '' });
  });

  it('include_usage yields one usage chunk (choices: []) equal to the non-streaming usage; other chunks have usage null', async () => {
    const stream = await plain.client.chat.completions.create({ model: 'deepseek-chat', messages, stream: true, stream_options: { include_usage: true } });
    const chunks = [];
    for await (const c of stream) chunks.push(c);
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
    const json = await plain.client.chat.completions.create({ model: 'deepseek-chat', messages });
    expect(last.usage).toEqual(json.usage);
  });

  it("usage: 'final-chunk' (the live API's variant) puts usage on the finish_reason chunk even without include_usage", async () => {
    const { client } = await serve(undefined, { usage: 'final-chunk' });
    const stream = await client.chat.completions.create({ model: 'deepseek-chat', messages, stream: true });
    const chunks = [];
    for await (const c of stream) chunks.push(c);
    const last = chunks.at(-1)!;
    expect(last.choices[0]!.finish_reason).toBe('stop');
    expect(last.usage!.total_tokens).toBeGreaterThan(0);
    expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
  });

  it('the accumulated stream equals the non-streaming completion, with reasoning and tool calls too', async () => {
    const cases: (ScenarioResponse | undefined)[] = [
      undefined,
      { reasoning: 'The user wants the weather. I should call the tool.', content: 'Let me look that up.' },
      { reasoning: 'Two cities, two calls.', toolCalls: [{ name: 'get_weather', arguments: { city: 'Hangzhou' } }, { name: 'get_weather', arguments: { city: '北京' } }] },
      { content: 'Cut short', finishReason: 'length' },
    ];
    for (const respond of cases) {
      const { url } = await serve(respond);
      const body = { model: 'deepseek-reasoner', messages };
      const json = await (await rawPost(url, body)).json();
      const sse = readSse(await (await rawPost(url, { ...body, stream: true, stream_options: { include_usage: true } })).text());
      expect(accumulateChunks(sse.chunks), JSON.stringify(respond)).toEqual(json);
    }
  });
});

describe('keep-alives while queued', () => {
  it('a stream gets `: keep-alive` comments first, and the SDK still reads it', async () => {
    const { url, client } = await serve({ timing: { queueWaitMs: 200, keepAliveIntervalMs: 50 } });
    const sse = readSse(await (await rawPost(url, { model: 'deepseek-chat', messages, stream: true })).text());
    expect(sse.frames.slice(0, 4)).toEqual(Array(4).fill(': keep-alive'));
    expect(sse.frames[4]!.startsWith('data: {')).toBe(true);
    const stream = await client.chat.completions.create({ model: 'deepseek-chat', messages, stream: true });
    let text = '';
    for await (const c of stream) text += c.choices[0]?.delta.content ?? '';
    expect(text).toBe(sse.chunks.map((c) => c.choices[0]?.delta.content ?? '').join(''));
    expect(text.length).toBeGreaterThan(10);
  });

  it('a non-streaming answer gets blank lines before its JSON body, and the SDK still parses it', async () => {
    const { url, client } = await serve({ timing: { queueWaitMs: 200, keepAliveIntervalMs: 50 } });
    const text = await (await rawPost(url, { model: 'deepseek-chat', messages })).text();
    expect(text.startsWith('\n\n\n\n{')).toBe(true);
    const completion = await client.chat.completions.create({ model: 'deepseek-chat', messages });
    expect(JSON.parse(text)).toEqual(completion);
  });

  it('server-wide timing applies, and a scenario overrides it per request', async () => {
    const { url } = await serve({ timing: { keepAliveIntervalMs: 25 } }, { timing: { queueWaitMs: 100, keepAliveIntervalMs: 1000 } });
    const sse = readSse(await (await rawPost(url, { model: 'deepseek-chat', messages, stream: true })).text());
    expect(sse.frames.filter((f) => f === ': keep-alive')).toHaveLength(4); // 100 ms / 25 ms
  });
});

describe('faults, as the openai SDK sees them', () => {
  async function streamText(client: OpenAI): Promise<string> {
    const stream = await client.chat.completions.create({ model: 'deepseek-chat', messages, stream: true });
    let text = '';
    for await (const c of stream) text += c.choices[0]?.delta.content ?? '';
    return text;
  }
  const ask = (client: OpenAI) => client.chat.completions.create({ model: 'deepseek-chat', messages });
  const content = 'One two three four five six.';

  it('disconnect:N — the stream breaks after N chunks: the iterator throws TypeError "terminated"', async () => {
    const { client, url } = await serve({ content, fault: { kind: 'disconnect', afterChunks: 3 } });
    const err = await within(5000, streamText(client).catch((e) => e));
    expect(err).toBeInstanceOf(TypeError);
    expect(err.message).toBe('terminated');
    const jsonErr = await within(5000, ask(client).catch((e) => e));
    expect(jsonErr).toBeInstanceOf(TypeError);
    // The bytes before the break are exactly three chunks.
    const res = await rawPost(url, { model: 'deepseek-chat', messages, stream: true });
    const reader = res.body!.getReader();
    let text = '';
    const e = await within(5000, (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return null;
        text += new TextDecoder().decode(value);
      }
    })().catch((x) => x));
    expect(e).toBeInstanceOf(TypeError);
    expect(text.split('\n\n').filter(Boolean)).toHaveLength(3);
  });

  it('malformed-chunk:N — the SDK throws SyntaxError at chunk N', async () => {
    const { client } = await serve({ content, fault: { kind: 'malformed-chunk', atChunk: 2 } });
    expect(await within(5000, streamText(client).catch((e) => e))).toBeInstanceOf(SyntaxError);
    expect(await within(5000, ask(client).catch((e) => e))).toBeInstanceOf(SyntaxError);
  });

  it('stall — the answer arrives late but whole', async () => {
    const { client } = await serve({ content, fault: { kind: 'stall', ms: 300, afterChunks: 2 } });
    const t = performance.now();
    expect(await within(5000, streamText(client))).toBe(content);
    expect(performance.now() - t).toBeGreaterThanOrEqual(250);
  });

  it('no-done — the SDK ends the loop normally with the full text (only [DONE] is missing)', async () => {
    const { client, url } = await serve({ content, fault: { kind: 'no-done' } });
    expect(await within(5000, streamText(client))).toBe(content);
    expect(readSse(await (await rawPost(url, { model: 'deepseek-chat', messages, stream: true })).text()).done).toBe(false);
  });

  it('error-event — the SDK throws APIError with DeepSeek\'s message mid-stream; without streaming it is the HTTP error', async () => {
    const { client } = await serve({ content, fault: { kind: 'error-event', afterChunks: 2, status: 503 } });
    const err = await within(5000, streamText(client).catch((e) => e));
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect(err.message).toBe('Server Overloaded');
    expect(err.error).toEqual({ message: 'Server Overloaded', type: 'service_unavailable_error', param: null, code: 'invalid_request_error' });
    const jsonErr = await within(5000, ask(client).catch((e) => e));
    expect(jsonErr).toBeInstanceOf(OpenAI.InternalServerError);
    expect(jsonErr.status).toBe(503);
  });

  it('reset — no response at all: APIConnectionError caused by ECONNRESET', async () => {
    const { client } = await serve(undefined, { fault: { kind: 'reset' } });
    for (const call of [streamText(client), ask(client)]) {
      const err = await within(5000, call.catch((e) => e));
      expect(err).toBeInstanceOf(OpenAI.APIConnectionError);
      expect(err.cause?.cause?.code).toBe('ECONNRESET');
    }
  });
});

describe('client aborts over a real socket', () => {
  it('breaking out of the SDK loop stops generation and timers on the server', async () => {
    // The system clock, counted: how many sleeps started and how many are still waiting.
    let started = 0;
    let waiting = 0;
    const clock = {
      now: () => Date.now(),
      async sleep(ms: number, signal?: AbortSignal) {
        started++;
        waiting++;
        try {
          await systemClock.sleep(ms, signal);
        } finally {
          waiting--;
        }
      },
    };
    const server = await listen({ port: 0, clock, resolveScenario: () => ({ source: 'test', respond: { content: 'word '.repeat(1000), timing: { tokensPerSecond: 100 } } }) });
    servers.push(server);
    const client = new OpenAI({ baseURL: server.url, apiKey: 'sk-test', maxRetries: 0, timeout: 5000 });
    const stream = await client.chat.completions.create({ model: 'deepseek-chat', messages, stream: true });
    let seen = 0;
    for await (const _ of stream) if (++seen === 3) break; // the SDK aborts the request
    const deadline = Date.now() + 3000;
    while (waiting > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(waiting).toBe(0);
    const after = started;
    await new Promise((r) => setTimeout(r, 100)); // ten token intervals: a live stream would sleep ~10 more times
    expect(started).toBe(after);
    expect(started).toBeLessThan(500); // of the ~1,000 tokens (10 s), only those before the abort arrived were paced
  });
});
