// Each generator behaviour through the official openai SDK against a real listener, stream and
// non-stream, with every completion and chunk checked by the contract's compiled validators.
import OpenAI from 'openai';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileContract } from '../src/contract/compile.js';
import document from '../src/contract/generated/deepseek-openapi.js';
import { listen, type RunningServer } from '../src/server/listen.js';

const contract = compileContract(document);
const ajv = new Ajv2020({ strict: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);

let server: RunningServer;
let client: OpenAI;
beforeAll(async () => {
  server = await listen({ port: 0, seed: 21, tokenizer: 'exact', resolveScenario: (ctx) => (ctx.body.messages.some((m) => m.content === 'filter me') ? { source: 'test', respond: { finishReason: 'content_filter' } } : undefined) });
  client = new OpenAI({ baseURL: server.url, apiKey: 'sk-openai-test', maxRetries: 0 });
}, 30_000);
afterAll(async () => {
  await server?.close();
});

type Params = Record<string, unknown> & { model: string; messages: unknown[] };

/** Non-stream and stream through the SDK; returns the completion and the folded stream. */
async function both(params: Params, options: { baseURL?: string } = {}) {
  const c = options.baseURL ? new OpenAI({ baseURL: options.baseURL, apiKey: 'sk-openai-test', maxRetries: 0 }) : client;
  const completion = (await c.chat.completions.create({ ...params, stream: false } as never)) as any;
  expect(contract.completion(completion), JSON.stringify(contract.completion.errors)).toBe(true);
  const stream = (await c.chat.completions.create({ ...params, stream: true, stream_options: { include_usage: true } } as never)) as unknown as AsyncIterable<any>;
  const folded = { content: '', reasoning: '', calls: [] as { id: string; name: string; args: string }[], finish: null as string | null, logprobs: [] as any[], usage: null as any, chunks: 0 };
  for await (const chunk of stream) {
    expect(contract.chunk(chunk), JSON.stringify(contract.chunk.errors)).toBe(true);
    folded.chunks++;
    if (chunk.usage) folded.usage = chunk.usage;
    const choice = chunk.choices[0];
    if (!choice) continue;
    folded.content += choice.delta.content ?? '';
    folded.reasoning += choice.delta.reasoning_content ?? '';
    for (const t of choice.delta.tool_calls ?? []) {
      if (t.id) folded.calls[t.index] = { id: t.id, name: t.function.name, args: t.function.arguments };
      else folded.calls[t.index]!.args += t.function.arguments;
    }
    folded.logprobs.push(...(choice.logprobs?.content ?? []));
    if (choice.finish_reason) folded.finish = choice.finish_reason;
  }
  const message = completion.choices[0].message;
  expect(folded.content).toBe(message.content ?? '');
  expect(folded.finish).toBe(completion.choices[0].finish_reason);
  return { completion, message, choice: completion.choices[0], folded };
}

describe('openai SDK: what the generator produces', () => {
  it('reasoning (deepseek-reasoner)', async () => {
    const { message, completion, folded } = await both({ model: 'deepseek-reasoner', messages: [{ role: 'user', content: 'Is 97 prime?' }] });
    expect(message.reasoning_content.length).toBeGreaterThan(0);
    expect(folded.reasoning).toBe(message.reasoning_content);
    expect(completion.usage.completion_tokens_details.reasoning_tokens).toBeGreaterThan(0);
    const err = await client.chat.completions.create({ model: 'deepseek-reasoner', messages: [{ role: 'user', content: 'Hi' }], logprobs: true }).catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
    expect(err.error.message).toBe('deepseek-reasoner does not support the parameter `logprobs`');
  });

  it('tool calls with schema-valid arguments, and the loop ends with text', async () => {
    const parameters = { type: 'object', properties: { city: { type: 'string' }, days: { type: 'integer', minimum: 1, maximum: 7 } }, required: ['city', 'days'], additionalProperties: false };
    const tools = [{ type: 'function', function: { name: 'get_forecast', parameters } }];
    const messages: any[] = [{ role: 'user', content: 'Forecast for Chengdu please' }];
    const { message, choice, folded } = await both({ model: 'deepseek-chat', messages, tools });
    expect(choice.finish_reason).toBe('tool_calls');
    const call = message.tool_calls[0];
    expect(call.id).toMatch(/^call_0_/);
    expect(ajv.validate(parameters, JSON.parse(call.function.arguments))).toBe(true);
    expect(folded.calls).toEqual([{ id: call.id, name: 'get_forecast', args: call.function.arguments }]);
    messages.push(message, { role: 'tool', tool_call_id: call.id, content: 'rain all week' });
    const done = await both({ model: 'deepseek-chat', messages, tools });
    expect(done.choice.finish_reason).toBe('stop');
    expect(done.message.content).toContain('rain all week');
    const none = await both({ model: 'deepseek-chat', messages: messages.slice(0, 1), tools, tool_choice: 'none' });
    expect(none.message.tool_calls ?? []).toEqual([]);
  });

  it('JSON mode', async () => {
    const { message } = await both({ model: 'deepseek-chat', response_format: { type: 'json_object' }, messages: [{ role: 'user', content: 'Give me a json object like {"name": "x", "age": 1}' }] });
    const parsed = JSON.parse(message.content);
    expect(typeof parsed.name).toBe('string');
    expect(Number.isInteger(parsed.age)).toBe(true);
  });

  it('stop and max_tokens', async () => {
    const base = { model: 'deepseek-chat', messages: [{ role: 'user', content: 'Describe a harbour at dawn' }] };
    const full = (await both(base)).message.content as string;
    const stop = full.split(' ')[3]!;
    const stopped = await both({ ...base, stop: [stop] });
    expect(stopped.message.content).toBe(full.slice(0, full.indexOf(stop)));
    expect(stopped.choice.finish_reason).toBe('stop');
    const cut = await both({ ...base, max_tokens: 4 });
    expect(cut.choice.finish_reason).toBe('length');
    expect(cut.completion.usage.completion_tokens).toBe(4);
    expect(full.startsWith(cut.message.content)).toBe(true);
  });

  it('logprobs', async () => {
    const { choice, folded, message } = await both({ model: 'deepseek-chat', messages: [{ role: 'user', content: '用一句话介绍长城' }], logprobs: true, top_logprobs: 2 });
    const lps = choice.logprobs.content;
    expect(lps.map((l: any) => l.token).join('')).toBe(message.content);
    expect(lps.flatMap((l: any) => l.bytes)).toEqual([...new TextEncoder().encode(message.content)]);
    for (const l of lps) expect(l.top_logprobs[0].logprob).toBeGreaterThanOrEqual(l.top_logprobs[1].logprob);
    expect(folded.logprobs).toEqual(lps);
  });

  it('exact usage, the context window, and cache hits on a repeated prompt', async () => {
    const params = { model: 'deepseek-chat', messages: [{ role: 'system', content: 'Be terse. '.repeat(60) }, { role: 'user', content: 'Name a colour.' }] };
    const { completion, folded } = await both(params);
    // The stream went second with the same prompt and key: its whole 64-token units hit.
    expect(completion.usage.prompt_cache_hit_tokens).toBe(0);
    expect(folded.usage.prompt_cache_hit_tokens).toBe(Math.floor(folded.usage.prompt_tokens / 64) * 64);
    expect(folded.usage.prompt_tokens_details.cached_tokens).toBe(folded.usage.prompt_cache_hit_tokens);
    expect(folded.usage.prompt_tokens).toBe(completion.usage.prompt_tokens);
    const err = await client.chat.completions.create({ model: 'deepseek-chat', messages: [{ role: 'user', content: 'word '.repeat(130_000) }], max_tokens: 8192 }).catch((e) => e);
    expect(err.status).toBe(400);
    expect(err.error.message).toMatch(/^This model's maximum context length is 131072 tokens\. However, you requested \d+ tokens \(\d+ in the messages, 8192 in the completion\)\./);
  });

  it('finish reason content_filter on demand', async () => {
    const { choice } = await both({ model: 'deepseek-chat', messages: [{ role: 'user', content: 'filter me' }] });
    expect(choice.finish_reason).toBe('content_filter');
  });

  it('a Chinese prompt gets a Chinese answer', async () => {
    const { message } = await both({ model: 'deepseek-chat', messages: [{ role: 'user', content: '请解释一下什么是缓存' }] });
    expect((message.content.match(/[\u4e00-\u9fff]/g) ?? []).length).toBeGreaterThan(10);
  });

  it('prefix completion on /beta', async () => {
    const { message } = await both({ model: 'deepseek-chat', messages: [{ role: 'user', content: 'Continue' }, { role: 'assistant', content: 'Once upon a time', prefix: true }] }, { baseURL: `${server.url}/beta` });
    expect(message.content.startsWith('Once upon a time')).toBe(false);
    expect(message.content).toMatch(/^ \S/);
  });
});
