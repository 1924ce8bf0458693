// serve's streaming options, in the real CLI process.
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from './helpers/cli.js';
import { readSse } from './helpers/sse.js';

const body = { model: 'deepseek-chat', messages: [{ role: 'user', content: 'Hi' }], stream: true };
const post = (url: string, b: unknown = body) =>
  fetch(`${url}/chat/completions`, { method: 'POST', headers: { Authorization: 'Bearer k', 'Content-Type': 'application/json' }, body: JSON.stringify(b) });

describe('serve streaming options', () => {
  it('--usage-chunk final-chunk, --queue-wait and --keep-alive-interval shape every stream', async () => {
    const s = await startCli(['--usage-chunk', 'final-chunk', '--queue-wait', '100', '--keep-alive-interval', '50']);
    try {
      const sse = readSse(await (await post(s.url)).text());
      expect(sse.frames.slice(0, 2)).toEqual([': keep-alive', ': keep-alive']);
      expect(sse.chunks.at(-1)!.usage!.total_tokens).toBeGreaterThan(0);
      expect(sse.chunks.at(-1)!.choices[0]!.finish_reason).toBe('stop');
      expect(sse.done).toBe(true);
    } finally {
      await s.stop();
    }
  });

  it('--stream-fault applies to every chat response', async () => {
    const s = await startCli(['--stream-fault', 'error-event:1:503']);
    try {
      const client = new OpenAI({ baseURL: s.url, apiKey: 'k', maxRetries: 0, timeout: 5000 });
      const stream = await client.chat.completions.create({ model: 'deepseek-chat', messages: body.messages as never, stream: true });
      const err = await (async () => {
        for await (const _ of stream);
      })().catch((e) => e);
      expect(err).toBeInstanceOf(OpenAI.APIError);
      expect(err.message).toBe('Server Overloaded');
    } finally {
      await s.stop();
    }
  });

  it('bad values are usage mistakes (exit 2) that name the option', async () => {
    const cases = [
      [['--usage-chunk', 'sometimes'], '--usage-chunk'],
      [['--stream-fault', 'explode'], '--stream-fault'],
      [['--tokens-per-second', '0'], '--tokens-per-second'],
      [['--jitter', '2'], '--jitter'],
    ] as const;
    const results = await Promise.all(cases.map(([args]) => runCli(['serve', '--port', '0', ...args])));
    results.forEach((r, i) => {
      expect(r.code, cases[i]![0].join(' ')).toBe(2);
      expect(r.stderr).toContain(cases[i]![1]);
    });
  });

  it('--help lists the streaming options and fault syntax', async () => {
    const { stdout } = await runCli(['serve', '--help']);
    for (const word of ['--usage-chunk', '--ttft', '--tokens-per-second', '--jitter', '--queue-wait', '--keep-alive-interval', '--stream-fault', 'malformed-chunk:N', 'reset']) expect(stdout).toContain(word);
  });
});
