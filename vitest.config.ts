import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // These machines have 2 cores; more workers only make the end-to-end suites fight.
    maxWorkers: 2,
  },
});
