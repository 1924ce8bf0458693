// All mutable state of one fake lives here, never in module globals, so two fakes in one
// process never see each other. Features add their own fields (journal, queue, cache, limits).
import { PrefixCache } from '../generate/context-cache.js';

export class FakeStore {
  /** Requests handled so far, for `nth` matching and ids. */
  requestCount = 0;
  /** Generation: prompt prefixes seen per API key, for prompt_cache_hit_tokens (bounded). */
  readonly contextCache = new PrefixCache();

  /** Forget everything (between tests). */
  reset(): void {
    this.requestCount = 0;
    this.contextCache.clear();
  }
}
