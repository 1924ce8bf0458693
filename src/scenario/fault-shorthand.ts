// Stream faults written as one word, shared by the control header and fixture files:
// disconnect-after-3, malformed-chunk-at-2, stall-500ms, stall-500ms-after-2, no-done,
// error-event-after-3, reset; `none` overrides a server-wide fault for one request.
import type { StreamFault } from '../core/scenario-types.js';

export const faultForms = [
  'disconnect-after-N',
  'malformed-chunk-at-N',
  'stall-MSms',
  'stall-MSms-after-N',
  'no-done',
  'error-event-after-N',
  'reset',
  'none',
] as const;

/** The fault a shorthand names, or undefined when it is not one. */
export function parseFault(text: string): StreamFault | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^disconnect-after-(\d+)$/.exec(text))) return { kind: 'disconnect', afterChunks: Number(m[1]) };
  if ((m = /^malformed-chunk-at-(\d+)$/.exec(text))) return { kind: 'malformed-chunk', atChunk: Number(m[1]) };
  if ((m = /^stall-(\d+)ms(?:-after-(\d+))?$/.exec(text))) {
    return m[2] === undefined ? { kind: 'stall', ms: Number(m[1]) } : { kind: 'stall', ms: Number(m[1]), afterChunks: Number(m[2]) };
  }
  if ((m = /^error-event-after-(\d+)$/.exec(text))) return { kind: 'error-event', afterChunks: Number(m[1]) };
  if (text === 'no-done') return { kind: 'no-done' };
  if (text === 'reset') return { kind: 'reset' };
  if (text === 'none') return { kind: 'none' };
  return undefined;
}

export function unknownFaultMessage(text: string): string {
  return `unknown fault "${text}"; expected one of ${faultForms.join(', ')}`;
}
