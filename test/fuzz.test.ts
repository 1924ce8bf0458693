// Property-based fuzzing of the app, in-process: ≥ 10,000 generated and mutated requests. Every
// answer must be a success valid against the contract or a 4xx error envelope — never a 5xx.
// Seeded: FUZZ_SEED=<n> reproduces a run; a failure prints its seed and shrunk counterexample.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createFake } from '../src/core/fake.js';
import { createApp } from '../src/server/app.js';
import { problemWith } from './helpers/answer-check.js';
import { mutatedBytes, mutatedText, plausibleBody, requestShape } from './helpers/fuzz-arbitraries.js';

const SEED = Number(process.env.FUZZ_SEED ?? 9_2026);
const fake = createFake({ seed: 1 });
const app = createApp({ seed: 2 });
const BASE = 'https://api.deepseek.com';
/** Answers by status ('stream' for a 200 stream), to show the fuzz reaches the deep paths too. */
const tally = new Map<string, number>();

async function send(body: BodyInit, init: { via?: 'core' | 'hono'; method?: string; path?: string; headers?: Record<string, string> } = {}): Promise<string | null> {
  const method = init.method ?? 'POST';
  const headers = init.headers ?? { authorization: 'Bearer sk-fuzz', 'content-type': 'application/json' };
  const request = new Request(`${BASE}${init.path ?? '/chat/completions'}`, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : body });
  const res = init.via === 'hono' ? await app.request(request) : await fake.handle(request);
  const kind = res.status === 200 && res.headers.get('content-type')?.startsWith('text/event-stream') ? 'stream' : String(res.status);
  tally.set(kind, (tally.get(kind) ?? 0) + 1);
  return problemWith(res, fake.contract, method);
}

async function check(name: string, property: fc.IAsyncPropertyWithHooks<any>, numRuns: number): Promise<void> {
  try {
    await fc.assert(property, { seed: SEED, numRuns });
  } catch (e) {
    const cause = (e as Error).cause as Error | undefined;
    throw new Error(`fuzz "${name}" failed; reproduce with FUZZ_SEED=${SEED} npx vitest run test/fuzz.test.ts\n${(e as Error).message}${cause ? `\nCause: ${cause.message}` : ''}`);
  }
}

// Returns nothing: fast-check treats a returned false as a failure.
function noProblem(problem: string | null): void {
  expect(problem).toBeNull();
}

describe('fuzz: nothing a client sends gets a 5xx or an off-contract answer', () => {
  afterAll(() => {
    expect(fake.store.requestCount + app.fake.store.requestCount).toBeGreaterThanOrEqual(10_000);
    expect(Object.keys(Object.prototype)).toEqual([]);
    if (process.env.FUZZ_TALLY) console.log(Object.fromEntries([...tally].sort()));
    // Not only rejections: a good share of answers are whole completions and streams.
    expect(tally.get('200') ?? 0).toBeGreaterThan(1_000);
    expect(tally.get('stream') ?? 0).toBeGreaterThan(300);
  });

  it('4,000 generated bodies (valid ones streamed and not)', { timeout: 120_000 }, async () => {
    await check('bodies', fc.asyncProperty(plausibleBody, fc.boolean(), async (body, hono) => noProblem(await send(JSON.stringify(body), { via: hono ? 'hono' : 'core' }))), 4_000);
  });

  it('3,000 mutated JSON texts', { timeout: 120_000 }, async () => {
    await check('texts', fc.asyncProperty(mutatedText, async (text) => noProblem(await send(text))), 3_000);
  });

  it('1,500 mutated or random byte strings', { timeout: 120_000 }, async () => {
    await check('bytes', fc.asyncProperty(mutatedBytes, async (bytes) => noProblem(await send(bytes))), 1_500);
  });

  it('1,500 odd methods, paths and headers', { timeout: 120_000 }, async () => {
    await check(
      'headers',
      fc.asyncProperty(requestShape, plausibleBody, fc.boolean(), async (shape, body, hono) => {
        const headers: Record<string, string> = { ...shape.extra, 'content-type': shape.contentType, authorization: shape.authorization };
        noProblem(await send(JSON.stringify(body), { via: hono ? 'hono' : 'core', method: shape.method, path: shape.path, headers }));
      }),
      1_500,
    );
  });
});
