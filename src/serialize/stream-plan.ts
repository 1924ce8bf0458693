// The whole response as data: which bytes go out, after which pause, and where a fault cuts in.
// Pure (no clock, no I/O), so the exact frame sequence of any fault can be tested and read; the
// writer (stream-writer.ts) only plays a plan back on a clock.
import type { Rng } from '../core/random.js';
import type { StreamFault, Timing } from '../core/scenario-types.js';
import type { Profile } from '../profiles/profile.js';
import type { ChatCompletionChunk } from '../core/types.js';
import { faultError } from './faults.js';
import { BLANK_LINE, DONE_FRAME, KEEP_ALIVE_FRAME, errorFrame, frame, malformedFrame } from './sse.js';
import { keepAliveSchedule, ms, tokenDelays } from './timing.js';

export type Step =
  /** Wait `delayMs`, then send `text`. */
  | { kind: 'write'; delayMs: number; text: string }
  /** Wait `delayMs`, then drop the connection (no more bytes, no clean end). */
  | { kind: 'disconnect'; delayMs: number };

export interface PlanSettings {
  timing: Timing;
  fault?: StreamFault;
  /** The profile's documented errors: an `error-event` speaks its words (see faultError). */
  errors?: Profile['errors'];
}

function keepAliveSteps(timing: Timing, text: string): { steps: Step[]; rest: number } {
  const { before, after } = keepAliveSchedule(timing);
  return { steps: before.map((delayMs) => ({ kind: 'write', delayMs, text })), rest: after };
}

/** Index of the frame a fault with "after N chunks" acts before; past the end means "before [DONE]". */
function clampIndex(n: number | undefined, length: number): number {
  return n === Infinity ? length : Math.min(Math.floor(ms(n)), length);
}

/** The SSE response for a chunk list: keep-alives, paced frames, the fault if any, [DONE]. */
export function planStream(chunks: readonly ChatCompletionChunk[], settings: PlanSettings, rng: Rng): Step[] {
  const { timing, fault } = settings;
  const { steps, rest } = keepAliveSteps(timing, KEEP_ALIVE_FRAME);
  const delays = tokenDelays(timing, chunks.length, rng);
  delays[0] = (delays[0] ?? 0) + rest;
  // The usage chunk follows the finish chunk at once: it is bookkeeping, not a generated token.
  chunks.forEach((c, i) => {
    if (c.choices.length === 0 && i > 0) delays[i] = 0;
  });
  const frames: Step[] = chunks.map((c, i) => ({ kind: 'write', delayMs: delays[i]!, text: frame(c) }));
  frames.push({ kind: 'write', delayMs: chunks.length ? 0 : rest, text: DONE_FRAME });

  switch (fault?.kind) {
    case undefined:
    case 'none':
    case 'reset': // no bytes at all: respond.ts answers Response.error() instead of a plan
      break;
    case 'disconnect': {
      const at = clampIndex(fault.afterChunks, chunks.length);
      frames.splice(at, frames.length - at, { kind: 'disconnect', delayMs: frames[at]!.delayMs });
      break;
    }
    case 'malformed-chunk': {
      const at = Math.min(clampIndex(fault.atChunk, chunks.length), chunks.length - 1);
      if (at >= 0) frames[at] = { kind: 'write', delayMs: frames[at]!.delayMs, text: malformedFrame(chunks[at]!) };
      break;
    }
    case 'stall': {
      const at = clampIndex(fault.afterChunks, chunks.length);
      frames[at] = { ...frames[at]!, delayMs: frames[at]!.delayMs + ms(fault.ms) };
      break;
    }
    case 'no-done':
      frames.pop();
      break;
    case 'error-event': {
      const at = clampIndex(fault.afterChunks, chunks.length);
      frames.splice(at, frames.length - at, { kind: 'write', delayMs: frames[at]!.delayMs, text: errorFrame(faultError(fault, settings.errors)) });
      break;
    }
  }
  return [...steps, ...frames];
}

/**
 * The non-streaming response: blank lines while queued, then the whole body once generation
 * would have finished (the same pacing a stream of `chunks` would take, plus any stall).
 * `disconnect` drops the connection instead of sending the body; `malformed-chunk` sends the body
 * cut off halfway. (`error-event` and `reset` are answered before any plan, in respond.ts.)
 */
export function planJson(body: string, chunks: readonly ChatCompletionChunk[], settings: PlanSettings, rng: Rng): Step[] {
  const { timing, fault } = settings;
  const { steps, rest } = keepAliveSteps(timing, BLANK_LINE);
  const generation = tokenDelays(timing, chunks.length, rng).reduce((a, b) => a + b, 0);
  const stall = fault?.kind === 'stall' ? ms(fault.ms) : 0;
  const delayMs = rest + generation + stall;
  if (fault?.kind === 'disconnect') return [...steps, { kind: 'disconnect', delayMs }];
  const text = fault?.kind === 'malformed-chunk' ? body.slice(0, Math.ceil(body.length / 2)) : body;
  return [...steps, { kind: 'write', delayMs, text }];
}
