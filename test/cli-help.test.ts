// The README documents the CLI as `--help` prints it: every option of serve and conform appears
// there, and the serve option table lists exactly the options serve knows.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The options a help text prints: each `--name` that starts an indented line. */
function helpOptions(help: string): string[] {
  return [...help.matchAll(/^\s*(--[a-z][a-z-]*)/gm)].map((m) => m[1]!);
}

/** The options in the first column of the README table that follows `heading`. */
function tableOptions(heading: string): string[] {
  const at = readme.indexOf(heading);
  expect(at, `README has "${heading}"`).toBeGreaterThan(-1);
  const rows = readme.slice(at + heading.length).trimStart().split('\n');
  const table = rows.slice(0, rows.findIndex((r) => !r.startsWith('|')));
  return table.slice(2).map((r) => /^\| `(--[a-z][a-z-]*)/.exec(r)?.[1] ?? r);
}

describe('README documents every CLI option', () => {
  it.each(['serve', 'conform'])('%s --help', async (command) => {
    const { code, stdout } = await runCli([command, '--help']);
    expect(code).toBe(0);
    const options = helpOptions(stdout);
    expect(options.length).toBeGreaterThan(10);
    const missing = options.filter((o) => !new RegExp('`' + o + '[ `=]').test(readme));
    expect(missing, `options printed by ${command} --help but not in README.md`).toEqual([]);
  });

  it('the serve option table lists exactly what serve --help prints, once each', async () => {
    const { stdout } = await runCli(['serve', '--help']);
    const table = tableOptions('`serve` options:');
    expect(new Set(table).size).toBe(table.length);
    expect([...table].sort()).toEqual(helpOptions(stdout).sort());
  });
});
