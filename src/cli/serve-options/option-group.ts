// serve's options are grouped by feature, one file each, so features add options without
// touching each other's code. Each group declares its parseArgs options, its help lines, and
// how its values shape the server's options.
import type { ListenOptions } from '../../server/listen.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  default?: string | boolean;
  short?: string;
}

export type OptionValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

export interface ServeOptionGroup {
  title: string;
  options: Record<string, OptionSpec>;
  /** `--flag VALUE   meaning` lines, already aligned. */
  help: string[];
  /** Copies parsed values into `into`; throws UsageError for a bad value. */
  apply(values: OptionValues, into: ListenOptions): void | Promise<void>;
}
