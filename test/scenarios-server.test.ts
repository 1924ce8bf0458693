// The server side of scenarios: the admin API and its protection, the fixture folder loader,
// and the real CLI (bad fixtures stop start-up with exit 2; options reach the fake).
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminEnabledFor } from '../src/server/admin.js';
import { createApp } from '../src/server/app.js';
import { loadFixtures } from '../src/server/fixture-loader.js';
import { listen } from '../src/server/listen.js';
import { runCli, startCli, type CliServer } from './helpers/cli.js';
import { hi } from './helpers/fake-client.js';

const auth = { authorization: 'Bearer sk-test-1234', 'content-type': 'application/json' };
const chat = (app: { request: (p: string, i: RequestInit) => Response | Promise<Response> }, body: unknown = hi, headers: Record<string, string> = {}) =>
  app.request('/chat/completions', { method: 'POST', headers: { ...auth, ...headers }, body: JSON.stringify(body) });

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'fixtures-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('admin API', () => {
  it('queues answers, reads and clears the journal, adds fixtures, resets', async () => {
    const app = createApp();
    const queued = await app.request('/__fake/next', { method: 'POST', body: JSON.stringify([{ error: 500 }, { content: 'second' }]) });
    expect(await queued.json()).toEqual({ queued: 2 });
    expect((await (await app.request('/__fake/next')).json()).queued).toEqual([{ error: 500 }, { content: 'second' }]);
    expect((await chat(app)).status).toBe(500);
    expect((await (await chat(app)).json()).choices[0].message.content).toBe('second');

    const journal = await (await app.request('/__fake/journal?limit=1')).json();
    expect(journal.size).toBe(2);
    expect(journal.limit).toBe(1000);
    expect(journal.entries).toHaveLength(1);
    expect(journal.entries[0]).toMatchObject({ status: 200, scenario: 'queue', apiKey: '****1234' });
    expect((await app.request('/__fake/journal', { method: 'DELETE' })).status).toBe(204);
    expect((await (await app.request('/__fake/journal')).json()).entries).toEqual([]);

    const added = await app.request('/__fake/fixtures', { method: 'POST', body: JSON.stringify({ fixtures: [{ match: { userMessage: 'Hi' }, respond: { content: 'from admin' } }] }) });
    expect(await added.json()).toEqual({ fixtures: 1 });
    expect((await (await chat(app)).json()).choices[0].message.content).toBe('from admin');
    expect(app.fake.journal.last()?.scenario).toBe('fixture:use#0');

    await app.request('/__fake/next', { method: 'POST', body: '429' });
    expect((await app.request('/__fake/reset', { method: 'POST' })).status).toBe(204);
    expect(app.fake.journal.size).toBe(0);
    expect((await (await chat(app)).json()).choices[0].message.content).not.toBe('from admin');
  });

  it('bad admin input gets a 400 envelope saying what is wrong', async () => {
    const app = createApp();
    const bad = await app.request('/__fake/next', { method: 'POST', body: JSON.stringify({ eror: 500 }) });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toBe('fake.next: /0: unknown field "eror"');
    const notJson = await app.request('/__fake/fixtures', { method: 'POST', body: '{' });
    expect((await notJson.json()).error.message).toBe('The admin API expects a JSON body');
    expect((await app.request('/__fake/nope')).status).toBe(404);
  });

  it('protection: off away from loopback unless a token is set; the token is then required everywhere', async () => {
    expect(adminEnabledFor('127.0.0.1', undefined)).toBe(true);
    expect(adminEnabledFor('::1', undefined)).toBe(true);
    expect(adminEnabledFor('localhost', undefined)).toBe(true);
    expect(adminEnabledFor('0.0.0.0', undefined)).toBe(false);
    expect(adminEnabledFor('192.168.1.5', undefined)).toBe(false);
    expect(adminEnabledFor('0.0.0.0', 'secret')).toBe(true);

    const off = createApp({ adminEnabled: false });
    const refused = await off.request('/__fake/journal');
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toContain('--admin-token');
    expect((await off.request('/__fake/next', { method: 'POST', body: '500' })).status).toBe(403);
    expect(off.fake.store.queue.size).toBe(0);
    expect((await chat(off)).status).toBe(200); // the API itself is unaffected

    const guarded = createApp({ adminToken: 'secret' });
    expect((await guarded.request('/__fake/journal')).status).toBe(401);
    expect((await guarded.request('/__fake/journal', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await guarded.request('/__fake/journal', { headers: { authorization: 'Bearer secret' } })).status).toBe(200);
  });

  it('listen on loopback serves the admin API over HTTP', async () => {
    const server = await listen({ port: 0, host: '127.0.0.1' });
    try {
      expect((await fetch(`${server.url}/__fake/next`, { method: 'POST', body: '503' })).status).toBe(200);
      expect((await fetch(`${server.url}/chat/completions`, { method: 'POST', headers: auth, body: JSON.stringify(hi) })).status).toBe(503);
      expect(server.fake.journal.count({ status: 503 })).toBe(1);
    } finally {
      await server.close();
    }
  });
});

