import { describe, expect, it } from 'vitest';
import { UsageError } from '../command.js';
import type { ListenOptions } from '../../server/listen.js';
import { scenarioOptions } from './scenario-options.js';

const apply = async (values: Record<string, unknown>) => {
  const into: ListenOptions = {};
  await scenarioOptions.apply({ 'no-fixtures': true, ...values } as never, into);
  return into;
};

describe('serve scenario options', () => {
  it('copies limits, key states, journal limit and admin token', async () => {
    expect(await apply({ 'concurrency-limit': '3', rpm: '60', tpm: '1000', 'journal-limit': '50', 'admin-token': 't', 'key-state': ['sk-a=insufficient-balance', 'sk-b=402', 'sk-c=ok'] })).toEqual({
      concurrencyLimit: 3,
      rpm: 60,
      tpm: 1000,
      journalLimit: 50,
      adminToken: 't',
      keyStates: { 'sk-a': 'insufficient-balance', 'sk-b': '402', 'sk-c': 'ok' },
    });
  });

  it('help names every option of the group', () => {
    const help = scenarioOptions.help.join('\n');
    for (const name of Object.keys(scenarioOptions.options)) expect(help).toContain(`--${name}`);
  });

  it.each([
    [{ rpm: '0' }, '--rpm must be a whole number ≥ 1, got "0"'],
    [{ tpm: '1.5' }, '--tpm must be a whole number ≥ 1, got "1.5"'],
    [{ 'concurrency-limit': 'many' }, '--concurrency-limit must be a whole number ≥ 1'],
    [{ 'key-state': ['sk-x=broke'] }, '--key-state sk-x: unknown key state "broke"; use ok or one of invalid-format'],
    [{ 'key-state': ['nokey'] }, '--key-state expects KEY=STATE, got "nokey"'],
    [{ 'admin-token': '' }, '--admin-token must not be empty'],
    [{ fixtures: '/no/such/dir', 'no-fixtures': false }, 'Bad fixture: /no/such/dir: /: no such file or folder'],
    [{ fixtures: 'x' }, '--fixtures and --no-fixtures exclude each other'],
  ])('refuses %j', async (values, message) => {
    await expect(apply(values)).rejects.toThrow(UsageError);
    await expect(apply(values)).rejects.toThrow(message);
  });
});
