// deepseek-fake's command line: dispatches to one Command per file.
import type { Command } from './command.js';
import { UsageError } from './command.js';
import { conformCommand } from './conform-command.js';
import { profilesCommand } from './profiles-command.js';
import { serveCommand } from './serve-command.js';

/** Every command, in help order. A feature adds its command here. */
export const commands: readonly Command[] = [serveCommand, profilesCommand, conformCommand];

export function helpText(): string {
  const width = Math.max(...commands.map((c) => c.usage.length)) + 2;
  const lines = [
    'deepseek-fake: a fake DeepSeek chat-completions API for contract testing',
    '',
    'Usage:',
    ...commands.map((c) => `  ${c.usage.padEnd(width)}${c.summary}`),
    `  ${'deepseek-fake --help'.padEnd(width)}this text`,
    `  ${'deepseek-fake --version'.padEnd(width)}the package version`,
  ];
  for (const c of commands) if (c.help) lines.push('', `${c.name} options:`, c.help.replace(/^/gm, '  '));
  return `${lines.join('\n')}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? process.stdout : process.stderr).write(helpText());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    const pkg = (await import('../../package.json', { with: { type: 'json' } })).default as { version: string };
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${helpText()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`Usage: ${command.usage}\n${command.summary}\n${command.help ? `\n${command.help}\n` : ''}`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(e as Error).message}\n\nRun 'deepseek-fake --help' for the options.\n`);
      return 2;
    }
    throw e;
  }
}
