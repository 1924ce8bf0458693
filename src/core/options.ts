import type { Clock } from './clock.js';
import type { Profile } from '../profiles/profile.js';
import type { Tokenizer } from '../generate/tokenizer.js';
import type { ChatContext } from './chat.js';
import type { Scenario } from './scenario-types.js';
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
  /** Token counting: the instant estimator (default) or a Tokenizer such as the exact DeepSeek V3 one. */
  tokenizer?: Tokenizer;
  /**
   * A programmatic scenario picker, asked first for every valid chat request: return a Scenario to
   * shape the answer (content, error, fault, timing…) or undefined to fall through.
   */
  resolveScenario?: (ctx: ChatContext) => Scenario | undefined;

  // --- streaming (issue 3) ---
  /**
   * Server-wide streaming behaviour: where usage goes (`usage: 'final-chunk'` for the live API's
   * variant), default timing (time to first token, tokens/s, jitter, queue wait with keep-alives)
   * and a fault for every response. A scenario's `timing` / `fault` override these per request.
   */
  stream?: StreamOptions;
}
