// serve options for streaming (issue 3): usage placement, timing, queue wait and a fault.
import type { Timing } from '../../core/scenario-types.js';
import { usagePlacements, type UsagePlacement } from '../../serialize/chunks.js';
import { faultSyntax, parseFault } from '../../serialize/faults.js';
import type { StreamOptions } from '../../serialize/respond.js';
import { UsageError } from '../command.js';
import type { OptionValues, ServeOptionGroup } from './option-group.js';

function number(values: OptionValues, name: string, check: (n: number) => boolean, what: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw === '' || !Number.isFinite(n) || !check(n)) throw new UsageError(`--${name} must be ${what}, got "${raw}"`);
  return n;
}

const ms = (n: number) => n >= 0;

export const streamOptions: ServeOptionGroup = {
  title: 'streaming',
  options: {
    'usage-chunk': { type: 'string' },
    ttft: { type: 'string' },
    'tokens-per-second': { type: 'string' },
    jitter: { type: 'string' },
    'queue-wait': { type: 'string' },
    'keep-alive-interval': { type: 'string' },
    'stream-fault': { type: 'string' },
  },
  help: [
    '--usage-chunk MODE        documented (default): usage in an extra chunk only with include_usage;',
    '                          final-chunk: usage on the finish_reason chunk always (the live API)',
    '--ttft MS                 time to first token (default 0)',
    '--tokens-per-second N     generation speed (default: no delay)',
    '--jitter F                seeded spread of each token delay, 0..1 (0.2 = ±20%)',
    '--queue-wait MS           wait for capacity first: keep-alive comments (stream) or blank lines (JSON)',
    '--keep-alive-interval MS  period of those keep-alives (default 1000)',
    '--stream-fault SPEC       a fault on every chat response, one of:',
    ...faultSyntax.map((l) => `                            ${l}`),
  ],
  apply(values, into) {
    const stream: StreamOptions = {};
    const usage = values['usage-chunk'];
    if (usage !== undefined) {
      if (!usagePlacements.includes(usage as UsagePlacement)) throw new UsageError(`--usage-chunk must be one of ${usagePlacements.join(', ')}, got "${usage}"`);
      stream.usage = usage as UsagePlacement;
    }
    const timing: Timing = {};
    const set = <K extends keyof Timing>(key: K, n: number | undefined) => {
      if (n !== undefined) timing[key] = n;
    };
    set('ttftMs', number(values, 'ttft', ms, 'milliseconds (≥ 0)'));
    set('tokensPerSecond', number(values, 'tokens-per-second', (n) => n > 0, 'a positive number'));
    set('jitter', number(values, 'jitter', (n) => n >= 0 && n <= 1, 'a number from 0 to 1'));
    set('queueWaitMs', number(values, 'queue-wait', ms, 'milliseconds (≥ 0)'));
    set('keepAliveIntervalMs', number(values, 'keep-alive-interval', (n) => n > 0, 'milliseconds (> 0)'));
    if (Object.keys(timing).length) stream.timing = timing;
    const fault = values['stream-fault'];
    if (fault !== undefined) {
      try {
        stream.fault = parseFault(fault as string);
      } catch (e) {
        throw new UsageError(`--stream-fault: ${(e as Error).message}`);
      }
    }
    if (Object.keys(stream).length) into.stream = stream;
  },
};
