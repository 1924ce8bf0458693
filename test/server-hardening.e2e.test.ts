// Security defaults, Node-level limits and the request log, over real sockets on 127.0.0.1.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/server/app.js';
import { listen, type RunningServer } from '../src/server/listen.js';
import { createRequestLogger } from '../src/server/request-log.js';
import { runCli, startCli } from './helpers/cli.js';

const chat = { model: 'deepseek-chat', messages: [{ role: 'user', content: 'Hi' }] };

/** Sends bytes as they are and returns what the server answered before closing. */
function rawExchange(port: number, payload: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(payload));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (d) => (answer += d));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer')));
  });
}

function post(url: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/chat/completions`, { method: 'POST', headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json', ...headers }, body });
}

describe('listen()', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await listen({ port: 0, maxBodyBytes: 1024 });
  });
  afterAll(() => server.close());

  it('binds 127.0.0.1 unless told otherwise', () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('headers over Node’s limit → 431 in the envelope; the server keeps serving', async () => {
    const answer = await rawExchange(server.port, `GET /models HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)).error.message).toBe('Request headers too large');
    expect((await fetch(`${server.url}/models`, { headers: { authorization: 'Bearer k' } })).status).toBe(200);
  });

  it('garbage instead of HTTP → 400 in the envelope', async () => {
    const answer = await rawExchange(server.port, 'HELLO THERE\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)).error.message).toBe('Malformed HTTP request');
  });

  it('bodies over --max-body → 413, declared or chunked; the next request is fine', async () => {
    const big = JSON.stringify({ ...chat, messages: [{ role: 'user', content: 'x'.repeat(4000) }] });
    const declared = await post(server.url, big);
    expect(declared.status).toBe(413);
    expect((await declared.json()).error.message).toBe('Request body too large: the limit is 1024 bytes');
    const chunks = new ReadableStream({
      start(c) {
        for (let i = 0; i < 4; i++) c.enqueue(new TextEncoder().encode(big.slice(i * 1000, (i + 1) * 1000)));
        c.enqueue(new TextEncoder().encode(big.slice(4000)));
        c.close();
      },
    });
    const chunked = await fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    await chunked.body?.cancel();
    expect((await post(server.url, JSON.stringify(chat))).status).toBe(200);
  });
});

describe('request log', () => {
  it('one JSON line per request with method, path, status, duration, scenario and masked key', async () => {
    const lines: string[] = [];
    const app = createApp({
      log: createRequestLogger('info', (l) => lines.push(l)),
      resolveScenario: (ctx) => (ctx.body.messages[0]?.content === 'scripted' ? { source: 'test:scripted', respond: { content: 'ok' } } : undefined),
    });
    const headers = { authorization: 'Bearer sk-live-secret-9876', 'content-type': 'application/json' };
    await app.request('/chat/completions', { method: 'POST', headers, body: JSON.stringify(chat) });
    await app.request('/chat/completions', { method: 'POST', headers, body: JSON.stringify({ ...chat, messages: [{ role: 'user', content: 'scripted' }] }) });
    await app.request('/v1/models', { headers });
    await app.request('/nope', { headers });
    expect(lines).toHaveLength(4);
    expect(lines.every((l) => l.endsWith('\n') && !l.slice(0, -1).includes('\n'))).toBe(true);
    const entries = lines.map((l) => JSON.parse(l));
    expect(entries[0]).toMatchObject({ level: 'info', method: 'POST', path: '/chat/completions', status: 200, key: '****9876' });
    expect(entries[0].scenario).toBe('default'); // generated: no scenario shaped it
    expect(entries[1]).toMatchObject({ status: 200, scenario: 'custom:test:scripted' });
    expect(entries[2]).toMatchObject({ method: 'GET', path: '/v1/models', status: 200 });
    expect(entries[3]).toMatchObject({ path: '/nope', status: 404 });
    for (const e of entries) {
      expect(typeof e.ms).toBe('number');
      expect(Date.parse(e.time)).not.toBeNaN();
    }
    expect(lines.join('')).not.toContain('sk-live-secret');
  });

  it('level error logs only 5xx; the library default logs nothing', async () => {
    const lines: string[] = [];
    const app = createApp({
      log: createRequestLogger('error', (l) => lines.push(l)),
      resolveScenario: () => ({ source: 'boom', respond: { error: { status: 503, message: 'Server Overloaded' } } }),
    });
    const headers = { authorization: 'Bearer k', 'content-type': 'application/json' };
    await app.request('/models', { headers });
    await app.request('/chat/completions', { method: 'POST', headers, body: JSON.stringify(chat) });
    expect(lines.map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ level: 'error', status: 503, scenario: 'custom:boom' })]);
    expect(createApp().logger).toBeUndefined();
  });

  it('the CLI logs at info by default and never writes a key whole, at debug either', async () => {
    const key = 'sk-very-secret-key-abcd';
    for (const args of [[], ['--log', 'debug']]) {
      const cli = await startCli([...args, '--api-key', key]);
      try {
        await post(cli.url, JSON.stringify(chat), { authorization: `Bearer ${key}` });
        await post(cli.url, JSON.stringify(chat), { authorization: 'Bearer sk-wrong-key-wxyz' });
        await new Promise((r) => setTimeout(r, 100));
        const lines = cli.output().split('\n').filter((l) => l.startsWith('{'));
        expect(lines.map((l) => JSON.parse(l).status)).toEqual([200, 401]);
        expect(cli.output()).toContain('****abcd');
        expect(cli.output()).not.toContain(key);
        expect(cli.output()).not.toContain('sk-wrong-key-wxyz');
        if (args.length) expect(JSON.parse(lines[0]!)).toHaveProperty('contentLength');
      } finally {
        await cli.stop();
      }
    }
  });

  it('--log silent prints no request lines; bad --log or --max-body values are usage errors', async () => {
    const cli = await startCli(['--log', 'silent']);
    try {
      await post(cli.url, JSON.stringify(chat));
      expect(cli.output().split('\n').filter((l) => l.startsWith('{'))).toEqual([]);
    } finally {
      await cli.stop();
    }
    for (const bad of [['--log', 'loud'], ['--max-body', 'lots'], ['--max-body', '0']]) {
      const r = await runCli(['serve', '--port', '0', ...bad]);
      expect(r.code, bad.join(' ')).toBe(2);
      expect(r.stderr).toMatch(bad[0] === '--log' ? /--log must be one of silent, error, info, debug/ : /--max-body must be a size/);
    }
  });
});