describe('fixture folder loader', () => {
  it('loads JSON and YAML in path order, naming rules by relative path', async () => {
    const dir = tempDir({
      'b.yaml': 'fixtures:\n  - name: second\n    respond: { content: b }\n',
      'a.json': JSON.stringify({ fixtures: [{ respond: { content: 'a' } }] }),
      'sub/c.yml': 'fixtures: []\n',
      'notes.md': 'ignored',
    });
    expect((await loadFixtures(dir)).map((f) => f.source)).toEqual(['fixture:a.json#0', 'fixture:b.yaml#second']);
    expect((await loadFixtures(join(dir, 'b.yaml'))).map((f) => f.source)).toEqual(['fixture:b.yaml#second']);
  });

  it.each([
    [{ 'bad.yaml': 'fixtures:\n  - respond: { error: 418 }\n' }, 'bad.yaml: /fixtures/0/respond/error: must be one of 400'],
    [{ 'x/bad.json': '{"fixtures": [' }, 'x/bad.json: /: not valid JSON'],
    [{ 'bad.yaml': 'fixtures: [\n' }, 'bad.yaml: /: not valid YAML'],
    [{ 'bad.yaml': 'fixtures:\n  - match: { userMessage: { regex: "(" } }\n    respond: {}\n' }, 'bad.yaml: /fixtures/0/match/userMessage/regex: must match format "regex"'],
  ])('a bad file is reported with file, path and problem', async (files, message) => {
    await expect(loadFixtures(tempDir(files))).rejects.toThrow(message);
  });

  it('a symlink cannot lead outside the folder', async () => {
    const outside = tempDir({ 'secret.yaml': 'fixtures: []\n' });
    const dir = tempDir({ 'ok.yaml': 'fixtures: []\n' });
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'link.yaml'));
    await expect(loadFixtures(dir)).rejects.toThrow(/link\.yaml: \/: resolves to .*outside the fixtures folder/);
  });
});

describe('the shipped example fixtures (./fixtures) do what their comments say', () => {
  const weatherTool = { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } };
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    app = createApp({ fixtures: await loadFixtures('fixtures') });
  });
  const say = (content: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    chat(app, { model: 'deepseek-chat', messages: [{ role: 'user', content }], ...extra }, headers);

  it('answers, reasoning, system prompt, content filter', async () => {
    expect((await (await say('demo: hello')).json()).choices[0].message.content).toBe('Hello! This answer comes from fixtures/answers.yaml.');
    const think = await (await say('demo: think', { model: 'deepseek-reasoner' })).json();
    expect(think.choices[0].message).toMatchObject({ content: '42', reasoning_content: expect.stringContaining('42') });
    const pirate = await chat(app, { model: 'deepseek-chat', messages: [{ role: 'system', content: 'Talk like a Pirate.' }, { role: 'user', content: 'demo: hi' }] });
    expect((await pirate.json()).choices[0].message.content).toBe('Arr, matey!');
    expect((await (await say('demo: filter me')).json()).choices[0].finish_reason).toBe('content_filter');
  });

  it('errors: content policy, the third flaky call, rate limit with Retry-After, by header', async () => {
    expect((await say('demo: blocked')).status).toBe(400);
    const flaky = [];
    for (let i = 0; i < 3; i++) flaky.push((await say('demo: flaky')).status);
    expect(flaky).toEqual([200, 200, 503]);
    const limited = await say('demo: rate limit');
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '2']);
    expect((await say('anything', {}, { 'x-test-case': 'checkout-fails' })).status).toBe(500);
  });

  it('a tool-call round trip', async () => {
    const first = await (await say('demo: weather in Hangzhou?', { tools: [weatherTool] })).json();
    const call = first.choices[0].message.tool_calls[0];
    expect(call.function).toEqual({ name: 'get_weather', arguments: '{"city":"Hangzhou"}' });
    const second = await chat(app, {
      model: 'deepseek-chat',
      tools: [weatherTool],
      messages: [{ role: 'user', content: 'demo: weather in Hangzhou?' }, first.choices[0].message, { role: 'tool', tool_call_id: call.id, content: '{"temp":24}' }],
    });
    expect((await second.json()).choices[0].message.content).toBe('It is 24°C and sunny in Hangzhou.');
  });

  it('ordinary prompts are not caught', async () => {
    await say('Hi');
    expect(app.fake.journal.last()?.scenario).toBe('default');
  });
});

