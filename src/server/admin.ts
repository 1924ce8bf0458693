// The admin API under /__fake/: queue answers, read and clear the journal, add fixtures, reset.
// On by default only when the server is bound to loopback; elsewhere it needs --admin-token.
import { Hono, type Context } from 'hono';
import { apiError, envelope } from '../core/errors.js';
import type { Fake } from '../core/fake.js';
import { FixtureError } from '../scenario/fixture-validate.js';

export const ADMIN_PREFIX = '/__fake';

export interface AdminOptions {
  /** When set, every admin call needs `Authorization: Bearer <token>`, on any address. */
  adminToken?: string;
  /** Whether the admin API answers at all. `listen` sets it from the host: on for loopback or with a token. */
  adminEnabled?: boolean;
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h) || h === '::ffff:127.0.0.1';
}

/** Whether a server bound to `host` serves the admin API (decision 008). */
export function adminEnabledFor(host: string, token: string | undefined): boolean {
  return Boolean(token) || isLoopback(host);
}

function fail(c: Context, status: 400 | 401 | 403, type: string, message: string): Response {
  return c.json(envelope(apiError(status, type, message)), status);
}

async function jsonBody(c: Context): Promise<unknown[] | Response> {
  try {
    const body: unknown = await c.req.json();
    return Array.isArray(body) ? body : [body];
  } catch {
    return fail(c, 400, 'invalid_request_error', 'The admin API expects a JSON body');
  }
}

export function adminRoutes(fake: Fake, options: AdminOptions = {}): Hono {
  const admin = new Hono();
  const enabled = options.adminEnabled ?? true;

  admin.use('*', async (c, next) => {
    if (!enabled) {
      return fail(c, 403, 'permission_error', 'The admin API is off: this server is not bound to a loopback address. Start it with --admin-token TOKEN to turn it on.');
    }
    if (options.adminToken) {
      const given = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
      if (given !== options.adminToken) return fail(c, 401, 'authentication_error', 'The admin API needs Authorization: Bearer <admin token>');
    }
    await next();
  });

  admin.get('/journal', (c) => {
    const limit = Number(c.req.query('limit') ?? Infinity);
    const all = fake.journal.all();
    const entries = Number.isFinite(limit) && limit >= 0 ? all.slice(Math.max(0, all.length - limit)) : all;
    return c.json({ entries, size: fake.journal.size, limit: fake.journal.limit });
  });
  admin.delete('/journal', (c) => {
    fake.journal.clear();
    return c.body(null, 204);
  });

  admin.get('/next', (c) => c.json({ queued: fake.store.queue.list() }));
  admin.post('/next', async (c) => {
    const body = await jsonBody(c);
    if (body instanceof Response) return body;
    try {
      // next validates what it is given and throws a FixtureError for anything off-schema.
      return c.json({ queued: fake.next(...(body as Parameters<Fake['next']>)) });
    } catch (e) {
      if (e instanceof FixtureError) return fail(c, 400, 'invalid_request_error', e.message);
      throw e;
    }
  });
  admin.delete('/next', (c) => {
    fake.store.queue.clear();
    return c.body(null, 204);
  });

  admin.post('/fixtures', async (c) => {
    const body = await jsonBody(c);
    if (body instanceof Response) return body;
    const rules = body.length === 1 && Array.isArray((body[0] as { fixtures?: unknown })?.fixtures) ? (body[0] as { fixtures: unknown[] }).fixtures : body;
    try {
      fake.use(...(rules as Parameters<Fake['use']>)); // validated by use, as above
      return c.json({ fixtures: fake.store.fixtures().length });
    } catch (e) {
      if (e instanceof FixtureError) return fail(c, 400, 'invalid_request_error', e.message);
      throw e;
    }
  });

  admin.post('/reset', (c) => {
    fake.reset();
    return c.body(null, 204);
  });

  admin.all('*', (c) => c.json(envelope(apiError(404, 'invalid_request_error', `Unknown admin path ${c.req.path}`)), 404));
  return admin;
}
