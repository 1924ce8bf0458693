import { profiles } from '../profiles/index.js';
import type { Command } from './command.js';

export const profilesCommand: Command = {
  name: 'profiles',
  usage: 'deepseek-fake profiles',
  summary: 'list the provider profiles, one line each',
  async run() {
    for (const p of profiles) process.stdout.write(`${p.name.padEnd(16)} ${p.title}\n`);
    return 0;
  },
};
