// Timing through the msw handlers in Node, on an injected virtual clock: chunks come out as the
// clock moves, not all at once, and a client that stops reading (SDK `break`, fetch abort) stops
// the fake's timers. Counts and virtual timestamps only: nothing depends on the machine's speed.
import OpenAI from 'openai';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../src/core/clock.js';
import { createDeepSeekHandlers } from '../src/msw/index.js';

const WORDS = 12;
const content = Array.from({ length: WORDS }, (_, i) => `w${i}`).join(' ');
let clock = new VirtualClock();
// The clock is read through a getter-free wrapper so each test can start on a fresh one.
const deepseek = createDeepSeekHandlers({
  clock: { now: () => clock.now(), sleep: (ms, signal) => clock.sleep(ms, signal) },
  // Server-wide timing, as `FakeOptions.stream` sets it: 500 ms to the first token, then 10 tokens/s.
  stream: { timing: { ttftMs: 500, tokensPerSecond: 10 } },
  resolveScenario: ({ body }) => (body.messages.at(-1)?.content === 'scenario timing' ? { source: 'test', respond: { content, timing: { ttftMs: 0, tokensPerSecond: 4 } } } : { source: 'test', respond: { content } }),
});
const server = deepseek.attach(setupServer(...deepseek.handlers));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  deepseek.reset();
  clock = new VirtualClock();
});
afterAll(() => server.close());

// Chunks cross msw on promise jobs alone (no I/O), so a few macrotask turns always carry one through.
const settle = () => new Promise((r) => setTimeout(r, 1));

function ask(prompt: string, signal?: AbortSignal): Promise<Response> {
  return fetch('https://api.deepseek.com/chat/completions', {
    method: 'POST',
    headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'deepseek-chat', messages: [{ role: 'user', content: prompt }], stream: true }),
    signal,
  });
}

/** Reads the stream while stepping virtual time by `stepMs`; each content delta with the time it arrived. */
async function deltasOverTime(res: Response, stepMs: number): Promise<{ at: number; text: string }[]> {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const seen: { at: number; text: string }[] = [];
  let done = false;
  let buffer = '';
  const reading = (async () => {
    for (;;) {
      const r = await reader.read();
      if (r.done) return void (done = true);
      buffer += r.value;
      const frames = buffer.split('\n\n');
      buffer = frames.pop()!;
      for (const f of frames) {
        if (!f.startsWith('data: {')) continue;
        const text = JSON.parse(f.slice(6)).choices[0]?.delta.content;
        if (text) seen.push({ at: clock.now(), text });
      }
    }
  })();
  // Step virtual time; let the real event loop carry each chunk through msw before the next step.
  for (let i = 0; i < 1000 && !done; i++) {
    await clock.advance(stepMs);
    for (let j = 0; j < 4; j++) await settle();
  }
  await reading;
  return seen;
}

describe('timing through msw (virtual clock)', () => {
  it('FakeOptions.stream timing: nothing before the time to first token, then one token per 100 ms', async () => {
    const res = await ask('Hi');
    const seen = await deltasOverTime(res, 50);
    expect(seen.map((s) => s.text).join('')).toBe(content);
    // Token pieces (`w0`, ` w1`, …) arrive spread out on the clock, each at least 100 ms after the one before.
    expect(seen[0]!.at).toBeGreaterThanOrEqual(500);
    const gaps = seen.slice(1).map((s, i) => s.at - seen[i]!.at);
    expect(gaps.every((g) => g >= 100)).toBe(true);
    expect(new Set(seen.map((s) => s.at)).size).toBe(seen.length);
    expect(seen.at(-1)!.at - seen[0]!.at).toBeGreaterThanOrEqual((seen.length - 1) * 100);
    expect(clock.pending).toBe(0);
  });

  it("a scenario's timing wins over the server-wide one (4 tokens/s: 250 ms apart, no 500 ms wait)", async () => {
    const seen = await deltasOverTime(await ask('scenario timing'), 125);
    expect(seen.map((s) => s.text).join('')).toBe(content);
    // The role chunk takes the (zero) time to first token; the first word follows one token later.
    expect(seen[0]!.at).toBeLessThan(500);
    expect(seen.slice(1).every((s, i) => s.at - seen[i]!.at >= 250)).toBe(true);
  });

  it('the first chunk is not there until the clock reaches the time to first token', async () => {
    const res = await ask('Hi');
    const reader = res.body!.getReader();
    let first: string | undefined;
    const firstRead = reader.read().then((r) => (first = new TextDecoder().decode(r.value)));
    await clock.advance(499);
    for (let j = 0; j < 10; j++) await settle();
    // Only the role chunk may precede the first token; content must wait.
    expect(first === undefined || !first.includes('"content":"w0"')).toBe(true);
    await clock.advance(1);
    await firstRead;
    await reader.cancel();
  });
});

describe('a client that stops reading stops the fake (through msw)', () => {
  const sdk = () => new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: 'sk-test', maxRetries: 0 });

  it('SDK `break` out of `for await` ends the loop and the fake stops sleeping', async () => {
    const stream = await sdk().chat.completions.create({ model: 'deepseek-chat', messages: [{ role: 'user', content: 'Hi' }], stream: true });
    let tokens = 0;
    const loop = (async () => {
      for await (const chunk of stream) {
        if (chunk.choices[0]?.delta.content) tokens++;
        if (tokens === 2) break;
      }
    })();
    for (let i = 0; i < 200 && tokens < 2; i++) {
      await clock.advance(100);
      await settle();
    }
    // With attach(server) the SDK's cancel reaches the fake: the loop ends without further clock steps.
    let ended = false;
    void loop.then(() => (ended = true));
    for (let i = 0; i < 100 && !ended; i++) await settle();
    expect(ended).toBe(true);
    expect(tokens).toBe(2);
    for (let i = 0; i < 100 && clock.pending > 0; i++) await settle();
    expect(clock.pending).toBe(0);
    // Moving time on produces nothing more: the fake's stream was cancelled, not just abandoned.
    const sleeps = clock.sleeps;
    await clock.advance(10_000);
    expect(clock.sleeps).toBe(sleeps);
  });

  it('aborting the fetch: reads fail with AbortError and the fake stops sleeping', async () => {
    const ac = new AbortController();
    const reader = (await ask('Hi', ac.signal)).body!.getReader();
    const firstRead = reader.read();
    await clock.advance(500);
    await firstRead;
    ac.abort();
    await expect(reader.read()).rejects.toMatchObject({ name: 'AbortError' });
    for (let i = 0; i < 100 && clock.pending > 0; i++) await settle();
    expect(clock.pending).toBe(0);
  });
});
