// Server-wide streaming defaults (--stream-fault, --ttft; FakeOptions.stream) combined with a
// per-request scenario: what the request names wins, field by field; what it leaves out stays the
// server's. `fault=none` lets one request opt out of the server-wide fault.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type RunningServer } from '../src/server/listen.js';
import { startCli, type CliServer } from './helpers/cli.js';

const CONTENT = 'one two three four five six';

interface Drained {
  chunks: number;
  text: string;
  error?: unknown;
  firstMs?: number;
}

async function drain(client: OpenAI, header?: string): Promise<Drained> {
  const started = performance.now();
  const out: Drained = { chunks: 0, text: '' };
  try {
    const stream = await client.chat.completions.create(
      { model: 'deepseek-chat', messages: [{ role: 'user', content: 'defaults' }], stream: true },
      { headers: { 'X-DeepSeek-Fake': `content="${CONTENT}"${header ? `; ${header}` : ''}` } },
    );
    for await (const chunk of stream) {
      out.firstMs ??= performance.now() - started;
      out.chunks++;
      out.text += chunk.choices[0]?.delta.content ?? '';
    }
  } catch (e) {
    out.error = e;
  }
  return out;
}

const sdk = (url: string) => new OpenAI({ baseURL: url, apiKey: 'sk-defaults', maxRetries: 0, timeout: 8000, logLevel: 'off' });

describe('serve --stream-fault disconnect:2 --ttft 1500, overridden per request by the control header', () => {
  let cli: CliServer;
  let client: OpenAI;
  beforeAll(async () => {
    cli = await startCli(['--stream-fault', 'disconnect:2', '--ttft', '1500', '--tokenizer', 'estimate', '--no-fixtures', '--log', 'silent']);
    client = sdk(cli.url);
  }, 30_000);
  afterAll(async () => {
    await cli?.stop();
  });

  it('without a header: the server-wide fault and ttft apply', async () => {
    const d = await drain(client);
    expect(d.chunks).toBe(2);
    expect((d.error as Error).message).toBe('terminated');
    expect(d.firstMs).toBeGreaterThanOrEqual(1400);
  });

  it('a header naming other timing keeps the server fault; a header fault replaces it; fault=none removes it', async () => {
    // ttft=0 beats --ttft 1500, but no fault is named: disconnect:2 still cuts the stream.
    const timingOnly = await drain(client, 'ttft=0');
    expect(timingOnly.chunks).toBe(2);
    expect((timingOnly.error as Error).message).toBe('terminated');
    expect(timingOnly.firstMs).toBeLessThan(1400); // the server's 1500 ms ttft did not apply

    const otherFault = await drain(client, 'ttft=0; fault=error-event-after-3');
    expect(otherFault.chunks).toBe(3);
    expect(otherFault.error).toBeInstanceOf(OpenAI.APIError);
    expect((otherFault.error as Error).message).toBe('Server Error');

    const none = await drain(client, 'ttft=0; fault=none');
    expect(none.error).toBeUndefined();
    expect(none.text).toBe(CONTENT);
  });

  it('non-streaming answers follow the same override (reset by default; none → the whole answer)', async () => {
    const plain = (header: string) =>
      client.chat.completions
        .create({ model: 'deepseek-chat', messages: [{ role: 'user', content: 'defaults' }] }, { headers: { 'X-DeepSeek-Fake': header } })
        .then((c) => c.choices[0]!.message.content, (e: unknown) => e);
    expect(String(await plain('ttft=0'))).toMatch(/terminated/);
    expect(await plain(`ttft=0; fault=none; content="${CONTENT}"`)).toBe(CONTENT);
  });
});

describe('FakeOptions.stream through listen(): fixtures and queued responses override it too', () => {
  let server: RunningServer;
  let client: OpenAI;
  beforeAll(async () => {
    server = await listen({
      port: 0,
      stream: { fault: { kind: 'reset' }, timing: { tokensPerSecond: 1000 } },
      fixtures: [
        { name: 'clean', match: { userMessage: 'clean' }, respond: { content: CONTENT, fault: 'none' } },
        { name: 'stall', match: { userMessage: 'stall' }, respond: { content: CONTENT, fault: 'stall-300ms-after-1' } },
      ],
    });
    client = sdk(server.url);
  });
  afterAll(async () => {
    await server?.close();
  });

  const ask = async (content: string) => {
    const out: Drained = { chunks: 0, text: '' };
    const started = performance.now();
    try {
      const stream = await client.chat.completions.create({ model: 'deepseek-chat', messages: [{ role: 'user', content }], stream: true });
      for await (const chunk of stream) {
        out.chunks++;
        out.text += chunk.choices[0]?.delta.content ?? '';
      }
    } catch (e) {
      out.error = e;
    }
    return { ...out, ms: performance.now() - started };
  };

  it('the server-wide reset, a fixture opting out, a fixture with its own fault, a queued override', async () => {
    expect((await ask('anything')).error).toBeInstanceOf(OpenAI.APIConnectionError);
    expect(server.fake.journal.last()).toMatchObject({ scenario: 'default', status: 0 });

    const clean = await ask('clean please');
    expect(clean.error).toBeUndefined();
    expect(clean.text).toBe(CONTENT);
    expect(server.fake.journal.last()).toMatchObject({ scenario: 'fixture:options#clean', status: 200 });

    const stalled = await ask('stall please');
    expect(stalled.error).toBeUndefined();
    expect(stalled.text).toBe(CONTENT);
    expect(stalled.ms).toBeGreaterThanOrEqual(250);

    server.fake.next({ content: 'queued', fault: { kind: 'none' } });
    expect((await ask('anything')).text).toBe('queued');
    expect(server.fake.journal.last()).toMatchObject({ scenario: 'queue', status: 200 });
  });
});
