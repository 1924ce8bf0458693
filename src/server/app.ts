// The Hono adapter: every API path goes to the core untouched.
import { Hono } from 'hono';
import { createFake, type Fake } from '../core/fake.js';
import type { FakeOptions } from '../core/options.js';

export interface AppOptions extends FakeOptions {
  /** Use an existing fake (shares its state) instead of creating one from the options. */
  fake?: Fake;
}

export function createApp(options: AppOptions = {}): Hono & { fake: Fake } {
  const fake = options.fake ?? createFake(options);
  const app = new Hono();
  app.all('*', (c) => fake.handle(c.req.raw));
  return Object.assign(app, { fake });
}
