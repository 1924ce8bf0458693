import { describe, expect, it } from 'vitest';
import { messages } from '../contract/deepseek-messages.js';
import { RateLimiter, WINDOW_MS } from './rate-limits.js';

describe('RateLimiter', () => {
  it('concurrency: N in flight pass, the (N+1)th gets DeepSeek 429, a release frees a slot', () => {
    const limiter = new RateLimiter();
    const a = limiter.admit('k', 0, { concurrencyLimit: 2 });
    const b = limiter.admit('k', 0, { concurrencyLimit: 2 });
    expect(a.ok && b.ok).toBe(true);
    const c = limiter.admit('k', 0, { concurrencyLimit: 2 });
    expect(c).toMatchObject({ ok: false, kind: 'concurrency', error: { status: 429, type: 'rate_limit_error', message: messages.concurrency(3, 2) } });
    expect(limiter.admit('other', 0, { concurrencyLimit: 2 }).ok).toBe(true); // per key
    if (a.ok) {
      a.release();
      a.release(); // idempotent
    }
    expect(limiter.inFlightFor('k')).toBe(1);
    expect(limiter.admit('k', 0, { concurrencyLimit: 2 }).ok).toBe(true);
    expect(limiter.admit('k', 0, { concurrencyLimit: 2 }).ok).toBe(false);
  });

  it('rpm: exactly N per sliding 60 s window, Retry-After counts down to the boundary', () => {
    const limiter = new RateLimiter();
    const at = (t: number) => limiter.admit('k', t, { rpm: 3 });
    const release = (x: ReturnType<typeof at>) => (x.ok ? x.release() : undefined);
    release(at(0));
    release(at(10_000));
    release(at(20_000));
    const refused = at(20_000);
    expect(refused).toMatchObject({ ok: false, kind: 'rpm', error: { status: 429, message: messages.rpmLimit(3), headers: { 'retry-after': '40' } } });
    expect(at(WINDOW_MS - 1)).toMatchObject({ ok: false, error: { headers: { 'retry-after': '1' } } });
    const boundary = at(WINDOW_MS); // the request at t=0 leaves the window exactly now
    expect(boundary.ok).toBe(true);
    release(boundary);
    expect(at(WINDOW_MS)).toMatchObject({ ok: false, error: { headers: { 'retry-after': '10' } } });
    // refused requests did not count: at 70 s the t=10 s request leaves and frees exactly one slot
    release(at(70_000));
    expect(at(70_000).ok).toBe(false);
  });

  it('tpm: the request that crosses the limit passes, the next waits until enough tokens leave the window', () => {
    const limiter = new RateLimiter();
    const at = (t: number) => {
      const x = limiter.admit('k', t, { tpm: 100 });
      if (x.ok) x.release();
      return x;
    };
    expect(at(0).ok).toBe(true);
    limiter.spend('k', 0, 60);
    expect(at(1_000).ok).toBe(true);
    limiter.spend('k', 1_000, 39); // 99 < 100
    expect(at(2_000).ok).toBe(true);
    limiter.spend('k', 2_000, 1); // exactly 100
    const refused = at(2_000);
    // dropping the 60 tokens at t=0 brings use to 40 < 100: wait until t=60s
    expect(refused).toMatchObject({ ok: false, kind: 'tpm', error: { message: messages.tpmLimit(100), headers: { 'retry-after': '58' } } });
    expect(at(WINDOW_MS - 1).ok).toBe(false);
    expect(at(WINDOW_MS).ok).toBe(true);
  });

  it('reset forgets everything', () => {
    const limiter = new RateLimiter();
    limiter.admit('k', 0, { rpm: 1, concurrencyLimit: 1 });
    limiter.reset();
    expect(limiter.inFlightFor('k')).toBe(0);
    expect(limiter.admit('k', 0, { rpm: 1, concurrencyLimit: 1 }).ok).toBe(true);
  });
});
