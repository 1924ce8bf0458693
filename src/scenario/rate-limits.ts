// Opt-in limits per API key: concurrent requests, requests per minute, tokens per minute.
// Windows slide over the last 60 s of the fake's clock; every structure is bounded.
import { messages } from '../contract/deepseek-messages.js';
import type { ScenarioError } from '../core/scenario-types.js';

export interface RateLimitOptions {
  /** The (N+1)th concurrent request of one key gets DeepSeek's 429 concurrency message. */
  concurrencyLimit?: number;
  /** Requests per minute per key. */
  rpm?: number;
  /** Tokens (prompt + completion) per minute per key. */
  tpm?: number;
}

export const WINDOW_MS = 60_000;
/** Keys remembered at once; the least recently seen is forgotten beyond this. */
const MAX_KEYS = 10_000;

export type Admission = { ok: true; release: () => void } | { ok: false; kind: 'concurrency' | 'rpm' | 'tpm'; error: ScenarioError };

export class RateLimiter {
  private inFlight = new Map<string, number>();
  private requests = new Map<string, number[]>();
  private tokens = new Map<string, { at: number; tokens: number }[]>();

  /** Admits a request at `now` or says which limit it hit. The caller must call `release` when done. */
  admit(key: string, now: number, limits: RateLimitOptions): Admission {
    const { concurrencyLimit, rpm, tpm } = limits;
    const current = (this.inFlight.get(key) ?? 0) + 1;
    if (concurrencyLimit !== undefined && current > concurrencyLimit) {
      return { ok: false, kind: 'concurrency', error: tooMany(messages.concurrency(current, concurrencyLimit), 1) };
    }
    if (rpm !== undefined) {
      const times = pruned(this.requests, key, now, (t) => t);
      if (times.length >= rpm) {
        const wait = times[times.length - rpm]! + WINDOW_MS - now;
        return { ok: false, kind: 'rpm', error: tooMany(messages.rpmLimit(rpm), seconds(wait)) };
      }
    }
    if (tpm !== undefined) {
      const spent = pruned(this.tokens, key, now, (e) => e.at);
      let used = spent.reduce((n, e) => n + e.tokens, 0);
      if (used >= tpm) {
        // Wait until enough of the oldest spending leaves the window to bring use below the limit.
        let wait = 0;
        for (const e of spent) {
          used -= e.tokens;
          wait = e.at + WINDOW_MS - now;
          if (used < tpm) break;
        }
        return { ok: false, kind: 'tpm', error: tooMany(messages.tpmLimit(tpm), seconds(wait)) };
      }
    }
    if (rpm !== undefined) remember(this.requests, key).push(now);
    this.inFlight.set(key, current);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        const n = (this.inFlight.get(key) ?? 1) - 1;
        if (n <= 0) this.inFlight.delete(key);
        else this.inFlight.set(key, n);
      },
    };
  }

  /** Counts tokens a key spent at `now` towards its TPM window. */
  spend(key: string, now: number, tokens: number): void {
    if (tokens > 0) remember(this.tokens, key).push({ at: now, tokens });
  }

  inFlightFor(key: string): number {
    return this.inFlight.get(key) ?? 0;
  }

  reset(): void {
    this.inFlight.clear();
    this.requests.clear();
    this.tokens.clear();
  }
}

function tooMany(message: string, retryAfter: number): ScenarioError {
  return { status: 429, type: 'rate_limit_error', message, param: null, headers: { 'retry-after': String(retryAfter) } };
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/** The key's entries still inside the window (older ones are dropped in place). */
function pruned<T>(map: Map<string, T[]>, key: string, now: number, at: (e: T) => number): T[] {
  const list = map.get(key);
  if (!list) return [];
  let drop = 0;
  while (drop < list.length && at(list[drop]!) <= now - WINDOW_MS) drop++;
  if (drop) list.splice(0, drop);
  return list;
}

function remember<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (list) {
    map.delete(key); // re-insert: Map order is then least recently seen first
  } else list = [];
  map.set(key, list);
  if (map.size > MAX_KEYS) map.delete(map.keys().next().value!);
  return list;
}
