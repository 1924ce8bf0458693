// One structured (JSON) line per request, written by the server adapter. Quiet unless asked:
// the library and tests default to `silent`, the CLI to `info`. Keys appear only masked.
export const LOG_LEVELS = ['silent', 'error', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  /** Milliseconds until the response head was ready (a stream's body may flow on after). */
  ms: number;
  scenario?: string;
  /** `****abcd`, never the whole key. */
  key?: string;
  trace?: string | null;
  /** Debug only. */
  query?: string;
  userAgent?: string | null;
  contentLength?: string | null;
  /** A connection-level failure Node answered before any request existed (e.g. headers too large). */
  error?: string;
}

export interface RequestLogger {
  readonly level: LogLevel;
  log(entry: RequestLogEntry): void;
}

const rank: Record<LogLevel, number> = { silent: 0, error: 1, info: 2, debug: 3 };

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && (LOG_LEVELS as readonly string[]).includes(value);
}

/** `write` receives whole lines (with the newline); default stderr, so stdout stays for the URL line. */
export function createRequestLogger(level: LogLevel, write: (line: string) => void = (l) => process.stderr.write(l)): RequestLogger {
  return {
    level,
    log(entry) {
      const severity: LogLevel = entry.status >= 500 ? 'error' : 'info';
      if (rank[severity] > rank[level]) return;
      const { query, userAgent, contentLength, ...basic } = entry;
      const fields = level === 'debug' ? { ...basic, query, userAgent, contentLength } : basic;
      write(`${JSON.stringify({ time: new Date().toISOString(), level: severity, ...fields, ms: Math.round(entry.ms * 100) / 100 })}\n`);
    },
  };
}
