// The usual msw test setup in one call: listen before the suite, forget state and per-test handler
// overrides after each test, close after the suite. Runner-neutral: the runner's hooks are passed in,
// so vitest, jest and node:test users share it (src/msw/vitest.ts binds vitest's).
import { setupServer, type SetupServerApi } from 'msw/node';
import { createDeepSeekHandlers, type DeepSeekHandlers, type DeepSeekHandlersOptions } from './handlers.js';

type Hook = (fn: () => void | Promise<void>) => unknown;

export interface LifecycleHooks {
  beforeAll: Hook;
  afterEach: Hook;
  afterAll: Hook;
}

export interface DeepSeekFakeSetupOptions extends DeepSeekHandlersOptions {
  /** msw's policy for requests no handler matches. Default `'error'`: a test that calls an unmocked API fails. */
  onUnhandledRequest?: 'bypass' | 'warn' | 'error';
}

export interface InstalledDeepSeekFake extends DeepSeekHandlers {
  /** The msw server; add per-test handlers with `server.use(...)` (they are removed after each test). */
  readonly server: SetupServerApi;
}

export function installDeepSeekFake(hooks: LifecycleHooks, options: DeepSeekFakeSetupOptions = {}): InstalledDeepSeekFake {
  const { onUnhandledRequest = 'error', ...handlerOptions } = options;
  const deepseek = createDeepSeekHandlers(handlerOptions);
  const server = deepseek.attach(setupServer(...deepseek.handlers));
  hooks.beforeAll(() => server.listen({ onUnhandledRequest }));
  hooks.afterEach(() => {
    server.resetHandlers();
    deepseek.reset();
  });
  hooks.afterAll(() => server.close());
  // Keep the journal getter live instead of copying its value once.
  return Object.defineProperties({ server } as InstalledDeepSeekFake, Object.getOwnPropertyDescriptors(deepseek));
}
