import { frozenClock } from '../../core/clock.js';
import { profiles } from '../../profiles/index.js';
import { UsageError } from '../command.js';
import type { ServeOptionGroup } from './option-group.js';

export const basicOptions: ServeOptionGroup = {
  title: 'server',
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'string' },
    'api-key': { type: 'string', multiple: true },
    profile: { type: 'string' },
    'seeded-ids': { type: 'boolean', default: false },
    'freeze-time': { type: 'string' },
  },
  help: [
    '--port N            port to listen on (default 4010; 0 picks a free one)',
    '--host ADDR         address to bind (default 127.0.0.1)',
    '--seed N            seed mixed into every generated answer (default none)',
    '--api-key KEY       accept only this bearer key (repeatable); default: any Bearer key',
    "--profile NAME      provider dialect (default deepseek; see 'deepseek-fake profiles')",
    '--seeded-ids        derive response ids from the request and seed instead of random UUIDs',
    "--freeze-time T     answer with this 'created' time (Unix seconds) instead of the clock",
  ],
  apply(values, into) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, got "${values.port}"`);
    into.port = port;
    into.host = values.host as string;
    if (values.seed !== undefined) into.seed = values.seed as string;
    if (values['api-key']) into.apiKeys = values['api-key'] as string[];
    if (values.profile !== undefined) {
      const name = values.profile as string;
      if (!profiles.some((p) => p.name === name)) throw new UsageError(`Unknown profile "${name}". Known: ${profiles.map((p) => p.name).join(', ')}`);
      into.profile = name;
    }
    into.ids = values['seeded-ids'] ? 'seeded' : 'random';
    if (values['freeze-time'] !== undefined) {
      const t = Number(values['freeze-time']);
      if (!Number.isFinite(t)) throw new UsageError(`--freeze-time must be Unix seconds, got "${values['freeze-time']}"`);
      into.clock = frozenClock(t * 1000);
    }
  },
};
