// The Hono adapter: every API path goes to the core untouched; /__fake/ is the admin API.
import { Hono } from 'hono';
import { createFake, type Fake, type RequestNotes } from '../core/fake.js';
import type { FakeOptions } from '../core/options.js';
import { ADMIN_PREFIX, adminRoutes, type AdminOptions } from './admin.js';
import { createRequestLogger, type LogLevel, type RequestLogger } from './request-log.js';

export interface AppOptions extends FakeOptions, AdminOptions {
  /** Use an existing fake (shares its state) instead of creating one from the options. */
  fake?: Fake;
  // --- hardening (logging) ---
  /** Request log level, or a logger. Default `silent` (the CLI defaults to `info`). */
  log?: LogLevel | RequestLogger;
}

export function createApp(options: AppOptions = {}): Hono & { fake: Fake; logger?: RequestLogger } {
  const fake = options.fake ?? createFake(options);
  const logger = typeof options.log === 'string' ? createRequestLogger(options.log) : options.log;
  const app = new Hono();
  app.route(ADMIN_PREFIX, adminRoutes(fake, options));
  if (!logger || logger.level === 'silent') {
    app.all('*', (c) => fake.handle(c.req.raw));
  } else {
    app.all('*', async (c) => {
      const request = c.req.raw;
      const started = performance.now();
      const notes: RequestNotes = {};
      const response = await fake.handle(request, { notes });
      const url = new URL(request.url);
      logger.log({
        method: request.method,
        path: url.pathname,
        status: response.status,
        ms: performance.now() - started,
        ...notes,
        trace: response.headers.get('x-ds-trace-id'),
        query: url.search,
        userAgent: request.headers.get('user-agent'),
        contentLength: request.headers.get('content-length'),
      });
      return response;
    });
  }
  return Object.assign(app, { fake, logger });
}
