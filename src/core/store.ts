// All mutable state of one fake lives here, never in module globals, so two fakes in one
// process never see each other. Features add their own fields (journal, queue, cache, limits).
import { Journal } from '../scenario/journal.js';
import { RateLimiter } from '../scenario/rate-limits.js';
import { ScenarioQueue } from '../scenario/queue.js';
import type { LoadedFixture } from '../scenario/fixture-types.js';

/** What the pipeline learned about one request, for its journal entry. */
export interface RequestTrace {
  /** Set once the request passed validation. */
  validated: boolean;
  scenario: string | null;
  /** prompt + completion tokens of the answer, for the TPM window. */
  tokens: number;
  /** The body as the pipeline read it: parsed JSON, or the raw text when it did not parse. */
  body?: unknown;
}

export interface StoreOptions {
  /** Journal entries kept (oldest dropped beyond). */
  journalLimit?: number;
  /** Fixtures given at creation; `reset()` returns to exactly these. */
  fixtures?: readonly LoadedFixture[];
}
import { PrefixCache } from '../generate/context-cache.js';

export class FakeStore {
  /** Requests handled so far. */
  requestCount = 0;
  /** Generation: prompt prefixes seen per API key, for prompt_cache_hit_tokens (bounded). */
  readonly contextCache = new PrefixCache();

  // --- scenarios (issue 5) ---
  readonly journal: Journal;
  readonly queue = new ScenarioQueue();
  readonly limits = new RateLimiter();
  /** Fixtures added with `fake.use`, consulted before the base ones. */
  usedFixtures: LoadedFixture[] = [];
  readonly baseFixtures: readonly LoadedFixture[];
  /** How many requests fitted each fixture with `nth`, by rule object. */
  nthCounts = new Map<LoadedFixture, number>();
  /** Per-request notes, keyed by the Request object the pipeline sees. */
  readonly traces = new WeakMap<Request, RequestTrace>();

  constructor(options: StoreOptions = {}) {
    this.journal = new Journal(options.journalLimit);
    this.baseFixtures = options.fixtures ?? [];
  }

  /** The fixtures in the order they are tried. */
  fixtures(): readonly LoadedFixture[] {
    return this.usedFixtures.length ? [...this.usedFixtures, ...this.baseFixtures] : this.baseFixtures;
  }

  /** Forget everything (between tests): journal, queue, counters, fixtures added with `use`. */
  reset(): void {
    this.requestCount = 0;
    this.journal.clear();
    this.queue.clear();
    this.limits.reset();
    this.usedFixtures = [];
    this.nthCounts.clear();
    // traces are left alone: requests in flight across a reset still get a correct journal entry.
    this.contextCache.clear();
  }
}
