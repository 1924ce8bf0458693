// Profiles × scenarios through the real CLI: error shorthands (control header, fixture file, admin
// queue, --key-state) answer in the profile's documented terms. multimodal-v3.2 follows seed 002's
// table (403 for no permission or balance; the content-policy block documented as 503, sent as 400);
// the profiles that pass DeepSeek's errors through keep DeepSeek's own catalogue.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../src/contract/deepseek-messages.js';
import { startCli, type CliServer } from './helpers/cli.js';

interface Expected {
  status: number;
  type: string;
  message: string;
}

/** What each shorthand must answer, per profile: seed 002's table for multimodal-v3.2, DeepSeek's elsewhere. */
const deepseekTable: Record<string, Expected> = {
  '401': { status: 401, type: 'authentication_error', message: messages.authInvalidKey('****bcde') },
  'no-such-user': { status: 401, type: 'authentication_error', message: messages.authNoSuchUser },
  '402': { status: 402, type: 'unknown_error', message: messages.insufficientBalance },
  'insufficient-balance': { status: 402, type: 'unknown_error', message: messages.insufficientBalance },
  '403': { status: 403, type: 'permission_error', message: messages.forbidden },
  '429': { status: 429, type: 'rate_limit_error', message: messages.concurrency(26, 25) },
  '500': { status: 500, type: 'api_error', message: messages.serverError },
  '503': { status: 503, type: 'service_unavailable_error', message: messages.serverOverloaded },
  'content-policy': { status: 400, type: 'invalid_request_error', message: messages.contentRisk },
};
const seed002Table: Record<string, Expected> = {
  '401': { status: 401, type: 'authentication_error', message: 'Unauthorized' },
  'no-such-user': { status: 401, type: 'authentication_error', message: 'Unauthorized' },
  '402': { status: 403, type: 'permission_error', message: 'Forbidden' },
  'insufficient-balance': { status: 403, type: 'permission_error', message: 'Forbidden' },
  '403': { status: 403, type: 'permission_error', message: 'Forbidden' },
  '429': { status: 429, type: 'rate_limit_error', message: 'Too Many Requests' },
  '500': { status: 500, type: 'api_error', message: 'Internal server error' },
  // Seed 002 lists the content-policy block under 503 and notes it is really sent as 400.
  '503': { status: 400, type: 'invalid_request_error', message: 'Content policy violation' },
  'content-policy': { status: 400, type: 'invalid_request_error', message: 'Content policy violation' },
};

const profiles = [
  { name: 'deepseek', path: '/chat/completions', model: 'deepseek-chat', table: deepseekTable },
  { name: 'openai-compatible', path: '/chat/completions', model: 'deepseek-chat', table: deepseekTable },
  { name: 'multimodal-v3.2', path: '/chat/completions', model: 'deepseek-v3.2', table: seed002Table },
  { name: 'thinking-switch', path: '/v1/chat/completions', model: 'deepseek-v3-1-250821', table: deepseekTable },
];

const KEY = 'sk-test-abcde';
let dir: string;
const servers = new Map<string, CliServer>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ds-fake-profile-errors-'));
  const rules = Object.keys(deepseekTable).map((spec) => ({
    name: `e${spec}`,
    match: { userMessage: { equals: `fixture ${spec}` } },
    respond: { error: /^\d+$/.test(spec) ? Number(spec) : spec },
  }));
  await writeFile(join(dir, 'errors.json'), JSON.stringify({ fixtures: rules }));
  const started = await Promise.all(
    profiles.map((p) =>
      startCli(['--profile', p.name, '--fixtures', dir, '--tokenizer', 'estimate', '--log', 'silent', '--key-state', 'sk-broke=insufficient-balance', '--key-state', 'sk-gone=no-such-user']),
    ),
  );
  profiles.forEach((p, i) => servers.set(p.name, started[i]!));
}, 30_000);

afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.stop()));
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.each(profiles)('profile $name', ({ name, path, model, table }) => {
  const url = () => servers.get(name)!.url;
  const chat = (content: string, headers: Record<string, string> = {}, key = KEY) =>
    fetch(`${url()}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ model, messages: [{ role: 'user', content }] }),
      signal: AbortSignal.timeout(8000),
    });
  async function expectError(res: Response, want: Expected): Promise<void> {
    expect(res.status).toBe(want.status);
    expect(await res.json()).toEqual({ error: { message: want.message, type: want.type, param: null, code: 'invalid_request_error' } });
  }

  it.each(Object.keys(table))('error %s by header, fixture file and admin queue', async (spec) => {
    const want = table[spec]!;
    await expectError(await chat('header', { 'x-deepseek-fake': `error=${spec}` }), want);
    await expectError(await chat(`fixture ${spec}`), want);
    const queued = await fetch(`${url()}/__fake/next`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(/^\d+$/.test(spec) ? Number(spec) : spec) });
    expect(await queued.json()).toEqual({ queued: 1 });
    const res = await chat('queue');
    await expectError(res, want);
    if (want.status === 429) expect(res.headers.get('retry-after')).toBe('1');
  });

  it("an error-event fault speaks the profile's 500, streamed and not", async () => {
    const client = new OpenAI({ baseURL: `${url()}${path.replace('/chat/completions', '')}`, apiKey: KEY, maxRetries: 0, timeout: 8000, logLevel: 'off' });
    const headers = { 'X-DeepSeek-Fake': 'fault=error-event-after-2' };
    const stream = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }], stream: true }, { headers });
    const streamed = await (async () => {
      for await (const _ of stream);
    })().catch((e: unknown) => e);
    expect(streamed).toBeInstanceOf(OpenAI.APIError);
    expect((streamed as Error).message).toBe(table['500']!.message);
    const plain = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] }, { headers }).catch((e: unknown) => e);
    expect(plain).toBeInstanceOf(OpenAI.InternalServerError);
    expect((plain as InstanceType<typeof OpenAI.APIError>).error).toMatchObject({ message: table['500']!.message, type: 'api_error' });
  });

  it('--key-state answers in the profile terms; the openai SDK sees the matching error class', async () => {
    await expectError(await chat('hi', {}, 'sk-broke'), { ...table['insufficient-balance']!, message: table['insufficient-balance']!.message });
    await expectError(await chat('hi', {}, 'sk-gone'), table['no-such-user']!);
    const client = new OpenAI({ baseURL: `${url()}${path.replace('/chat/completions', '')}`, apiKey: 'sk-broke', maxRetries: 0, timeout: 8000, logLevel: 'off' });
    const err = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(table['insufficient-balance']!.status === 403 ? OpenAI.PermissionDeniedError : OpenAI.APIError);
    expect((err as InstanceType<typeof OpenAI.APIError>).status).toBe(table['insufficient-balance']!.status);
    // The journal names the key state whatever the profile.
    const journal = (await (await fetch(`${url()}/__fake/journal?limit=1`)).json()) as { entries: { scenario: string; status: number }[] };
    expect(journal.entries[0]).toMatchObject({ scenario: 'key-state:insufficient-balance', status: table['insufficient-balance']!.status });
  });
});
