// --concurrency-limit with slow streams over real HTTP (the CLI process, the openai SDK): a stream holds
// its key's slot until it ends, is aborted by the client, or is cut by a fault; then the slot is free.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../src/contract/deepseek-messages.js';
import { startCli, type CliServer } from './helpers/cli.js';

// 12 words at 20 tokens/s: a stream takes ~600 ms, long enough to overlap, short enough to wait out.
const CONTENT = 'a b c d e f g h i j k l';

let cli: CliServer;
let client: OpenAI;

beforeAll(async () => {
  cli = await startCli(['--concurrency-limit', '1', '--tokens-per-second', '20', '--tokenizer', 'estimate', '--no-fixtures', '--log', 'silent']);
  client = new OpenAI({ baseURL: cli.url, apiKey: 'sk-limited', maxRetries: 0, timeout: 8000, logLevel: 'off' });
}, 30_000);

afterAll(async () => {
  await cli?.stop();
});

const body = (stream: boolean) => ({ model: 'deepseek-chat', messages: [{ role: 'user' as const, content: 'limits' }], stream });

function rawPost(init: { stream?: boolean; key?: string; header?: string; signal?: AbortSignal } = {}): Promise<Response> {
  return fetch(`${cli.url}/chat/completions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${init.key ?? 'sk-limited'}`,
      'content-type': 'application/json',
      'x-deepseek-fake': init.header ?? `content="${CONTENT}"`,
    },
    body: JSON.stringify(body(init.stream ?? true)),
    signal: init.signal ?? AbortSignal.timeout(8000),
  });
}

async function expectConcurrency429(res: Response): Promise<void> {
  expect(res.status).toBe(429);
  expect(res.headers.get('retry-after')).toBe('1');
  expect(await res.json()).toEqual({ error: { message: messages.concurrency(2, 1), type: 'rate_limit_error', param: null, code: 'invalid_request_error' } });
}

