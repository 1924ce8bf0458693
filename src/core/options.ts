import type { Clock } from './clock.js';
import type { Profile } from '../profiles/profile.js';
import type { Tokenizer } from '../generate/tokenizer.js';
import type { ChatContext } from './chat.js';
import type { Scenario } from './scenario-types.js';
import type { FixtureRule, LoadedFixture } from '../scenario/fixture-types.js';
import type { KeyState } from '../scenario/key-states.js';
import type { StreamOptions } from '../serialize/respond.js';

export interface FakeOptions {
  /** Mixed into every request's seed; change it to get other (still repeatable) answers. */
  seed?: number | string;
  /** When given, only these bearer keys are accepted; any other gets DeepSeek's 401. */
  apiKeys?: readonly string[];
  /** A profile name (see `deepseek-fake profiles`) or a Profile object. Default `deepseek`. */
  profile?: string | Profile;
  /** Time source. Default: the system clock. */
  clock?: Clock;
  /**
   * `random` (default): a fresh UUID per response, like DeepSeek.
   * `seeded`: the id derives from the request and seed, so identical requests get identical bodies.
   */
  ids?: 'random' | 'seeded';
  // --- generation (issue 4) ---
  /**
   * Token counting: `'estimate'` (default; instant, no download, fine in browsers), `'exact'`
   * (DeepSeek V3's real tokenizer, loaded on first use: ~0.5 s and ~200 MB), or any Tokenizer.
   */
  tokenizer?: 'estimate' | 'exact' | Tokenizer;
  /**
   * A programmatic scenario picker, asked first for every valid chat request: return a Scenario to
   * shape the answer (content, error, fault, timing…) or undefined to fall through.
   */
  resolveScenario?: (ctx: ChatContext) => Scenario | undefined;

  // --- scenarios (issue 5) ---
  /** Fixture rules tried in order (first match wins); validated against schemas/fixture.schema.json. */
  fixtures?: readonly (FixtureRule | LoadedFixture)[];
  /** Journal entries kept; the oldest are dropped beyond this. Default 1000. */
  journalLimit?: number;
  /** The (N+1)th concurrent request of one API key gets DeepSeek's 429 concurrency message. */
  concurrencyLimit?: number;
  /** Requests per minute per API key (429 with Retry-After beyond). */
  rpm?: number;
  /** Tokens (prompt + completion) per minute per API key (429 with Retry-After beyond). */
  tpm?: number;
  /** API key → account state: `ok` or an error-catalogue name/status (e.g. `insufficient-balance`, `402`). */
  keyStates?: Readonly<Record<string, KeyState>>;
  // --- hardening (input limits) ---
  /** Largest request body accepted, in bytes; larger gets 413. Default 4 MiB (DEFAULT_MAX_BODY_BYTES). */
  maxBodyBytes?: number;
  /** Deepest JSON nesting accepted; deeper gets 400. Default 127, serde_json's recursion limit. */
  maxJsonDepth?: number;
  // --- streaming (issue 3) ---
  /**
   * Server-wide streaming behaviour: where usage goes (`usage: 'final-chunk'` for the live API's
   * variant), default timing (time to first token, tokens/s, jitter, queue wait with keep-alives)
   * and a fault for every response. A scenario's `timing` / `fault` override these per request.
   */
  stream?: StreamOptions;
}
