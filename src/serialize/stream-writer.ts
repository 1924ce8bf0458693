// Plays a plan (stream-plan.ts) back as a Web ReadableStream, waiting on the injected clock.
// Generation is pull-driven (highWaterMark 0): nothing is produced ahead of the reader, and when
// the reader cancels (client gone, fetch aborted) or the request's signal aborts, the pending
// sleep is aborted and nothing else runs: no timer, no listener, no reference is left behind.
import type { Clock } from '../core/clock.js';
import type { Step } from './stream-plan.js';

/**
 * The error a `disconnect` step ends the body with. In-process consumers (msw, fetch) see the
 * body's read fail; the Node listener recognises it and drops the socket instead.
 */
export class SimulatedDisconnect extends Error {
  constructor() {
    super('deepseek-fake: simulated disconnect (stream fault)');
    this.name = 'SimulatedDisconnect';
  }
}

export function playPlan(steps: readonly Step[], clock: Clock, signal?: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const stop = new AbortController();
  const onAbort = () => stop.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const release = () => signal?.removeEventListener('abort', onAbort);
  let next = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const step = steps[next++];
        if (!step) {
          release();
          controller.close();
          return;
        }
        try {
          await clock.sleep(step.delayMs, stop.signal);
        } catch (reason) {
          // Aborted: by cancel() (the stream is already closed, error() is a no-op) or by the
          // request's signal (the consumer, if still reading, learns why).
          release();
          controller.error(reason);
          return;
        }
        if (step.kind === 'disconnect') {
          release();
          controller.error(new SimulatedDisconnect());
          return;
        }
        controller.enqueue(encoder.encode(step.text));
        if (next === steps.length) {
          release();
          controller.close();
        }
      },
      cancel(reason) {
        stop.abort(reason);
        release();
      },
    },
    { highWaterMark: 0 },
  );
}
