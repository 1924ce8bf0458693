// A CLI command: its name, one help line, and a runner that returns the exit code
// (0 ok, 1 failure, 2 usage mistake or unreachable target).
export interface Command {
  name: string;
  usage: string;
  summary: string;
  /** Extra help text printed under the command in `--help`. */
  help?: string;
  run(args: string[]): Promise<number>;
}

/** Thrown for a usage mistake: main prints it with a pointer to --help and exits 2. */
export class UsageError extends Error {}
