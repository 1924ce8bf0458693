// deepseek-fake/msw/vitest: the msw server for the DeepSeek fake, wired to vitest's hooks.
//   const deepseek = useDeepSeekFake({ seed: 1 });
import { afterAll, afterEach, beforeAll } from 'vitest';
import { installDeepSeekFake, type DeepSeekFakeSetupOptions, type InstalledDeepSeekFake } from './test-lifecycle.js';

export type { DeepSeekFakeSetupOptions, InstalledDeepSeekFake };

/** Call at the top of a test file (or a describe block): starts, resets between tests, stops. */
export function useDeepSeekFake(options: DeepSeekFakeSetupOptions = {}): InstalledDeepSeekFake {
  return installDeepSeekFake({ beforeAll, afterEach, afterAll }, options);
}
