// 500 concurrent streaming clients against a real server on 127.0.0.1, a fifth of them dropping
// the connection mid-stream. Every stream that completes is whole and valid; afterwards the
// server's memory is back near where it started and no sockets or timers are left behind.
import { fork, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileContract } from '../src/contract/compile.js';
import document from '../src/contract/generated/deepseek-openapi.js';
import { parseSse } from './helpers/answer-check.js';

const contract = compileContract(document);
const CLIENTS = 500;
const ABORT_EVERY = 5; // every fifth client drops mid-stream
const BODIES = 20;

interface Stats {
  heapUsed: number;
  rss: number;
  connections: number;
  peak: number;
  resources: string[];
}

let child: ChildProcess;
let url: string;

function ask<T>(message: string, type: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (m: { type: string }) => {
      if (m.type !== type) return;
      child.off('message', onMessage);
      resolve(m as T);
    };
    child.on('message', onMessage);
    child.send(message);
  });
}

const bodyFor = (i: number, stream: boolean) =>
  JSON.stringify({ model: 'deepseek-chat', messages: [{ role: 'user', content: `question ${i % BODIES}` }], stream, ...(stream ? { stream_options: { include_usage: true } } : {}) });

const agent = new Agent({ keepAlive: false, maxSockets: Infinity });

/** POSTs and returns the whole body, or 'aborted' after the first bytes when asked to drop. */
function post(body: string, abort: boolean): Promise<{ status: number; text: string } | 'aborted'> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/chat/completions`,
      { method: 'POST', agent, headers: { authorization: 'Bearer sk-load', 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          text += d;
          if (abort) {
            req.destroy();
            resolve('aborted');
          }
        });
        res.on('end', () => resolve({ status: res.statusCode!, text }));
        res.on('error', (e) => (abort ? resolve('aborted') : reject(e)));
      },
    );
    req.on('error', (e) => (abort ? resolve('aborted') : reject(e)));
    req.end(body);
  });
}

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('load: 500 concurrent streams, some aborted', () => {
  beforeAll(async () => {
    child = fork(fileURLToPath(new URL('./helpers/load-server.mjs', import.meta.url)), [], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    url = await new Promise<string>((resolve, reject) => {
      child.once('message', (m: { url: string }) => resolve(m.url));
      child.once('exit', (code) => reject(new Error(`load server exited with ${code}; is dist/ built (npm run build)?`)));
    });
  });
  afterAll(() => {
    agent.destroy();
    if (child.exitCode === null) child.kill();
  });

  it('completed streams are whole and valid, memory returns, nothing is left open', { timeout: 120_000 }, async () => {
    // The answer each stream must add up to: the same request, not streamed.
    const expected = await Promise.all(
      Array.from({ length: BODIES }, async (_, i) => {
        const r = await post(bodyFor(i, false), false);
        if (r === 'aborted') throw new Error('unexpected');
        return JSON.parse(r.text);
      }),
    );
    // Warm up (JIT, ajv, pools) before the baseline, so it is not mistaken for growth.
    await Promise.all(Array.from({ length: 50 }, (_, i) => post(bodyFor(i, true), false)));
    const before = await ask<Stats>('stats', 'stats');
    child.send('reset-peak');

    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: CLIENTS }, (_, i) => {
        const abort = i % ABORT_EVERY === 0;
        // Aborting clients ask for a long stream, so they drop it mid-flight, not after the end.
        const body = abort ? JSON.stringify({ model: 'deepseek-chat', messages: [{ role: 'user', content: 'long please' }], stream: true }) : bodyFor(i, true);
        return post(body, abort).then((r) => ({ i, r }));
      }),
    );
    const elapsed = Date.now() - started;

    let completed = 0;
    for (const { i, r } of results) {
      if (i % ABORT_EVERY === 0) {
        expect(r).toBe('aborted');
        continue;
      }
      if (r === 'aborted') throw new Error(`client ${i} lost its stream`);
      expect(r.status).toBe(200);
      const sse = parseSse(r.text);
      expect(sse.done, `client ${i}: no [DONE]`).toBe(true);
      expect(sse.strange).toEqual([]);
      for (const chunk of sse.chunks) expect(contract.chunk(chunk), JSON.stringify(chunk)).toBe(true);
      const chunks = sse.chunks as { choices: { delta: { content?: string | null }; finish_reason: string | null }[]; usage: unknown }[];
      const want = expected[i % BODIES];
      expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe(want.choices[0].message.content);
      expect(chunks.at(-2)!.choices[0]!.finish_reason).toBe(want.choices[0].finish_reason);
      expect(chunks.at(-1)!.usage).toEqual(want.usage);
      completed++;
    }
    expect(completed).toBe(CLIENTS - CLIENTS / ABORT_EVERY);
    expect(elapsed).toBeLessThan(60_000);

    // Every connection closes (aborted ones included) and memory settles near the baseline.
    const after = await eventually(
      () => ask<Stats>('stats', 'stats'),
      (s) => s.connections === 0 && s.heapUsed < before.heapUsed + 16 * 1024 * 1024,
    );
    expect(after.connections).toBe(0);
    expect(after.peak).toBeGreaterThan(CLIENTS / 5); // many streams were really open at once
    expect(after.heapUsed - before.heapUsed).toBeLessThan(16 * 1024 * 1024);
    expect(after.resources.filter((r) => r === 'TCPSocketWrap')).toEqual([]);

    const closed = await ask<{ resources: string[] }>('close', 'closed');
    expect(closed.resources.filter((r) => /TCP|Timeout|Immediate/.test(r))).toEqual([]);
    if (process.env.LOAD_REPORT) console.log({ elapsed, before, after, closed });
  });
});
