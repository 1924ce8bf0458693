// Stream faults: the error an `error-event` carries, and the short text form used by
// `serve --stream-fault` (and by anyone else who takes a fault as a string).
import { messages } from '../contract/deepseek-messages.js';
import { apiError, type ApiError } from '../core/errors.js';
import type { StreamFault } from '../core/scenario-types.js';
import type { Profile } from '../profiles/profile.js';

/** DeepSeek's documented server errors, by status; other statuses reuse the 500 wording. */
const serverErrors: Record<number, { type: string; message: string }> = {
  500: { type: 'api_error', message: messages.serverError },
  503: { type: 'service_unavailable_error', message: messages.serverOverloaded },
};

/**
 * The envelope an `error-event` fault sends (default: 500 "Server Error"). With a profile's
 * documented errors, its own error of that status (seed 002's 500 "Internal server error") wins.
 */
export function faultError(fault: Extract<StreamFault, { kind: 'error-event' }>, profileErrors?: Profile['errors']): ApiError {
  const status = fault.status ?? 500;
  const own = Object.values(profileErrors ?? {}).find((e) => e?.status === status);
  const known = own ?? serverErrors[status] ?? serverErrors[500]!;
  return apiError(status, known.type, fault.message ?? known.message);
}

export const faultSyntax = [
  'disconnect:N        drop the connection after N chunks',
  'malformed-chunk:N   chunk N (from 0) is cut off halfway: invalid JSON',
  'stall:MS[@N]        pause MS ms after N chunks (default 0), then go on',
  'no-done             end the stream without data: [DONE]',
  'error-event:N[:S]   after N chunks send an error envelope (status S: 500 or 503) and end',
  'reset               reset the connection before any byte',
] as const;

function count(text: string | undefined, spec: string): number {
  const n = Number(text);
  if (text === undefined || text === '' || !Number.isInteger(n) || n < 0) throw new Error(`Bad stream fault "${spec}": expected a whole number, got "${text ?? ''}"`);
  return n;
}

/** Parses `disconnect:3`, `stall:2000@1`, `error-event:2:503`, `no-done`, `reset`…; throws on anything else. */
export function parseFault(spec: string): StreamFault {
  const [kind, ...args] = spec.trim().split(':');
  const arity = (n: number) => {
    if (args.length > n) throw new Error(`Bad stream fault "${spec}": too many parts`);
  };
  switch (kind) {
    case 'disconnect':
      arity(1);
      return { kind, afterChunks: count(args[0], spec) };
    case 'malformed-chunk':
      arity(1);
      return { kind, atChunk: count(args[0], spec) };
    case 'stall': {
      arity(1);
      const [ms, after] = (args[0] ?? '').split('@');
      return after === undefined ? { kind, ms: count(ms, spec) } : { kind, ms: count(ms, spec), afterChunks: count(after, spec) };
    }
    case 'no-done':
    case 'reset':
      arity(0);
      return { kind };
    case 'error-event': {
      arity(2);
      const fault: StreamFault = { kind, afterChunks: count(args[0], spec) };
      if (args[1] !== undefined) {
        fault.status = count(args[1], spec);
        if (fault.status < 400 || fault.status > 599) throw new Error(`Bad stream fault "${spec}": status must be 400-599`);
      }
      return fault;
    }
    default:
      throw new Error(`Unknown stream fault "${spec}". Known: ${faultSyntax.map((l) => l.split(/[:\s]/)[0]).join(', ')}`);
  }
}
