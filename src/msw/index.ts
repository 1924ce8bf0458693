// deepseek-fake/msw for Node (setupServer). Browsers get ./browser.ts through the `browser` condition.
export * from './browser.js';
export { installDeepSeekFake, type DeepSeekFakeSetupOptions, type InstalledDeepSeekFake, type LifecycleHooks } from './test-lifecycle.js';
