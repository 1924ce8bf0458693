import { describe, expect, it } from 'vitest';
import { draft } from '../../test/helpers/drafts.js';
import { createRng } from '../core/random.js';
import type { StreamFault, Timing } from '../core/scenario-types.js';
import { chunksFromDraft } from './chunks.js';
import { settingsFor } from './respond.js';
import { planJson, planStream, type Step } from './stream-plan.js';
import { keepAliveSchedule, tokenDelays } from './timing.js';

const chunks = chunksFromDraft(draft(), { includeUsage: true }); // role, 3 tokens, finish, usage = 6
const plan = (fault?: StreamFault, timing: Timing = {}) => planStream(chunks, fault ? { timing, fault } : { timing }, createRng(1));
const texts = (steps: Step[]) => steps.map((s) => (s.kind === 'write' ? s.text : '<disconnect>'));
const isChunk = (t: string) => t.startsWith('data: {"id"');

describe('planStream', () => {
  it('without timing or fault: every chunk as a data frame, then [DONE], no waits', () => {
    const steps = plan();
    expect(steps.every((s) => s.delayMs === 0)).toBe(true);
    expect(texts(steps)).toHaveLength(7);
    expect(texts(steps).slice(0, 6).every(isChunk)).toBe(true);
    expect(texts(steps).at(-1)).toBe('data: [DONE]\n\n');
  });

  it('a queue wait sends keep-alive comments first; time to first token and token pacing follow', () => {
    const steps = plan(undefined, { queueWaitMs: 2500, keepAliveIntervalMs: 1000, ttftMs: 300, tokensPerSecond: 10 });
    expect(steps.slice(0, 3)).toEqual([0, 1000, 1000].map((delayMs) => ({ kind: 'write', delayMs, text: ': keep-alive\n\n' })));
    // first chunk: the rest of the wait (500) + ttft; then 100 ms per token; usage and [DONE] at once
    expect(steps.slice(3).map((s) => s.delayMs)).toEqual([800, 100, 100, 100, 100, 0, 0]);
  });

  it('disconnect:N sends N chunks then drops; past the end it drops just before [DONE]', () => {
    expect(texts(plan({ kind: 'disconnect', afterChunks: 2 }))).toEqual([texts(plan())[0], texts(plan())[1], '<disconnect>']);
    expect(texts(plan({ kind: 'disconnect', afterChunks: 0 }))).toEqual(['<disconnect>']);
    expect(texts(plan({ kind: 'disconnect', afterChunks: 99 }))).toEqual([...texts(plan()).slice(0, 6), '<disconnect>']);
  });

  it('malformed-chunk:N cuts chunk N halfway (invalid JSON) and the stream goes on to [DONE]', () => {
    const t = texts(plan({ kind: 'malformed-chunk', atChunk: 1 }));
    const good = texts(plan());
    expect(t).toHaveLength(7);
    expect(() => JSON.parse(t[1]!.slice(6))).toThrow(SyntaxError);
    expect(good[1]!.startsWith(t[1]!.slice(0, -2))).toBe(true);
    expect(t.filter((_, i) => i !== 1)).toEqual(good.filter((_, i) => i !== 1));
  });

  it('stall adds its pause before the frame after N chunks', () => {
    expect(plan({ kind: 'stall', ms: 5000, afterChunks: 2 }).map((s) => s.delayMs)).toEqual([0, 0, 5000, 0, 0, 0, 0]);
    expect(plan({ kind: 'stall', ms: 5000 }).map((s) => s.delayMs)[0]).toBe(5000);
  });

  it('no-done ends without [DONE]; error-event sends the envelope after N chunks and ends', () => {
    expect(texts(plan({ kind: 'no-done' }))).toEqual(texts(plan()).slice(0, 6));
    const t = texts(plan({ kind: 'error-event', afterChunks: 3, status: 503 }));
    expect(t.slice(0, 3)).toEqual(texts(plan()).slice(0, 3));
    expect(t.slice(3)).toEqual([
      'data: {"error":{"message":"Server Overloaded","type":"service_unavailable_error","param":null,"code":"invalid_request_error"}}\n\n',
    ]);
    expect(texts(plan({ kind: 'error-event', afterChunks: 0 }))[0]).toContain('"message":"Server Error","type":"api_error"');
  });
});

