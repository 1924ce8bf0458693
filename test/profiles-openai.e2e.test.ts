// Each profile served over HTTP (listen({ port: 0, profile })) and driven by the official openai SDK:
// the seed's request goes through the SDK, streamed and not, and the answers validate against the
// profile's own contract. One real CLI process checks `--profile` and `deepseek-fake profiles`.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileContract, profiles, type Profile } from '../src/profiles/index.js';
import { listen, type RunningServer } from '../src/server/listen.js';
import { runCli, startCli } from './helpers/cli.js';

function seedExample(profile: Profile): Record<string, any> {
  const examples = (profile.document as any).paths['/chat/completions'].post.requestBody.content['application/json'].examples;
  return structuredClone((examples.seed ?? examples.allNulls).value);
}

describe.each(profiles.map((p) => [p.name, p] as const))('openai SDK against profile %s', (name, profile) => {
  const contract = profileContract(name);
  let server: RunningServer;
  let client: OpenAI;
  beforeAll(async () => {
    server = await listen({ port: 0, profile: name, seed: 5 });
    client = new OpenAI({ baseURL: `${server.url}${profile.prefixes[0]}`, apiKey: 'sk-test', maxRetries: 0 });
  });
  afterAll(() => server?.close());

  it('lists the profile models', async () => {
    const page = await client.models.list();
    expect(page.data.map((m) => m.id)).toEqual(profile.models.map((m) => m.id));
  });

  it('completes the seed request, non-streaming', async () => {
    const body = { ...seedExample(profile), stream: false, stream_options: null };
    const completion = await client.chat.completions.create(body as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming);
    expect(contract.completion(completion), JSON.stringify(contract.completion.errors)).toBe(true);
    expect(completion.choices[0]!.message.content).toBeTruthy();
    expect(completion.usage!.total_tokens).toBe(completion.usage!.prompt_tokens + completion.usage!.completion_tokens);
  });

  it('streams the seed request; the deltas add up to the same answer as the JSON body', async () => {
    const base = { ...seedExample(profile), stream_options: null };
    const whole = await client.chat.completions.create({ ...base, stream: false } as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming);
    const stream = await client.chat.completions.create({ ...base, stream: true, stream_options: { include_usage: true } } as unknown as OpenAI.ChatCompletionCreateParamsStreaming);
    let text = '';
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      expect(contract.chunk(chunk), JSON.stringify(contract.chunk.errors)).toBe(true);
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe(whole.choices[0]!.message.content);
    expect(usage?.completion_tokens).toBe(whole.usage!.completion_tokens);
  });

  it('a request outside the dialect comes back as an APIError 400', async () => {
    const err = await client.chat.completions.create({ model: 'not-a-model', messages: [{ role: 'user', content: 'Hi' }] }).catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect(err.status).toBe(400);
    expect(contract.error({ error: err.error })).toBe(true);
  });
});

describe('the CLI and profiles', () => {
  it('`deepseek-fake profiles` prints one line per profile, the default marked', async () => {
    const { code, stdout } = await runCli(['profiles']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(['deepseek*', 'openai-compatible', 'multimodal-v3.2', 'thinking-switch']);
    expect(lines[3]).toContain('deepseek-v3-1-250821');
  });

  it('`serve --profile thinking-switch` answers at /v1 with thinking, 404 on the bare path', async () => {
    const server = await startCli(['--profile', 'thinking-switch']);
    try {
      const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'sk-test', maxRetries: 0 });
      const completion = await client.chat.completions.create({
        model: 'deepseek-v3-1-250821',
        messages: [{ role: 'user', content: '你好' }],
        // Not in the SDK's types; the SDK passes extra body fields through.
        ...({ thinking: { type: 'disabled' } } as object),
      });
      expect(profileContract('thinking-switch').completion(completion)).toBe(true);
      const bare = await fetch(`${server.url}/chat/completions`, { method: 'POST', headers: { authorization: 'Bearer k', 'content-type': 'application/json' }, body: '{}' });
      expect(bare.status).toBe(404);
    } finally {
      await server.stop();
    }
  });

  it('`serve --profile nope` is a usage error listing the profiles', async () => {
    const { code, stderr } = await runCli(['serve', '--port', '0', '--profile', 'nope']);
    expect(code).toBe(2);
    expect(stderr).toContain('deepseek, openai-compatible, multimodal-v3.2, thinking-switch');
  });
});
