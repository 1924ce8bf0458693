// msw handlers for DeepSeek's base URLs. Each one hands the intercepted Request to the same core the
// server uses (fake.handle); nothing about the API is decided here. Runtime-neutral: no node: imports,
// so the Node entry (setupServer) and the browser entry (setupWorker) share it.
import { http, type HttpHandler } from 'msw';
import { createFake, type Fake } from '../core/fake.js';
import type { FakeOptions } from '../core/options.js';
import { cancelOnAbort } from './cancel-on-abort.js';
import { releaseBodyCopies, type MswLifeCycle } from './release-body-copies.js';

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

export interface DeepSeekHandlers {
  /** Pass to `setupServer(...handlers)` or `setupWorker(...handlers)`. */
  readonly handlers: HttpHandler[];
  /** The core every handler calls. */
  readonly fake: Fake;
  /** Queue responses for the next requests (the fake's `next`). */
  readonly next: Fake['next'];
  /** Add fixtures given as objects (the fake's `use`). */
  readonly use: Fake['use'];
  /** What the fake received (the fake's journal). */
  readonly journal: Fake['journal'];
  /** Clear the fake's state: journal, queued responses, counters. Call between tests. */
  reset(): void;
  /**
   * Call once with your `setupServer(...)` (Node): lets clients cancel this fake's response bodies
   * (the openai SDK does before each retry and on `break`), which msw 2.15's body copies otherwise
   * block forever. `installDeepSeekFake` / `useDeepSeekFake` do it for you. Returns the server.
   */
  attach<S extends MswLifeCycle>(server: S): S;
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
  // The requests these handlers answered, so attach() touches only their responses' copies.
  const answered = new WeakSet<Request>();
  const handlers = mounts.map(({ pattern, basePath }) =>
    http.all(pattern, async ({ request }) => {
      answered.add(request);
      return cancelOnAbort(await fake.handle(request, { basePath }), request);
    }),
  );
  return {
    handlers,
    fake,
    next: fake.next.bind(fake),
    use: fake.use.bind(fake),
    journal: fake.journal,
    reset: () => fake.reset(),
    attach: (server) => {
      releaseBodyCopies(server, (request) => answered.has(request));
      return server;
    },
  };
}
