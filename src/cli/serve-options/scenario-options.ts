// serve options for scenarios (issue 5): fixtures, admin API, rate limits, key states, journal.
import { existsSync, statSync } from 'node:fs';
import { UsageError } from '../command.js';
import { keyStateProblem } from '../../scenario/key-states.js';
import { FixtureError } from '../../scenario/fixture-validate.js';
import { loadFixtures } from '../../server/fixture-loader.js';
import type { ServeOptionGroup } from './option-group.js';

export const DEFAULT_FIXTURES_DIR = 'fixtures';

function positiveInt(name: string, value: unknown): number {
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || n < 1) throw new UsageError(`--${name} must be a whole number ≥ 1, got "${String(value)}"`);
  return n;
}

export const scenarioOptions: ServeOptionGroup = {
  title: 'scenarios',
  options: {
    fixtures: { type: 'string' },
    'no-fixtures': { type: 'boolean', default: false },
    'admin-token': { type: 'string' },
    'concurrency-limit': { type: 'string' },
    rpm: { type: 'string' },
    tpm: { type: 'string' },
    'key-state': { type: 'string', multiple: true },
    'journal-limit': { type: 'string' },
  },
  help: [
    '--fixtures PATH     fixture folder or file (JSON/YAML); default ./fixtures when it exists',
    '--no-fixtures       load no fixtures, not even ./fixtures',
    '--admin-token T     admin API (/__fake/...) needs Authorization: Bearer T; required off loopback',
    '--concurrency-limit N',
    "                    the (N+1)th concurrent request of one API key gets DeepSeek's 429",
    '--rpm N             requests per minute per API key (429 with Retry-After beyond)',
    '--tpm N             tokens per minute per API key (429 with Retry-After beyond)',
    '--key-state K=S     API key K answers as state S: ok, insufficient-balance, no-such-user,',
    '                    invalid-key, forbidden, rate-limit, server-error, overloaded… (repeatable)',
    '--journal-limit N   journal entries kept, oldest dropped (default 1000)',
  ],
  async apply(values, into) {
    if (values['no-fixtures'] && values.fixtures !== undefined) throw new UsageError('--fixtures and --no-fixtures exclude each other');
    const dir = values.fixtures as string | undefined;
    const useDefault = dir === undefined && !values['no-fixtures'] && existsSync(DEFAULT_FIXTURES_DIR) && statSync(DEFAULT_FIXTURES_DIR).isDirectory();
    if (dir !== undefined || useDefault) {
      try {
        into.fixtures = await loadFixtures(dir ?? DEFAULT_FIXTURES_DIR);
      } catch (e) {
        if (e instanceof FixtureError) throw new UsageError(`Bad fixture: ${e.message}`);
        throw e;
      }
    }
    if (values['admin-token'] !== undefined) {
      const token = values['admin-token'] as string;
      if (!token) throw new UsageError('--admin-token must not be empty');
      into.adminToken = token;
    }
    if (values['concurrency-limit'] !== undefined) into.concurrencyLimit = positiveInt('concurrency-limit', values['concurrency-limit']);
    if (values.rpm !== undefined) into.rpm = positiveInt('rpm', values.rpm);
    if (values.tpm !== undefined) into.tpm = positiveInt('tpm', values.tpm);
    if (values['journal-limit'] !== undefined) into.journalLimit = positiveInt('journal-limit', values['journal-limit']);
    const states: Record<string, string> = {};
    for (const pair of (values['key-state'] as string[] | undefined) ?? []) {
      const eq = pair.lastIndexOf('=');
      if (eq <= 0) throw new UsageError(`--key-state expects KEY=STATE, got "${pair}"`);
      const key = pair.slice(0, eq);
      const state = pair.slice(eq + 1);
      const problem = keyStateProblem(state);
      if (problem) throw new UsageError(`--key-state ${key}: ${problem}`);
      states[key] = state;
    }
    if (Object.keys(states).length) into.keyStates = states;
  },
};
