// Time is injected so tests can freeze `created` and run streams on virtual time.

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

/**
 * Virtual time: `sleep` waits until `advance` moves time past its deadline. Streams under test can
 * then be stepped deterministically without real delays.
 */
export class VirtualClock implements Clock {
  private current: number;
  private waiters: { at: number; resolve: () => void; reject: (e: unknown) => void; signal?: AbortSignal; onAbort?: () => void }[] = [];

  constructor(startMs = 0) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: (typeof this.waiters)[number] = { at: this.current + ms, resolve, reject, signal };
      if (signal) {
        waiter.onAbort = () => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          reject(abortReason(signal));
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.waiters.push(waiter);
    });
  }

  /** Moves time forward, waking sleepers in deadline order. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      const due = this.waiters.filter((w) => w.at <= target).sort((x, y) => x.at - y.at)[0];
      if (!due) break;
      this.waiters = this.waiters.filter((w) => w !== due);
      this.current = due.at;
      if (due.signal && due.onAbort) due.signal.removeEventListener('abort', due.onAbort);
      due.resolve();
      // Let the woken code run (and maybe sleep again) before looking for the next deadline.
      await new Promise((r) => setTimeout(r, 0));
    }
    this.current = target;
  }

  /** How many sleeps are waiting, for leak checks. */
  get pending(): number {
    return this.waiters.length;
  }
}