/** Polls until a request of the key is admitted again: the server learns of a closed socket asynchronously. */
async function admittedWithin(ms: number): Promise<number> {
  const until = Date.now() + ms;
  for (let attempts = 1; ; attempts++) {
    const res = await rawPost({ stream: false, header: 'content=ok' });
    await res.arrayBuffer();
    if (res.status === 200) return attempts;
    expect(res.status).toBe(429);
    if (Date.now() > until) throw new Error(`slot still taken after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('--concurrency-limit 1 with --tokens-per-second over HTTP', () => {
  it('a second request while an SDK stream flows gets the 429 (SDK: RateLimitError); after the stream ends the slot is free', async () => {
    const stream = await client.chat.completions.create({ ...body(true), stream: true }, { headers: { 'X-DeepSeek-Fake': `content="${CONTENT}"` } });
    const it = stream[Symbol.asyncIterator]();
    expect((await it.next()).done).toBe(false); // the first chunk is here; the rest is paced

    await expectConcurrency429(await rawPost({ stream: false }));
    const refused = await client.chat.completions.create({ ...body(false), stream: false }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OpenAI.RateLimitError);
    expect((refused as InstanceType<typeof OpenAI.APIError>).error).toMatchObject({ message: messages.concurrency(2, 1), type: 'rate_limit_error' });
    // Another key has its own slot.
    expect((await rawPost({ key: 'sk-other', stream: false })).status).toBe(200);

    let text = '';
    for (let r = await it.next(); !r.done; r = await it.next()) text += r.value.choices[0]?.delta.content ?? '';
    expect(text).toBe(CONTENT); // the first chunk read above was the role chunk (content "")
    expect(await admittedWithin(0)).toBe(1); // finished on our side means finished on the server's
  });

  it('a client abort mid-stream (SDK controller.abort) frees the slot', async () => {
    const stream = await client.chat.completions.create({ ...body(true), stream: true }, { headers: { 'X-DeepSeek-Fake': `content="${CONTENT}"` } });
    const it = stream[Symbol.asyncIterator]();
    await it.next();
    await expectConcurrency429(await rawPost());
    stream.controller.abort();
    expect(await admittedWithin(3000)).toBeGreaterThanOrEqual(1);
  });

  it('a fetch abort during a stall frees the slot', async () => {
    const abort = new AbortController();
    const res = await rawPost({ header: `content="${CONTENT}"; fault=stall-30000ms-after-1`, signal: abort.signal });
    const reader = res.body!.getReader();
    await reader.read();
    await expectConcurrency429(await rawPost());
    abort.abort();
    await reader.read().catch(() => undefined);
    expect(await admittedWithin(3000)).toBeGreaterThanOrEqual(1);
  });

  it('a stalled non-streaming answer: the SDK timeout does not end it (headers came), an abort signal does and frees the slot', async () => {
    // The fake sends a paced JSON answer's head at once (blank lines may follow, as DeepSeek's do), and the
    // openai SDK's `timeout` only covers the wait for the head: a per-request `signal` is what ends the wait.
    const impatient = new OpenAI({ baseURL: cli.url, apiKey: 'sk-limited', maxRetries: 0, timeout: 200, logLevel: 'off' });
    const started = performance.now();
    const err = await impatient.chat.completions
      .create({ ...body(false), stream: false }, { headers: { 'X-DeepSeek-Fake': 'content=x; fault=stall-30000ms' }, signal: AbortSignal.timeout(600) })
      .catch((e: unknown) => e);
    // Aborted while reading the body, the SDK passes fetch's AbortError through (not APIUserAbortError).
    expect((err as Error).name).toBe('AbortError');
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(550); // not the 200 ms SDK timeout
    expect(waited).toBeLessThan(5000);
    expect(await admittedWithin(3000)).toBeGreaterThanOrEqual(1);
  });

  it.each(['disconnect-after-2', 'error-event-after-2', 'reset', 'malformed-chunk-at-1', 'no-done'])('a stream cut by fault %s frees the slot', async (fault) => {
    const res = await rawPost({ header: `content="${CONTENT}"; fault=${fault}` }).catch((e: unknown) => e);
    if (res instanceof Response) await res.text().catch(() => undefined);
    else expect(fault).toBe('reset');
    expect(await admittedWithin(3000)).toBeGreaterThanOrEqual(1);
  });

  it('a queue wait holds the slot too (keep-alives are in flight), then frees it', async () => {
    const res = await rawPost({ header: 'content=x; queue-wait=400; keep-alive=100' });
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toBe(': keep-alive\n\n');
    await expectConcurrency429(await rawPost());
    while (!(await reader.read()).done);
    expect(await admittedWithin(0)).toBe(1);
  });
});

describe('--concurrency-limit 1 with a paced non-streaming answer', () => {
  it('a JSON answer held back by --tokens-per-second holds the slot until its body is sent', async () => {
    const slow = rawPost({ stream: false }); // 12 tokens at 20/s: the body comes after ~600 ms
    await new Promise((r) => setTimeout(r, 150));
    await expectConcurrency429(await rawPost({ stream: false }));
    const res = await slow;
    expect(res.status).toBe(200);
    expect(((await res.json()) as OpenAI.Chat.Completions.ChatCompletion).choices[0]!.message.content).toBe(CONTENT);
    expect(await admittedWithin(0)).toBe(1);
    const journal = (await (await fetch(`${cli.url}/__fake/journal?limit=3`)).json()) as { entries: { scenario: string; status: number }[] };
    // Recorded when each head was sent: the slow answer's head (200) went out before the refusal.
    expect(journal.entries.map((e) => [e.scenario, e.status])).toEqual([
      ['header', 200],
      ['rate-limit:concurrency', 429],
      ['header', 200],
    ]);
  });
});

describe('--concurrency-limit on --profile multimodal-v3.2', () => {
  it("the limiter's 429 uses seed 002's wording (Too Many Requests), Retry-After kept", async () => {
    const mm = await startCli(['--profile', 'multimodal-v3.2', '--concurrency-limit', '1', '--tokenizer', 'estimate', '--no-fixtures', '--log', 'silent']);
    try {
      const post = (header: string) =>
        fetch(`${mm.url}/chat/completions`, {
          method: 'POST',
          headers: { authorization: 'Bearer sk-mm', 'content-type': 'application/json', 'x-deepseek-fake': header },
          body: JSON.stringify({ model: 'deepseek-v3.2', messages: [{ role: 'user', content: 'hi' }], stream: true }),
          signal: AbortSignal.timeout(8000),
        });
      const open = await post('content=x; fault=stall-2000ms'); // holds the slot
      const refused = await post('content=y');
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(await refused.json()).toEqual({ error: { message: 'Too Many Requests', type: 'rate_limit_error', param: null, code: 'invalid_request_error' } });
      await open.body!.cancel();
    } finally {
      await mm.stop();
    }
  });
});
