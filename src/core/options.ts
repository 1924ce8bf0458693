import type { Clock } from './clock.js';
import type { Profile } from '../profiles/profile.js';
import type { Tokenizer } from '../generate/tokenizer.js';

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
}
