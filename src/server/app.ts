// The Hono adapter: every API path goes to the core untouched; /__fake/ is the admin API.
import { Hono } from 'hono';
import { createFake, type Fake } from '../core/fake.js';
import type { FakeOptions } from '../core/options.js';
import { ADMIN_PREFIX, adminRoutes, type AdminOptions } from './admin.js';

export interface AppOptions extends FakeOptions, AdminOptions {
  /** Use an existing fake (shares its state) instead of creating one from the options. */
  fake?: Fake;
}

export function createApp(options: AppOptions = {}): Hono & { fake: Fake } {
  const fake = options.fake ?? createFake(options);
  const app = new Hono();
  app.route(ADMIN_PREFIX, adminRoutes(fake, options));
  app.all('*', (c) => fake.handle(c.req.raw));
  return Object.assign(app, { fake });
}
