// The real CLI process, driven by the official openai SDK and by plain HTTP.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileContract } from '../src/contract/compile.js';
import document from '../src/contract/generated/deepseek-openapi.js';
import { runCli, startCli, type CliServer } from './helpers/cli.js';

const contract = compileContract(document);

describe('deepseek-fake serve (real process)', () => {
  let server: CliServer;
  beforeAll(async () => {
    server = await startCli(['--seed', '42']);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('prints the URL it listens on, on loopback', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('completes a request from the openai SDK', async () => {
    const client = new OpenAI({ baseURL: server.url, apiKey: 'sk-test' });
    const completion = await client.chat.completions.create({ model: 'deepseek-chat', messages: [{ role: 'user', content: 'Hi' }] });
    expect(contract.completion(completion)).toBe(true);
    expect(completion.choices[0]!.message.content).toBeTruthy();
    expect(completion.usage!.total_tokens).toBe(completion.usage!.prompt_tokens + completion.usage!.completion_tokens);
  });

  it('the SDK sees DeepSeek errors as APIError with status and message', async () => {
    const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'sk-test', maxRetries: 0 });
    const err = await client.chat.completions.create({ model: 'nope', messages: [{ role: 'user', content: 'Hi' }] }).catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect(err.status).toBe(400);
    expect(err.error).toEqual({ message: 'Model Not Exist', type: 'invalid_request_error', param: null, code: 'invalid_request_error' });
  });

  it('answers the README curl command with a valid completion', async () => {
    const res = await fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      headers: { Authorization: 'Bearer sk-test', 'Content-Type': 'application/json' },
      body: '{"model":"deepseek-chat","messages":[{"role":"user","content":"Hi"}]}',
    });
    expect(res.status).toBe(200);
    expect(contract.completion(await res.json())).toBe(true);
  });

  it('same request + same --seed → same content, across processes', async () => {
    const other = await startCli(['--seed', '42']);
    try {
      const body = { model: 'deepseek-chat', messages: [{ role: 'user', content: 'Tell me something' }] };
      const ask = async (url: string) =>
        (await (await fetch(`${url}/chat/completions`, { method: 'POST', headers: { Authorization: 'Bearer k', 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json()) as any;
      const [a, b] = await Promise.all([ask(server.url), ask(other.url)]);
      expect(a.choices).toEqual(b.choices);
    } finally {
      await other.stop();
    }
  });
});

describe('CLI behaviour', () => {
  it('shuts down cleanly on SIGINT and on SIGTERM', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const s = await startCli();
      expect(await s.stop(signal)).toBe(0);
      expect(s.output()).toMatch(/stopped/);
    }
  });

  it('--api-key restricts the accepted keys', async () => {
    const s = await startCli(['--api-key', 'sk-one', '--api-key', 'sk-two']);
    try {
      const call = (key: string) => fetch(`${s.url}/models`, { headers: { Authorization: `Bearer ${key}` } });
      expect((await call('sk-one')).status).toBe(200);
      expect((await call('sk-two')).status).toBe(200);
      const bad = await call('sk-three-abcd');
      expect(bad.status).toBe(401);
      expect((await bad.json()).error.message).toBe('Authentication Fails, Your api key: ****abcd is invalid');
    } finally {
      await s.stop();
    }
  });

  it('--help documents every command and serve option', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const word of ['serve', 'profiles', '--port', '--host', '--seed', '--api-key', '--profile', '--seeded-ids', '--freeze-time']) expect(stdout).toContain(word);
  });

  it('usage mistakes exit 2 with a clear message', async () => {
    const unknown = await runCli(['serve', '--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/bogus/);
    const port = await runCli(['serve', '--port', 'abc']);
    expect(port.code).toBe(2);
    expect(port.stderr).toMatch(/--port/);
    const cmd = await runCli(['frobnicate']);
    expect(cmd.code).toBe(2);
  });

  it('--freeze-time and --seeded-ids make bodies repeat', async () => {
    const s = await startCli(['--freeze-time', '1700000000', '--seeded-ids', '--seed', '1']);
    try {
      const ask = async () =>
        (await (await fetch(`${s.url}/chat/completions`, { method: 'POST', headers: { Authorization: 'Bearer k', 'Content-Type': 'application/json' }, body: '{"model":"deepseek-chat","messages":[{"role":"user","content":"Hi"}]}' })).text());
      const a = await ask();
      expect(await ask()).toBe(a);
      expect(JSON.parse(a).created).toBe(1700000000);
    } finally {
      await s.stop();
    }
  });
});
