// msw handlers for DeepSeek's base URLs. Each one hands the intercepted Request to the same core the
// server uses (fake.handle); nothing about the API is decided here. Runtime-neutral: no node: imports,
// so the Node entry (setupServer) and the browser entry (setupWorker) share it.
import { http, type HttpHandler } from 'msw';
import { createFake, type Fake } from '../core/fake.js';
import type { FakeOptions } from '../core/options.js';
import { cancelOnAbort } from './cancel-on-abort.js';

/** DeepSeek's own host; `/v1` and `/beta` below it are prefixes the core already understands. */
export const DEEPSEEK_BASE_URL = 'https://api.deepseek.com';

export interface DeepSeekHandlersOptions extends FakeOptions {
  /**
   * More places to answer besides https://api.deepseek.com: a reseller's base URL
   * (`https://reseller.example/openai/v1`) or a path on the page's own origin (`/api/deepseek`).
   */
  baseUrl?: string | readonly string[];
  /** Use an existing fake (shares its state, e.g. with a server) instead of creating one. */
  fake?: Fake;
}

// The scenario controls (`next`, `use`, `journal`) belong to the Fake object. Their types are read off
// Fake itself so this file never restates them; until a build has them, they resolve to `never`.
type FakeMember<K extends string> = K extends keyof Fake ? NonNullable<Fake[K]> : never;
export type FakeNext = FakeMember<'next'>;
export type FakeUse = FakeMember<'use'>;
export type FakeJournal = FakeMember<'journal'>;

export interface DeepSeekHandlers {
  /** Pass to `setupServer(...handlers)` or `setupWorker(...handlers)`. */
  readonly handlers: HttpHandler[];
  /** The core every handler calls. */
  readonly fake: Fake;
  /** Queue a response for the next matching request (delegates to `fake.next`). */
  readonly next: FakeNext;
  /** Load fixtures given as objects (delegates to `fake.use`). */
  readonly use: FakeUse;
  /** What the fake received (delegates to `fake.journal`). */
  readonly journal: FakeJournal;
  /** Clear the fake's state: journal, queued responses, counters. Call between tests. */
  reset(): void;
}

interface Mount {
  /** msw path pattern. */
  pattern: string;
  /** What the core strips from the URL path before routing. */
  basePath: string;
}

/** Where to answer for one base URL. */
export function mountFor(baseUrl: string): Mount {
  const trimmed = baseUrl.replace(/\/+$/, '');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    return { pattern: `${trimmed}/*`, basePath: new URL(trimmed).pathname.replace(/\/+$/, '') };
  }
  const path = trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
  // A page resolves a relative path against its own origin (msw does this from `location`). Node has
  // no page origin, so there the path matches on any host (a dev server's `http://localhost:3000/api/...`).
  const pattern = typeof location === 'undefined' ? `*${path}/*` : `${path}/*`;
  return { pattern, basePath: path };
}

export function createDeepSeekHandlers(options: DeepSeekHandlersOptions = {}): DeepSeekHandlers {
  const { baseUrl, fake: given, ...fakeOptions } = options;
  const fake = given ?? createFake(fakeOptions);
  const extra = baseUrl === undefined ? [] : typeof baseUrl === 'string' ? [baseUrl] : [...baseUrl];
  const mounts = [DEEPSEEK_BASE_URL, ...extra].map(mountFor).filter((m, i, all) => all.findIndex((o) => o.pattern === m.pattern) === i);
  const handlers = mounts.map(({ pattern, basePath }) =>
    http.all(pattern, async ({ request }) => cancelOnAbort(await fake.handle(request, { basePath }), request)),
  );
  const control = (name: 'next' | 'use') =>
    ((...args: unknown[]) => {
      const fn = (fake as unknown as Record<string, unknown>)[name];
      if (typeof fn !== 'function') throw new Error(`fake.${name}() is not available in this build of deepseek-fake`);
      return (fn as (...a: unknown[]) => unknown).apply(fake, args);
    }) as never;
  return {
    handlers,
    fake,
    next: control('next'),
    use: control('use'),
    get journal() {
      return (fake as unknown as { journal: FakeJournal }).journal;
    },
    reset: () => fake.reset(),
  };
}
