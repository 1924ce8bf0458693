// `deepseek-fake profiles`: one line per provider profile — name, models, chat path, title.
import { DEFAULT_PROFILE, profiles, type Profile } from '../profiles/index.js';
import type { Command } from './command.js';

export function profileLine(p: Profile, nameWidth: number): string {
  const name = `${p.name}${p.name === DEFAULT_PROFILE ? '*' : ''}`.padEnd(nameWidth);
  const paths = p.prefixes.map((prefix) => `${prefix}/chat/completions`).join(' ');
  return `${name}  ${p.title} — models: ${p.models.map((m) => m.id).join(', ')}; POST ${paths}`;
}

export const profilesCommand: Command = {
  name: 'profiles',
  usage: 'deepseek-fake profiles',
  summary: 'list the provider profiles, one line each (* = default)',
  async run() {
    const width = Math.max(...profiles.map((p) => p.name.length)) + 1;
    for (const p of profiles) process.stdout.write(`${profileLine(p, width)}\n`);
    return 0;
  },
};
