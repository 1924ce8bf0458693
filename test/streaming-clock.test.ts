// Timing and client aborts on virtual time: no real waiting, exact virtual timestamps, no leaks.
import { getEventListeners } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../src/core/clock.js';
import type { Timing } from '../src/core/scenario-types.js';
import { BASE, hi, newFake } from './helpers/fake-client.js';

function request(body: unknown, signal?: AbortSignal): Request {
  return new Request(`${BASE}/chat/completions`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
}

/** Reads a body while running the virtual clock; returns each frame with the virtual time it arrived. */
async function readTimed(res: Response, clock: VirtualClock): Promise<{ at: number; frame: string }[]> {
  const out: { at: number; frame: string }[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const reading = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      out.push({ at: clock.now(), frame: decoder.decode(value) });
    }
  })();
  await clock.runAll();
  await reading;
  return out;
}

const content = 'One two three four five six seven eight.';

describe('timing on an injected clock', () => {
  const fakeWith = (clock: VirtualClock, timing: Timing) => newFake({ clock, seed: 2, ids: 'seeded', resolveScenario: () => ({ source: 'test', respond: { content, timing } }) });

  it('zero delay by default: no sleeps at all', async () => {
    const clock = new VirtualClock();
    const frames = await readTimed(await fakeWith(clock, {}).handle(request({ ...hi, stream: true })), clock);
    expect(frames.length).toBeGreaterThan(5);
    expect(clock.sleeps).toBe(0);
  });

  it('time to first token, then 1000/tokensPerSecond ms per token, exactly, on virtual time', async () => {
    const clock = new VirtualClock();
    const frames = await readTimed(await fakeWith(clock, { ttftMs: 700, tokensPerSecond: 20 }).handle(request({ ...hi, stream: true })), clock);
    const data = frames.filter((f) => f.frame.startsWith('data: {'));
    expect(data[0]!.at).toBe(700);
    for (let i = 1; i < data.length; i++) expect(data[i]!.at - data[i - 1]!.at).toBe(50);
    expect(frames.at(-1)).toEqual({ at: data.at(-1)!.at, frame: 'data: [DONE]\n\n' });
  });

  it('jitter is seeded: the same request repeats its pauses; keep-alives come every interval while queued', async () => {
    const timing = { queueWaitMs: 3000, keepAliveIntervalMs: 1000, ttftMs: 200, tokensPerSecond: 10, jitter: 0.4 };
    const run = async () => {
      const clock = new VirtualClock();
      return readTimed(await fakeWith(clock, timing).handle(request({ ...hi, stream: true })), clock);
    };
    const a = await run();
    expect(await run()).toEqual(a);
    expect(a.slice(0, 3)).toEqual([0, 1000, 2000].map((at) => ({ at, frame: ': keep-alive\n\n' })));
    expect(a[3]!.at).toBe(3200);
    const gaps = a.slice(4).map((f, i) => f.at - a[3 + i]!.at).filter((g) => g > 0);
    expect(gaps.every((g) => g >= 60 && g <= 140)).toBe(true);
    expect(new Set(gaps).size).toBeGreaterThan(1);
  });

  it('a non-streaming answer waits the whole generation time on the same clock', async () => {
    const clock = new VirtualClock();
    const frames = await readTimed(await fakeWith(clock, { queueWaitMs: 1500, ttftMs: 100, tokensPerSecond: 100 }).handle(request(hi)), clock);
    expect(frames.slice(0, 2)).toEqual([{ at: 0, frame: '\n' }, { at: 1000, frame: '\n' }]);
    const body = frames.slice(2).map((f) => f.frame).join('');
    expect(JSON.parse(body).choices[0].message.content).toBe(content);
    // 1500 wait + 100 ttft + 10 ms for each of the other chunks (role, 9 tokens, finish → 10 more)
    expect(frames[2]!.at).toBe(1500 + 100 + 10 * 10);
  });
});

describe('client aborts', () => {
  // The first frame comes at once, then every token waits 20 ms of virtual time.
  const slow = { tokensPerSecond: 50 };
  const tick = () => new Promise((r) => setImmediate(r));

  it('1,000 streams cancelled or aborted mid-way leave no sleeps, no listeners and no growing heap', async () => {
    const clock = new VirtualClock();
    const fake = newFake({ clock, resolveScenario: () => ({ source: 'test', respond: { content, timing: slow } }) });

    // Plain checks, not expect(): vitest keeps a little state per expect() call, which would
    // look like a leak of the fake's.
    const check = (ok: boolean, what: string) => {
      if (!ok) throw new Error(what);
    };
    async function batch(n: number): Promise<void> {
      for (let i = 0; i < n; i++) {
        const ac = new AbortController();
        const req = request({ ...hi, stream: true }, ac.signal);
        const res = await fake.handle(req);
        const reader = res.body!.getReader();
        check(!(await reader.read()).done, `stream ${i}: no first frame`);
        const second = reader.read(); // the stream now sleeps before the next token
        await tick();
        check(clock.pending === 1, `stream ${i}: not sleeping before its second frame`);
        if (i % 2) {
          await reader.cancel(); // what node-server does when the socket closes
          check((await second).done, `stream ${i}: read after cancel is not done`);
        } else {
          ac.abort(); // what fetch / msw do when the caller aborts
          check(await second.then(() => false, () => true), `stream ${i}: read after abort did not fail`);
        }
        check(clock.pending === 0, `stream ${i}: a sleep is left after the abort`);
        // The request's abort listener is gone, so nothing keeps the stream reachable from the request.
        check(getEventListeners(req.signal, 'abort').length === 0, `stream ${i}: an abort listener is left`);
      }
    }

    // vitest workers run without --expose-gc; this switches it on at run time, so the heap can be
    // measured after real collections instead of guessed through GC noise.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    // Collect, let finalizers run (undici drops its per-Request signal bookkeeping from a
    // FinalizationRegistry), collect again.
    const heap = async () => {
      gc();
      await new Promise((r) => setTimeout(r, 20));
      gc();
      return process.memoryUsage().heapUsed;
    };
    await batch(500); // warm up: compiled validators, tokenizer, lazily built caches
    const h0 = await heap();
    await batch(1000);
    const h1 = await heap();
    const sleepsAfter = clock.sleeps;
    await clock.advance(60_000); // nothing may wake up: every generation stopped
    expect(clock.sleeps).toBe(sleepsAfter);
    expect(clock.pending).toBe(0);
    const grown = h1 - h0;
    if (process.env.STREAM_FIGURES) console.log(`heap after GC, 1,000 aborted streams: ${(grown / 1024).toFixed(0)} KB`);
    // A leak of 1 KB per stream would add ~1 MB.
    expect(grown).toBeLessThan(1024 * 1024);
  });

  it('a finished stream also releases its abort listener', async () => {
    const fake = newFake();
    const req = request({ ...hi, stream: true }, new AbortController().signal);
    const res = await fake.handle(req);
    await res.text();
    expect(getEventListeners(req.signal, 'abort')).toHaveLength(0);
  });
});
