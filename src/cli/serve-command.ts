import { parseArgs } from 'node:util';
import { listen, type ListenOptions } from '../server/listen.js';
import type { Command } from './command.js';
import { serveOptionGroups } from './serve-options/index.js';
import type { OptionValues } from './serve-options/option-group.js';

export const serveCommand: Command = {
  name: 'serve',
  usage: 'deepseek-fake serve [options]',
  summary: 'serve the fake over HTTP',
  help: serveOptionGroups.map((g) => `${g.title}:\n${g.help.map((l) => `  ${l}`).join('\n')}`).join('\n'),
  async run(args) {
    const { values } = parseArgs({ args, strict: true, options: Object.assign({}, ...serveOptionGroups.map((g) => g.options)) });
    const options: ListenOptions = {};
    for (const group of serveOptionGroups) await group.apply(values as OptionValues, options);
    const running = await listen(options);
    // Handlers go in before the URL is printed: whoever reads the URL may signal at once.
    const stopped = new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    process.stdout.write(`deepseek-fake listening on ${running.url}\n`);
    await stopped;
    await running.close();
    process.stdout.write('deepseek-fake stopped\n');
    return 0;
  },
};
