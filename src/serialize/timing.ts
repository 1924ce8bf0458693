// Seeded timing: how long to wait before each frame. Pure arithmetic over a Timing and an rng, so
// the same request and seed always get the same pauses; all zero unless timing is asked for.
import type { Rng } from '../core/random.js';
import type { Timing } from '../core/scenario-types.js';

/** Default keep-alive period while a request waits for capacity. */
export const DEFAULT_KEEP_ALIVE_MS = 1000;

/** At most this many keep-alives are planned: a tiny interval on a long wait is stretched instead. */
const MAX_KEEP_ALIVES = 10_000;

/** A usable non-negative number of ms, whatever a fixture or header sent (NaN would hang a virtual clock). */
export function ms(value: number | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

/**
 * Keep-alive schedule for a queue wait: one at once (so the client sees bytes promptly), then one
 * every interval while the wait lasts. Returns the pause before each keep-alive and the rest of
 * the wait after the last one; the pauses add up to `queueWaitMs`.
 */
export function keepAliveSchedule(timing: Timing): { before: number[]; after: number } {
  const wait = ms(timing.queueWaitMs);
  if (wait === 0) return { before: [], after: 0 };
  const every = Math.max(1, wait / MAX_KEEP_ALIVES, ms(timing.keepAliveIntervalMs) || DEFAULT_KEEP_ALIVE_MS);
  const count = Math.ceil(wait / every);
  const before = Array.from({ length: count }, (_, i) => (i === 0 ? 0 : every));
  return { before, after: wait - every * (count - 1) };
}

/**
 * The pause before each of `count` token-bearing frames: time to first token before the first,
 * then 1000 / tokensPerSecond ms, spread ±jitter, before each of the others.
 */
export function tokenDelays(timing: Timing, count: number, rng: Rng): number[] {
  const ttft = ms(timing.ttftMs);
  const tps = ms(timing.tokensPerSecond);
  const base = tps > 0 ? 1000 / tps : 0;
  const jitter = Math.min(1, ms(timing.jitter));
  const delays: number[] = [];
  for (let i = 0; i < count; i++) {
    if (i === 0) {
      delays.push(ttft);
      continue;
    }
    // One draw per token whatever the settings, so changing one knob does not reshuffle the rest.
    const spread = 2 * rng.next() - 1;
    delays.push(Math.max(0, Math.round(base * (1 + jitter * spread))));
  }
  return delays;
}
