// Scenarios × streaming through the real CLI: every stream fault and every timing knob, picked per
// request by the control header, by a fixture file (--fixtures DIR) and by a response queued over the
// admin API, reaches the openai SDK exactly as README "Faults" says, and the journal names the source.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli, type CliServer } from './helpers/cli.js';
import { readSse } from './helpers/sse.js';

// Eight words: the estimate tokenizer makes each one token, so the stream has role + 8 + finish chunks.
const CONTENT = 'one two three four five six seven eight';
const WORDS = CONTENT.split(' ').length;

let cli: CliServer;
let dir: string;
let client: OpenAI;

/** The fault words of README "Control header" / fixtures, and what the SDK must see for each. */
const faults = ['disconnect-after-3', 'malformed-chunk-at-2', 'stall-400ms-after-2', 'no-done', 'error-event-after-3', 'reset'] as const;
type FaultWord = (typeof faults)[number];
const timings = { ttft: { ttft: 400 }, tps: { tps: 20 }, 'queue-wait': { 'queue-wait': 450, 'keep-alive': 100 } } as const;
type TimingName = keyof typeof timings;
const timingFields: Record<string, string> = { ttft: 'ttftMs', tps: 'tokensPerSecond', 'queue-wait': 'queueWaitMs', 'keep-alive': 'keepAliveIntervalMs' };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ds-fake-integration-'));
  // One rule per fault and per timing, matched by the user message; files in YAML and JSON.
  const faultRules = faults.map((f) => `  - name: ${f}\n    match: { userMessage: { equals: "fixture ${f}" } }\n    respond: { content: "${CONTENT}", fault: ${f} }\n`);
  await writeFile(join(dir, 'faults.yaml'), `fixtures:\n${faultRules.join('')}`);
  const timingRules = Object.entries(timings).map(([name, t]) => ({
    name,
    match: { userMessage: { equals: `fixture ${name}` } },
    respond: { content: CONTENT, timing: Object.fromEntries(Object.entries(t).map(([k, v]) => [timingFields[k], v])) },
  }));
  await writeFile(join(dir, 'timing.json'), JSON.stringify({ fixtures: timingRules }));
  cli = await startCli(['--fixtures', dir, '--tokenizer', 'estimate', '--seed', '7', '--log', 'silent']);
  // maxRetries 0: a fault must surface, not be retried; the SDK timeout turns a hang into a failure.
  client = new OpenAI({ baseURL: cli.url, apiKey: 'sk-integration', maxRetries: 0, timeout: 8000, logLevel: 'off' });
}, 30_000);

