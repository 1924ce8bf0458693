#!/usr/bin/env node
// deepseek-fake's command line. Each command parses its own options with node:util parseArgs.
import { parseArgs } from 'node:util';
import { profiles } from '../profiles/index.js';
import { listen } from './listen.js';

const HELP = `deepseek-fake: a fake DeepSeek chat-completions API for contract testing

Usage:
  deepseek-fake serve [options]     serve the fake over HTTP
  deepseek-fake profiles            list the provider profiles
  deepseek-fake --help              this text
  deepseek-fake --version           the package version

serve options:
  --port N            port to listen on (default 4010; 0 picks a free one)
  --host ADDR         address to bind (default 127.0.0.1)
  --seed N            seed mixed into every generated answer (default none)
  --api-key KEY       accept only this bearer key (repeatable); default: any Bearer key
  --profile NAME      provider dialect (default deepseek; see 'deepseek-fake profiles')
  --seeded-ids        derive response ids from the request and seed instead of random UUIDs
  --freeze-time T     answer with this 'created' time (Unix seconds) instead of the clock
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    const pkg = (await import('../../package.json', { with: { type: 'json' } })).default as { version: string };
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  try {
    switch (command) {
      case 'serve':
        return await serveCommand(rest);
      case 'profiles':
        for (const p of profiles) process.stdout.write(`${p.name.padEnd(14)} ${p.title}\n`);
        return 0;
      default:
        process.stderr.write(`Unknown command "${command}".\n\n${HELP}`);
        return 2;
    }
  } catch (e) {
    if ((e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(e as Error).message}\n\nRun 'deepseek-fake --help' for the options.\n`);
      return 2;
    }
    throw e;
  }
}

async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string' },
      'api-key': { type: 'string', multiple: true },
      profile: { type: 'string' },
      'seeded-ids': { type: 'boolean', default: false },
      'freeze-time': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usage(`--port must be a port number, got "${values.port}"`);
  let clock;
  if (values['freeze-time'] !== undefined) {
    const t = Number(values['freeze-time']);
    if (!Number.isFinite(t)) return usage(`--freeze-time must be Unix seconds, got "${values['freeze-time']}"`);
    const { frozenClock } = await import('../core/clock.js');
    clock = frozenClock(t * 1000);
  }
  if (values.profile && !profiles.some((p) => p.name === values.profile)) {
    return usage(`Unknown profile "${values.profile}". Known: ${profiles.map((p) => p.name).join(', ')}`);
  }
  const running = await listen({
    port,
    host: values.host,
    seed: values.seed,
    apiKeys: values['api-key'],
    profile: values.profile,
    ids: values['seeded-ids'] ? 'seeded' : 'random',
    clock,
  });
  // Handlers go in before the URL is printed: whoever reads the URL may signal at once.
  const stopped = new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.stdout.write(`deepseek-fake listening on ${running.url}\n`);
  await stopped;
  await running.close();
  process.stdout.write('deepseek-fake stopped\n');
  return 0;
}

function usage(message: string): number {
  process.stderr.write(`${message}\n\nRun 'deepseek-fake --help' for the options.\n`);
  return 2;
}
