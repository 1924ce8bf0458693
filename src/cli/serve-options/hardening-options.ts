import { DEFAULT_MAX_BODY_BYTES } from '../../core/read-body.js';
import { LOG_LEVELS, isLogLevel } from '../../server/request-log.js';
import { UsageError } from '../command.js';
import type { ServeOptionGroup } from './option-group.js';

const units: Record<string, number> = { '': 1, b: 1, kb: 1024, k: 1024, mb: 1024 ** 2, m: 1024 ** 2, gb: 1024 ** 3, g: 1024 ** 3 };

/** `4194304`, `512kb`, `4mb` (binary units) → bytes. */
export function parseByteSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = m ? units[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined) return undefined;
  const bytes = Math.floor(Number(m[1]) * unit);
  return bytes >= 1 && Number.isSafeInteger(bytes) ? bytes : undefined;
}

export const hardeningOptions: ServeOptionGroup = {
  title: 'limits and logging',
  options: {
    'max-body': { type: 'string' },
    log: { type: 'string', default: 'info' },
  },
  help: [
    `--max-body SIZE     largest request body, e.g. 512kb, 4mb (default 4mb = ${DEFAULT_MAX_BODY_BYTES} bytes); larger gets 413`,
    `--log LEVEL         request log on stderr, one JSON line per request: ${LOG_LEVELS.join('|')} (default info)`,
  ],
  apply(values, into) {
    if (values['max-body'] !== undefined) {
      const bytes = parseByteSize(values['max-body'] as string);
      if (bytes === undefined) throw new UsageError(`--max-body must be a size such as 1048576, 512kb or 4mb, got "${values['max-body']}"`);
      into.maxBodyBytes = bytes;
    }
    const level = values.log;
    if (!isLogLevel(level)) throw new UsageError(`--log must be one of ${LOG_LEVELS.join(', ')}, got "${String(level)}"`);
    into.log = level;
  },
};