afterAll(async () => {
  await cli?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

type Source = 'header' | 'fixture' | 'queue';
const sources: Source[] = ['header', 'fixture', 'queue'];

function headerValue(fields: Record<string, string | number>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${k}=${typeof v === 'string' && /[;\s"]/.test(v) ? JSON.stringify(v) : v}`)
    .join('; ');
}

async function admin(path: string, init: RequestInit = {}): Promise<unknown> {
  const res = await fetch(`${cli.url}/__fake${path}`, { ...init, headers: { 'content-type': 'application/json' } });
  expect(res.status).toBe(200);
  return res.json();
}

/**
 * Request options and the user message that make `source` pick the scenario `fields` (header keys).
 * For the queue, the response is enqueued here, over the admin API.
 */
async function arrange(source: Source, name: string, fields: Record<string, string | number>): Promise<{ message: string; headers: Record<string, string> }> {
  if (source === 'header') return { message: `header ${name}`, headers: { 'X-DeepSeek-Fake': headerValue({ content: CONTENT, ...fields }) } };
  if (source === 'fixture') return { message: `fixture ${name}`, headers: {} };
  const respond: Record<string, unknown> = { content: CONTENT };
  for (const [k, v] of Object.entries(fields)) {
    if (k === 'fault') respond.fault = v;
    else respond.timing = { ...(respond.timing as object), [timingFields[k]!]: v };
  }
  expect(await admin('/next', { method: 'POST', body: JSON.stringify(respond) })).toEqual({ queued: 1 });
  return { message: `queue ${name}`, headers: {} };
}

function expectedSource(source: Source, name: string): string {
  if (source === 'fixture') return `fixture:${name in timings ? 'timing.json' : 'faults.yaml'}#${name}`;
  return source;
}

interface Drained {
  chunks: OpenAI.Chat.Completions.ChatCompletionChunk[];
  text: string;
  error?: unknown;
  /** ms from the request to the first chunk and to the end. */
  firstMs?: number;
  totalMs: number;
}

/** Streams with the SDK and records what arrived before it ended or threw (never hangs: SDK timeout). */
async function streamWithSdk(message: string, headers: Record<string, string>): Promise<Drained> {
  const started = performance.now();
  const out: Drained = { chunks: [], text: '', totalMs: 0 };
  try {
    const stream = await client.chat.completions.create({ model: 'deepseek-chat', messages: [{ role: 'user', content: message }], stream: true }, { headers });
    for await (const chunk of stream) {
      out.firstMs ??= performance.now() - started;
      out.chunks.push(chunk);
      out.text += chunk.choices[0]?.delta.content ?? '';
    }
  } catch (e) {
    out.error = e;
  }
  out.totalMs = performance.now() - started;
  return out;
}

async function lastJournalEntry(): Promise<{ scenario: string | null; status: number; path: string }> {
  const { entries } = (await admin('/journal?limit=1')) as { entries: { scenario: string | null; status: number; path: string }[] };
  return entries[0]!;
}

describe.each(sources)('stream faults picked by the %s', (source) => {
  const cases: Record<FaultWord, (d: Drained) => void> = {
    // N frames (role chunk included), then the socket closes mid-body: undici's "terminated".
    'disconnect-after-3': (d) => {
      expect(d.chunks).toHaveLength(3);
      expect(d.error).toBeInstanceOf(TypeError);
      expect((d.error as Error).message).toBe('terminated');
    },
    'malformed-chunk-at-2': (d) => {
      expect(d.chunks).toHaveLength(2);
      expect(d.error).toBeInstanceOf(SyntaxError);
    },
    'stall-400ms-after-2': (d) => {
      expect(d.error).toBeUndefined();
      expect(d.text).toBe(CONTENT);
      expect(d.totalMs).toBeGreaterThanOrEqual(350);
    },
    'no-done': (d) => {
      expect(d.error).toBeUndefined();
      expect(d.text).toBe(CONTENT);
      expect(d.chunks.at(-1)!.choices[0]!.finish_reason).toBe('stop');
    },
    'error-event-after-3': (d) => {
      expect(d.chunks).toHaveLength(3);
      expect(d.error).toBeInstanceOf(OpenAI.APIError);
      expect((d.error as InstanceType<typeof OpenAI.APIError>).message).toBe('Server Error');
      expect((d.error as InstanceType<typeof OpenAI.APIError>).status).toBeUndefined();
    },
    reset: (d) => {
      expect(d.chunks).toHaveLength(0);
      expect(d.error).toBeInstanceOf(OpenAI.APIConnectionError);
      // APIConnectionError ← fetch's "fetch failed" ← the socket's ECONNRESET.
      expect((d.error as { cause?: { cause?: { code?: string } } }).cause?.cause?.code).toBe('ECONNRESET');
    },
  };

  it.each(faults)('%s surfaces in the SDK as README says; the journal names the source', async (fault) => {
    const { message, headers } = await arrange(source, fault, { fault });
    const drained = await streamWithSdk(message, headers);
    cases[fault](drained);
    const entry = await lastJournalEntry();
    expect(entry.scenario).toBe(expectedSource(source, fault));
    expect(entry.status).toBe(fault === 'reset' ? 0 : 200);
  });
});

describe('the bytes on the wire (raw fetch, header source)', () => {
  async function raw(fields: Record<string, string | number>, stream = true): Promise<Response> {
    return fetch(`${cli.url}/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-integration', 'content-type': 'application/json', 'x-deepseek-fake': headerValue({ content: CONTENT, ...fields }) },
      body: JSON.stringify({ model: 'deepseek-chat', messages: [{ role: 'user', content: 'raw' }], stream }),
      signal: AbortSignal.timeout(8000),
    });
  }

  it('no-done ends cleanly after the finish chunk; error-event sends DeepSeek envelope as a data frame', async () => {
    const noDone = readSse(await (await raw({ fault: 'no-done' })).text());
    expect(noDone.done).toBe(false);
    expect(noDone.chunks).toHaveLength(WORDS + 2);
    const text = await (await raw({ fault: 'error-event-after-3' })).text();
    const frames = text.split('\n\n').filter(Boolean);
    expect(frames).toHaveLength(4);
    expect(JSON.parse(frames[3]!.slice(6))).toEqual({ error: { message: 'Server Error', type: 'api_error', param: null, code: 'invalid_request_error' } });
  });

  it('non-streaming timing: blank lines while queued, then the JSON the SDK parses, after the stream\'s total time', async () => {
    const res = await raw({ 'queue-wait': 300, 'keep-alive': 100, tps: 40 }, false);
    const text = await res.text();
    expect(text.startsWith('\n\n\n{')).toBe(true); // one blank line at once, then one every 100 ms of the 300
    expect(JSON.parse(text).choices[0].message.content).toBe(CONTENT);
    const started = performance.now();
    const completion = await client.chat.completions.create(
      { model: 'deepseek-chat', messages: [{ role: 'user', content: 'raw' }] },
      { headers: { 'X-DeepSeek-Fake': headerValue({ content: CONTENT, 'queue-wait': 300, 'keep-alive': 100, tps: 40 }) } },
    );
    expect(completion.choices[0]!.message.content).toBe(CONTENT);
    // 300 ms queued + 9 paced chunks at 25 ms (content and finish chunk after the role chunk).
    expect(performance.now() - started).toBeGreaterThanOrEqual(300 + 9 * 25 * 0.9);
  });

  it('malformed-chunk-at-2 cuts frame 2 in half and goes on to [DONE]', async () => {
    const text = await (await raw({ fault: 'malformed-chunk-at-2' })).text();
    const frames = text.split('\n\n').filter(Boolean);
    expect(frames.at(-1)).toBe('data: [DONE]');
    expect(() => JSON.parse(frames[2]!.slice(6))).toThrow(SyntaxError);
    expect(() => JSON.parse(frames[1]!.slice(6))).not.toThrow();
  });
});

describe.each(sources)('non-streaming answers under faults picked by the %s', (source) => {
  const call = async (message: string, headers: Record<string, string>) =>
    client.chat.completions.create({ model: 'deepseek-chat', messages: [{ role: 'user', content: message }] }, { headers }).then(
      (value) => ({ value, error: undefined as unknown }),
      (error: unknown) => ({ value: undefined, error }),
    );

  it('error-event → InternalServerError 500; reset → APIConnectionError; disconnect → terminated; malformed → SyntaxError; no-done → whole answer', async () => {
    let a = await arrange(source, 'error-event-after-3', { fault: 'error-event-after-3' });
    const errorEvent = await call(a.message, a.headers);
    expect(errorEvent.error).toBeInstanceOf(OpenAI.InternalServerError);
    expect((errorEvent.error as InstanceType<typeof OpenAI.APIError>).status).toBe(500);
    expect(await lastJournalEntry()).toMatchObject({ scenario: expectedSource(source, 'error-event-after-3'), status: 500 });

    a = await arrange(source, 'reset', { fault: 'reset' });
    expect((await call(a.message, a.headers)).error).toBeInstanceOf(OpenAI.APIConnectionError);

    a = await arrange(source, 'disconnect-after-3', { fault: 'disconnect-after-3' });
    const disconnect = await call(a.message, a.headers);
    expect(String((disconnect.error as Error)?.message)).toMatch(/terminated/);

    a = await arrange(source, 'malformed-chunk-at-2', { fault: 'malformed-chunk-at-2' });
    expect((await call(a.message, a.headers)).error).toBeInstanceOf(SyntaxError);

    a = await arrange(source, 'no-done', { fault: 'no-done' });
    expect((await call(a.message, a.headers)).value?.choices[0]!.message.content).toBe(CONTENT);
  });
});

describe.each(sources)('timing picked by the %s', (source) => {
  const check: Record<TimingName, (d: Drained, wire?: string) => void> = {
    ttft: (d) => {
      expect(d.firstMs).toBeGreaterThanOrEqual(350);
      expect(d.text).toBe(CONTENT);
    },
    // 1000/20 = 50 ms before each of the 8 content chunks and the finish chunk after the first.
    tps: (d) => {
      expect(d.totalMs).toBeGreaterThanOrEqual(WORDS * 50 * 0.9);
      expect(d.text).toBe(CONTENT);
    },
    // 450 ms of queue wait with a keep-alive at once and every 100 ms: 5 comments before the role chunk.
    'queue-wait': (d, wire) => {
      expect(d.firstMs).toBeGreaterThanOrEqual(400);
      expect(d.text).toBe(CONTENT);
      const frames = readSse(wire!).frames;
      expect(frames.slice(0, 5)).toEqual(Array(5).fill(': keep-alive'));
      expect(frames[5]).toMatch(/^data: /);
    },
  };

  it.each(Object.keys(timings) as TimingName[])('%s through the SDK (and keep-alives on the wire)', async (name) => {
    const fields = timings[name] as Record<string, number>;
    let a = await arrange(source, name, fields);
    const drained = await streamWithSdk(a.message, a.headers);
    expect(drained.error).toBeUndefined();
    expect(await lastJournalEntry()).toMatchObject({ scenario: expectedSource(source, name), status: 200 });
    let wire: string | undefined;
    if (name === 'queue-wait') {
      a = await arrange(source, name, fields);
      const res = await fetch(`${cli.url}/chat/completions`, {
        method: 'POST',
        headers: { authorization: 'Bearer sk-integration', 'content-type': 'application/json', ...a.headers },
        body: JSON.stringify({ model: 'deepseek-chat', messages: [{ role: 'user', content: a.message }], stream: true }),
        signal: AbortSignal.timeout(8000),
      });
      wire = await res.text();
    }
    check[name](drained, wire);
  });
});