describe('planJson', () => {
  const body = '{"ok":true}';
  it('blank lines while queued, then the body after the whole generation time', () => {
    const steps = planJson(body, chunks, { timing: { queueWaitMs: 250, keepAliveIntervalMs: 100, tokensPerSecond: 10 } }, createRng(1));
    expect(steps).toEqual([
      { kind: 'write', delayMs: 0, text: '\n' },
      { kind: 'write', delayMs: 100, text: '\n' },
      { kind: 'write', delayMs: 100, text: '\n' },
      { kind: 'write', delayMs: 50 + 5 * 100, text: body },
    ]);
  });
  it('disconnect drops instead of the body, malformed-chunk cuts it, stall delays it', () => {
    expect(planJson(body, chunks, { timing: {}, fault: { kind: 'disconnect', afterChunks: 1 } }, createRng(1))).toEqual([{ kind: 'disconnect', delayMs: 0 }]);
    expect(planJson(body, chunks, { timing: {}, fault: { kind: 'malformed-chunk', atChunk: 1 } }, createRng(1))).toEqual([{ kind: 'write', delayMs: 0, text: '{"ok":' }]);
    expect(planJson(body, chunks, { timing: {}, fault: { kind: 'stall', ms: 700 } }, createRng(1))).toEqual([{ kind: 'write', delayMs: 700, text: body }]);
  });
});

describe('timing', () => {
  it('keep-alives: one at once, then one per interval while the wait lasts; pauses add up to the wait', () => {
    expect(keepAliveSchedule({})).toEqual({ before: [], after: 0 });
    expect(keepAliveSchedule({ queueWaitMs: 1000, keepAliveIntervalMs: 1000 })).toEqual({ before: [0], after: 1000 });
    expect(keepAliveSchedule({ queueWaitMs: 1001, keepAliveIntervalMs: 1000 })).toEqual({ before: [0, 1000], after: 1 });
    expect(keepAliveSchedule({ queueWaitMs: 3000 })).toEqual({ before: [0, 1000, 1000], after: 1000 });
  });

  it('nonsense numbers (NaN, negative, Infinity) mean no delay rather than a hang; long waits plan at most 10,000 keep-alives', () => {
    expect(tokenDelays({ ttftMs: NaN, tokensPerSecond: -5, jitter: Infinity }, 3, createRng(1))).toEqual([0, 0, 0]);
    expect(keepAliveSchedule({ queueWaitMs: NaN })).toEqual({ before: [], after: 0 });
    expect(keepAliveSchedule({ queueWaitMs: 1000, keepAliveIntervalMs: -1 }).before).toEqual([0]);
    const long = keepAliveSchedule({ queueWaitMs: 600_000, keepAliveIntervalMs: 1 });
    expect(long.before.length).toBeLessThanOrEqual(10_000);
    expect(long.before.reduce((a, b) => a + b, 0) + long.after).toBeCloseTo(600_000);
    expect(plan({ kind: 'stall', ms: NaN, afterChunks: NaN }).every((s) => s.delayMs === 0)).toBe(true);
  });

  it('token delays are seeded: same seed → same delays; jitter stays within ±jitter of the base', () => {
    const timing = { ttftMs: 400, tokensPerSecond: 20, jitter: 0.5 };
    const a = tokenDelays(timing, 200, createRng(7));
    expect(tokenDelays(timing, 200, createRng(7))).toEqual(a);
    expect(tokenDelays(timing, 200, createRng(8))).not.toEqual(a);
    expect(a[0]).toBe(400);
    for (const d of a.slice(1)) {
      expect(d).toBeGreaterThanOrEqual(25);
      expect(d).toBeLessThanOrEqual(75);
    }
    expect(new Set(a.slice(1)).size).toBeGreaterThan(10);
    expect(tokenDelays({}, 5, createRng(7))).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('settingsFor: server defaults and a scenario', () => {
  it('merges timing field by field; a scenario fault wins; `none` removes the server fault', () => {
    const defaults = { timing: { ttftMs: 1500, tokensPerSecond: 10 }, fault: { kind: 'disconnect', afterChunks: 2 } as const };
    expect(settingsFor(defaults, { timing: { ttftMs: 0 } })).toEqual({ timing: { ttftMs: 0, tokensPerSecond: 10 }, fault: defaults.fault });
    expect(settingsFor(defaults, { fault: { kind: 'no-done' } }).fault).toEqual({ kind: 'no-done' });
    expect(settingsFor(defaults, { fault: { kind: 'none' } })).toEqual({ timing: defaults.timing });
    expect(settingsFor(undefined, { fault: { kind: 'none' } })).toEqual({ timing: {} });
  });
});