describe('CLI', () => {
  it('a bad fixture file stops start-up with exit 2 and says where and what', async () => {
    const dir = tempDir({ 'broken.yaml': 'fixtures:\n  - respond: { finishReason: done }\n' });
    const { code, stderr } = await runCli(['serve', '--port', '0', '--fixtures', dir]);
    expect(code).toBe(2);
    expect(stderr).toContain('Bad fixture: broken.yaml: /fixtures/0/respond/finishReason: must be one of "stop"');
  });

  describe('serve with scenario options', () => {
    let cli: CliServer;
    const dir = tempDir({ 'answers.yaml': 'fixtures:\n  - match: { userMessage: "ping" }\n    respond: { content: pong }\n' });
    beforeAll(async () => {
      cli = await startCli(['--fixtures', dir, '--key-state', 'sk-empty=insufficient-balance', '--admin-token', 'tok', '--journal-limit', '5']);
    });
    afterAll(() => cli?.stop());
    const call = (body: unknown, key = 'sk-test-1234', headers: Record<string, string> = {}) =>
      fetch(`${cli.url}/chat/completions`, { method: 'POST', headers: { ...auth, authorization: `Bearer ${key}`, ...headers }, body: JSON.stringify(body) });

    it('fixtures, key states, the control header and the guarded admin API all work over HTTP', async () => {
      expect((await (await call({ ...hi, messages: [{ role: 'user', content: 'ping' }] })).json()).choices[0].message.content).toBe('pong');
      const empty = await call(hi, 'sk-empty');
      expect(empty.status).toBe(402);
      expect((await empty.json()).error.message).toBe('Insufficient Balance');
      const limited = await call(hi, 'sk-test-1234', { 'X-DeepSeek-Fake': 'error=429; retry-after=7' });
      expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '7']);
      expect((await fetch(`${cli.url}/__fake/journal`)).status).toBe(401);
      const journal = await (await fetch(`${cli.url}/__fake/journal`, { headers: { authorization: 'Bearer tok' } })).json();
      expect(journal.limit).toBe(5);
      expect(journal.entries.map((e: { status: number }) => e.status)).toEqual([200, 402, 429]);
      expect(journal.entries[0].scenario).toBe('fixture:answers.yaml#0');
    });

    it('the openai SDK over HTTP: a queued 429 is retried by the SDK, the journal shows both attempts', async () => {
      const admin = { authorization: 'Bearer tok' };
      await fetch(`${cli.url}/__fake/journal`, { method: 'DELETE', headers: admin });
      await fetch(`${cli.url}/__fake/next`, { method: 'POST', headers: admin, body: JSON.stringify({ error: { status: 429, retryAfter: 0 } }) });
      const client = new OpenAI({ baseURL: cli.url, apiKey: 'sk-http-retry' });
      const completion = await client.chat.completions.create({ model: 'deepseek-chat', messages: [{ role: 'user', content: 'ping' }] });
      expect(completion.choices[0]!.message.content).toBe('pong');
      const { entries } = await (await fetch(`${cli.url}/__fake/journal`, { headers: admin })).json();
      expect(entries.map((e: { status: number; scenario: string; apiKey: string }) => [e.status, e.scenario, e.apiKey])).toEqual([
        [429, 'queue', '****etry'],
        [200, 'fixture:answers.yaml#0', '****etry'],
      ]);
    });
  });

  it('loads ./fixtures by default: the shipped examples answer their demo prompts', async () => {
    const cli = await startCli();
    try {
      const res = await fetch(`${cli.url}/chat/completions`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ model: 'deepseek-chat', messages: [{ role: 'user', content: 'demo: hello' }] }),
      });
      expect((await res.json()).choices[0].message.content).toBe('Hello! This answer comes from fixtures/answers.yaml.');
      const blocked = await fetch(`${cli.url}/chat/completions`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ model: 'deepseek-chat', messages: [{ role: 'user', content: 'demo: blocked' }] }),
      });
      expect([blocked.status, (await blocked.json()).error.message]).toEqual([400, 'Content Exists Risk']);
    } finally {
      await cli.stop();
    }
  });
});
