// Time is injected so tests can freeze `created` and run streams on virtual time. Every wait in
// the fake (keep-alives, time to first token, token pacing, stalls) goes through Clock.sleep.

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('Aborted', 'AbortError');
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep(ms, signal) {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortReason(signal!));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  },
};

/** A clock whose `now` is pinned; sleeps still take real time unless `instant` is set. */
export function frozenClock(epochMs: number, options: { instant?: boolean } = {}): Clock {
  return {
    now: () => epochMs,
    sleep: (ms, signal) => (options.instant ? (signal?.aborted ? Promise.reject(abortReason(signal)) : Promise.resolve()) : systemClock.sleep(ms, signal)),
  };
}

interface Waiter {
  at: number;
  resolve: () => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/**
 * Virtual time: `sleep` waits until `advance` moves time past its deadline. Streams under test can
 * then be stepped deterministically without real delays.
 */
export class VirtualClock implements Clock {
  private current: number;
  private waiters = new Set<Waiter>();
  /** Sleeps ever requested with ms > 0 (settled or not), so tests can prove timing was used. */
  sleeps = 0;
  /** Total virtual milliseconds asked for by sleeps. */
  sleptMs = 0;

  constructor(startMs = 0) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (ms <= 0) return Promise.resolve();
    this.sleeps++;
    this.sleptMs += ms;
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { at: this.current + ms, resolve, signal };
      if (signal) {
        waiter.onAbort = () => {
          this.waiters.delete(waiter);
          reject(abortReason(signal));
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.waiters.add(waiter);
    });
  }

  private nextDue(limit: number): Waiter | undefined {
    let due: Waiter | undefined;
    for (const w of this.waiters) if (w.at <= limit && (!due || w.at < due.at)) due = w;
    return due;
  }

  private wake(w: Waiter): void {
    this.waiters.delete(w);
    this.current = Math.max(this.current, w.at);
    if (w.signal && w.onAbort) w.signal.removeEventListener('abort', w.onAbort);
    w.resolve();
  }

  /** Moves time forward, waking sleepers in deadline order. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    // Settle first each time: woken (or just started) code may sleep again before the next look.
    for (let due = await this.settledNextDue(target); due; due = await this.settledNextDue(target)) this.wake(due);
    this.current = target;
  }

  /**
   * Jumps from deadline to deadline until nobody sleeps (or `maxSteps` wakes, to stop a runaway
   * loop). Returns the number of sleepers woken.
   */
  async runAll(maxSteps = 100_000): Promise<number> {
    let steps = 0;
    for (let due = await this.settledNextDue(Infinity); due && steps < maxSteps; due = await this.settledNextDue(Infinity), steps++) this.wake(due);
    return steps;
  }

  private async settledNextDue(limit: number): Promise<Waiter | undefined> {
    await new Promise((r) => setTimeout(r, 0));
    return this.nextDue(limit);
  }

  /** How many sleeps are waiting, for leak checks. */
  get pending(): number {
    return this.waiters.size;
  }
}
