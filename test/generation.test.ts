// Every branch of the generator, in JSON and streamed form, through fake.handle(); every body and
// chunk is checked against the contract (askBoth), and the stream must fold into the JSON answer.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { estimateTokenizer } from '../src/generate/tokenizer.js';
import { askBoth, expectSameAnswer } from './helpers/generation-answers.js';
import { newFake, post } from './helpers/fake-client.js';
import { sseChunks } from './helpers/sse.js';

const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const user = (content: string) => [{ role: 'user', content }];
const han = (s: string) => s.match(/[\u4e00-\u9fff]/g)?.length ?? 0;

describe('reasoning', () => {
  it('deepseek-reasoner: reasoning_content before the answer, reasoning_tokens counted, stream starts with content null', async () => {
    const fake = newFake({ seed: 1 });
    const a = await askBoth(fake, { model: 'deepseek-reasoner', messages: user('Why is the sky blue?') });
    expectSameAnswer(a);
    expect(a.message.reasoning_content.length).toBeGreaterThan(20);
    expect(a.message.content.length).toBeGreaterThan(10);
    expect(a.json.usage.completion_tokens_details.reasoning_tokens).toBe(estimateTokenizer.count(a.message.reasoning_content));
    expect(a.json.usage.completion_tokens).toBe(estimateTokenizer.count(a.message.reasoning_content) + estimateTokenizer.count(a.message.content));
    const [first, ...rest] = a.stream.chunks;
    expect(first.choices[0].delta).toEqual({ role: 'assistant', content: null, reasoning_content: '' });
    const firstContent = rest.findIndex((c) => c.choices[0]?.delta.content);
    const reasoningDeltas = rest.slice(0, firstContent);
    expect(reasoningDeltas.length).toBeGreaterThan(5);
    for (const c of reasoningDeltas) expect(c.choices[0].delta.content).toBeNull();
    expect(rest.slice(firstContent).some((c) => c.choices[0]?.delta.reasoning_content)).toBe(false);
  });

  it('the reasoner ignores temperature/top_p/penalties and rejects logprobs', async () => {
    const fake = newFake({ seed: 1 });
    const ask = async (extra: object) => (await (await post(fake, { model: 'deepseek-reasoner', messages: user('Hi'), ...extra })).json()) as any;
    const a = await ask({ temperature: 0.1 });
    const b = await ask({ temperature: 1.9, top_p: 0.2, presence_penalty: 1, frequency_penalty: -1 });
    expect(b.choices[0].message).toEqual(a.choices[0].message);
    for (const field of ['logprobs', 'top_logprobs']) {
      const res = await post(fake, { model: 'deepseek-reasoner', messages: user('Hi'), logprobs: true, ...(field === 'top_logprobs' ? { top_logprobs: 2 } : {}) });
      expect(res.status).toBe(400);
      expect((await res.json()).error).toEqual({ message: 'deepseek-reasoner does not support the parameter `logprobs`', type: 'invalid_request_error', param: null, code: 'invalid_request_error' });
    }
  });

  it('a switchable model follows thinking.type (thinking-switch profile, seed 003)', async () => {
    const fake = newFake({ profile: 'thinking-switch' });
    const init = { path: '/v1/chat/completions' };
    const model = 'deepseek-v3-1-250821';
    const on = await askBoth(fake, { model, messages: user('Hi'), thinking: { type: 'enabled' } }, init);
    expectSameAnswer(on);
    expect(on.message.reasoning_content).toBeTruthy();
    expect(on.json.usage.completion_tokens_details.reasoning_tokens).toBeGreaterThan(0);
    const off = await askBoth(fake, { model, messages: user('Hi'), thinking: { type: 'disabled' } }, init);
    expect(off.message.reasoning_content).toBeUndefined();
    expect(off.stream.chunks[0].choices[0].delta).toEqual({ role: 'assistant', content: '' });
    // no thinking field: seed 003 documents `enabled` as the default, so the answer thinks
    const unset = await askBoth(fake, { model, messages: user('Hi') }, init);
    expect(unset.message.reasoning_content).toBeTruthy();
    expect(unset.stream.chunks[0].choices[0].delta).toEqual({ role: 'assistant', content: null, reasoning_content: '' });
    // auto decides from the prompt, the same way every time
    const auto1 = await askBoth(fake, { model, messages: user('Prove that there are infinitely many primes'), thinking: { type: 'auto' } }, init);
    const auto2 = await askBoth(fake, { model, messages: user('Prove that there are infinitely many primes'), thinking: { type: 'auto' } }, init);
    expect(auto2.message.reasoning_content).toEqual(auto1.message.reasoning_content);
  });

  it('thinking-mode tool turns must carry reasoning_content back (exact message, index of the turn)', async () => {
    const fake = newFake();
    const messages = [
      { role: 'user', content: 'weather in Paris?' },
      { role: 'assistant', content: '', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: 'sunny' },
    ];
    const tools = [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }];
    const res = await post(fake, { model: 'deepseek-reasoner', messages, tools });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBe(
      'Missing `reasoning_content` field in the assistant message at message index 1. For more information, please refer to https://api-docs.deepseek.com/guides/thinking_mode#tool-calls',
    );
    (messages[1] as Record<string, unknown>).reasoning_content = 'I should call the weather tool.';
    const ok = await askBoth(fake, { model: 'deepseek-reasoner', messages, tools });
    expect(ok.message.content).toMatch(/sunny/);
  });
});

const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Weather for a city on a day',
    parameters: {
      type: 'object',
      properties: {
        city: { type: 'string' },
        date: { type: 'string', format: 'date' },
        unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
        hours: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 23 }, maxItems: 4 },
      },
      required: ['city', 'date'],
      additionalProperties: false,
    },
  },
};
const timeTool = { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: { timezone: { type: 'string' } }, required: ['timezone'] } } };

describe('tool calls', () => {
  it('auto: a tool_calls message whose arguments validate against the schema; DeepSeek ids and delta framing', async () => {
    const fake = newFake({ seed: 3 });
    const a = await askBoth(fake, { model: 'deepseek-chat', messages: user('What is the weather in Hangzhou tomorrow?'), tools: [weatherTool, timeTool] });
    expectSameAnswer(a);
    expect(a.choice.finish_reason).toBe('tool_calls');
    expect(a.message.content).toBeNull();
    const [call] = a.message.tool_calls;
    expect(a.message.tool_calls).toHaveLength(1);
    expect(call.id).toMatch(/^call_0_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(call.function.name).toBe('get_weather');
    const check = ajv.compile(weatherTool.function.parameters);
    expect(check(JSON.parse(call.function.arguments)), JSON.stringify(check.errors)).toBe(true);
    const deltas = a.stream.chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
    expect(deltas[0]).toEqual({ index: 0, id: call.id, type: 'function', function: { name: 'get_weather', arguments: '' } });
    for (const d of deltas.slice(1)) expect(Object.keys(d).sort()).toEqual(['function', 'index']);
    expect(a.json.usage.completion_tokens).toBeGreaterThan(estimateTokenizer.count(call.function.arguments));
  });

  it('several tools at once when the prompt asks for several', async () => {
    const a = await askBoth(newFake(), { model: 'deepseek-chat', messages: user('Tell me the weather in Paris and the time there'), tools: [weatherTool, timeTool] });
    expectSameAnswer(a);
    expect(a.message.tool_calls.map((c: any) => c.function.name)).toEqual(['get_weather', 'get_time']);
    expect(new Set(a.message.tool_calls.map((c: any) => c.id)).size).toBe(2);
    expect(a.stream.chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []).filter((d: any) => d.id).map((d: any) => d.index)).toEqual([0, 1]);
  });

  it('none never calls; a named function and required always call', async () => {
    const fake = newFake();
    const none = await askBoth(fake, { model: 'deepseek-chat', messages: user('weather in Paris?'), tools: [weatherTool], tool_choice: 'none' });
    expect(none.message.tool_calls).toBeUndefined();
    expect(none.choice.finish_reason).toBe('stop');
    const named = await askBoth(fake, { model: 'deepseek-chat', messages: user('Hi'), tools: [weatherTool, timeTool], tool_choice: { type: 'function', function: { name: 'get_time' } } });
    expect(named.message.tool_calls.map((c: any) => c.function.name)).toEqual(['get_time']);
    const required = await askBoth(fake, { model: 'deepseek-chat', messages: user('Hi'), tools: [timeTool], tool_choice: 'required' });
    expect(required.choice.finish_reason).toBe('tool_calls');
  });

  it('max_tokens cuts tool calls like text: arguments cut at a token boundary, later calls dropped, finish length', async () => {
    const fake = newFake();
    const body = { model: 'deepseek-chat', messages: user('Tell me the weather in Paris and the time there'), tools: [weatherTool, timeTool] };
    const whole = await askBoth(fake, body);
    expect(whole.message.tool_calls).toHaveLength(2);
    const cut = await askBoth(fake, { ...body, max_tokens: 3 });
    expectSameAnswer(cut);
    expect(cut.choice.finish_reason).toBe('length');
    expect(cut.json.usage.completion_tokens).toBe(3);
    expect(cut.message.tool_calls).toHaveLength(1);
    const [first] = cut.message.tool_calls;
    expect(first.id).toBe(whole.message.tool_calls[0].id);
    expect(whole.message.tool_calls[0].function.arguments.startsWith(first.function.arguments)).toBe(true);
    expect(first.function.arguments.length).toBeLessThan(whole.message.tool_calls[0].function.arguments.length);
    expect(() => JSON.parse(first.function.arguments)).toThrow();
  });

  it('an agent loop ends: after the tool results, auto answers with text', async () => {
    const fake = newFake({ seed: 5 });
    const messages: any[] = [{ role: 'user', content: 'What is the weather in Oslo?' }];
    const body = () => ({ model: 'deepseek-chat', messages, tools: [weatherTool] });
    let turns = 0;
    for (;;) {
      const res = await (await post(fake, body())).json();
      const msg = res.choices[0].message;
      messages.push(msg);
      if (res.choices[0].finish_reason !== 'tool_calls') break;
      for (const call of msg.tool_calls) messages.push({ role: 'tool', tool_call_id: call.id, content: '{"temp": -3, "sky": "snow"}' });
      expect(++turns).toBeLessThan(3);
    }
    expect(turns).toBe(1);
    expect(messages.at(-1).content).toContain('snow');
  });
});

describe('JSON mode', () => {
  it('content parses as a JSON object with the example keys; no "json" in the prompt is a 400', async () => {
    const fake = newFake();
    const a = await askBoth(fake, {
      model: 'deepseek-chat',
      response_format: { type: 'json_object' },
      messages: [{ role: 'system', content: 'Answer in JSON. EXAMPLE OUTPUT: {"question": "...", "answer": "...", "score": 3}' }, ...user('Which is the longest river?')],
    });
    expectSameAnswer(a);
    const parsed = JSON.parse(a.message.content);
    expect(Object.keys(parsed)).toEqual(['question', 'answer', 'score']);
    expect(Number.isInteger(parsed.score)).toBe(true);
    const bad = await post(fake, { model: 'deepseek-chat', response_format: { type: 'json_object' }, messages: user('Hi') });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toBe("Prompt must contain the word 'json' in some form to use 'response_format' of type 'json_object'.");
  });
});

describe('stop and length', () => {
  const body = { model: 'deepseek-chat', messages: user('Tell me a story about databases') };
  it('stop cuts the same answer before the sequence, finish stop', async () => {
    const fake = newFake({ seed: 11 });
    const full = (await askBoth(fake, body)).message.content as string;
    const words = full.split(' ');
    const stop = ` ${words[Math.floor(words.length / 2)]}`;
    const a = await askBoth(fake, { ...body, stop: [stop, 'never-there'] });
    expectSameAnswer(a);
    expect(a.message.content).toBe(full.slice(0, full.indexOf(stop)));
    expect(a.choice.finish_reason).toBe('stop');
    expect(a.json.usage.completion_tokens).toBe(estimateTokenizer.count(a.message.content));
  });
  it('max_tokens truncates at a token boundary, finish length', async () => {
    const fake = newFake({ seed: 11 });
    const full = (await askBoth(fake, body)).message.content as string;
    const a = await askBoth(fake, { ...body, max_tokens: 5 });
    expectSameAnswer(a);
    expect(a.choice.finish_reason).toBe('length');
    expect(a.message.content).toBe(estimateTokenizer.tokenize(full).slice(0, 5).join(''));
    expect(a.json.usage.completion_tokens).toBe(5);
    expect(a.stream.chunks.filter((c) => c.choices[0]?.delta.content).length).toBe(5);
  });
});

describe('logprobs', () => {
  it('one entry per token, joined = content, bytes = UTF-8, top_logprobs sorted with the chosen token; deterministic', async () => {
    const fake = newFake({ seed: 2 });
    const req = { model: 'deepseek-chat', messages: user('Hi there'), logprobs: true, top_logprobs: 3 };
    const a = await askBoth(fake, req);
    expectSameAnswer(a);
    const lps = a.choice.logprobs.content;
    expect(lps.map((l: any) => l.token).join('')).toBe(a.message.content);
    expect(lps).toHaveLength(a.json.usage.completion_tokens);
    for (const l of lps) {
      expect(l.logprob).toBeLessThanOrEqual(0);
      expect(l.bytes).toEqual([...new TextEncoder().encode(l.token)]);
      expect(l.top_logprobs).toHaveLength(3);
      expect(l.top_logprobs.map((t: any) => t.logprob)).toEqual([...l.top_logprobs.map((t: any) => t.logprob)].sort((x, y) => y - x));
      expect(l.top_logprobs).toContainEqual({ token: l.token, logprob: l.logprob, bytes: l.bytes });
    }
    expect(a.stream.logprobs).toEqual(lps);
    expect((await askBoth(fake, req)).choice.logprobs).toEqual(a.choice.logprobs);
  });

  it('with the exact tokenizer a Chinese character split over tokens shows in bytes', async () => {
    const fake = newFake({ tokenizer: 'exact', resolveScenario: () => ({ source: 'test', respond: { content: '龘字' } }) });
    const a = await askBoth(fake, { model: 'deepseek-chat', messages: user('写一个生僻字'), logprobs: true });
    const lps = a.choice.logprobs.content;
    expect(lps.map((l: any) => l.token).join('')).toBe('龘字');
    expect(lps.flatMap((l: any) => l.bytes)).toEqual([...new TextEncoder().encode('龘字')]);
    expect(lps[0].token).toBe('');
    expect(lps[0].bytes.length).toBeLessThan(3);
    expect(a.stream.logprobs).toEqual(lps);
  }, 30_000);
});

describe('exact token usage', () => {
  it('usage equals the exact tokenizer count of the documented template', async () => {
    const fake = newFake({ tokenizer: 'exact', seed: 4 });
    const messages = [
      { role: 'system', content: 'You are a helpful assistant' },
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello! How can I help you today?' },
      { role: 'user', content: '今天天气怎么样？' },
    ];
    const a = await askBoth(fake, { model: 'deepseek-chat', messages });
    expectSameAnswer(a);
    // The facts page's V3 template, written out by hand for this conversation:
    const rendered =
      '<｜begin▁of▁sentence｜>You are a helpful assistant<｜User｜>Hi<｜Assistant｜>Hello! How can I help you today?<｜end▁of▁sentence｜><｜User｜>今天天气怎么样？<｜Assistant｜>';
    // DeepSeek V3's tokenizer splits it into 25 tokens: BOS, You| are| a| helpful| assistant (5),
    // <｜User｜>, Hi, <｜Assistant｜>, Hello|!| How| can| I| help| you| today|? (9), EOS, <｜User｜>,
    // 今天|天气|怎么样|？ (4), <｜Assistant｜>.
    const { createExactTokenizer } = await import('../src/generate/exact-tokenizer.js');
    const exact = createExactTokenizer();
    await exact.load();
    expect(exact.count(rendered)).toBe(25);
    expect(a.json.usage.prompt_tokens).toBe(25);
    expect(a.json.usage.completion_tokens).toBe(exact.count(a.message.content));
    expect(han(a.message.content)).toBeGreaterThan(10);
  }, 30_000);

  it('prompt + max_tokens over the context window: DeepSeek\'s exact message with the real numbers', async () => {
    const fake = newFake();
    const long = 'lorem '.repeat(125_000);
    // estimator: BOS + <｜User｜> + 125000 words ("lorem", then " lorem" ×124999, then a trailing " ") + <｜Assistant｜>
    const prompt = 125_000 + 1 + 3;
    const fits = await post(fake, { model: 'deepseek-chat', messages: user(long), max_tokens: 131072 - prompt });
    expect(fits.status).toBe(200);
    const over = await post(fake, { model: 'deepseek-chat', messages: user(long), max_tokens: 131072 - prompt + 1 });
    expect(over.status).toBe(400);
    expect((await over.json()).error).toEqual({
      message: `This model's maximum context length is 131072 tokens. However, you requested 131073 tokens (${prompt} in the messages, ${131072 - prompt + 1} in the completion). Please reduce the length of the messages or completion.`,
      type: 'invalid_request_error',
      param: null,
      code: 'invalid_request_error',
    });
  });
});

describe('context caching', () => {
  it('a repeated prompt prefix hits in 64-token units, per API key; cached_tokens agrees; reset forgets', async () => {
    const fake = newFake();
    const system = { role: 'system', content: 'You are a careful assistant who answers briefly. '.repeat(20) };
    const ask = async (key: string, content: string, stream = false) => {
      const res = await post(fake, { model: 'deepseek-chat', messages: [system, ...user(content)], stream, ...(stream ? { stream_options: { include_usage: true } } : {}) }, { headers: { authorization: `Bearer ${key}` } });
      if (!stream) return (await res.json()).usage;
      const frames = sseChunks(await res.text());
      return frames.at(-1).usage;
    };
    const first = await ask('sk-a', 'Question one?');
    expect(first.prompt_cache_hit_tokens).toBe(0);
    const again = await ask('sk-a', 'Question one?');
    expect(again.prompt_cache_hit_tokens).toBe(Math.floor(again.prompt_tokens / 64) * 64);
    expect(again.prompt_cache_hit_tokens).toBeGreaterThan(0);
    expect(again.prompt_tokens_details.cached_tokens).toBe(again.prompt_cache_hit_tokens);
    expect(again.prompt_cache_miss_tokens).toBe(again.prompt_tokens - again.prompt_cache_hit_tokens);
    // Same system prompt, new question: the shared prefix hits, streamed too.
    const other = await ask('sk-a', 'Something else entirely?', true);
    expect(other.prompt_cache_hit_tokens).toBeGreaterThan(0);
    expect(other.prompt_cache_hit_tokens % 64).toBe(0);
    expect(other.prompt_cache_hit_tokens).toBeLessThan(other.prompt_tokens);
    expect((await ask('sk-b', 'Question one?')).prompt_cache_hit_tokens).toBe(0);
    fake.reset();
    expect((await ask('sk-a', 'Question one?')).prompt_cache_hit_tokens).toBe(0);
  });
});

describe('finish reasons on demand', () => {
  it.each(['content_filter', 'insufficient_system_resource'] as const)('%s: the answer stops part-way', async (reason) => {
    const body = { model: 'deepseek-chat', messages: user('Write about networks') };
    const normal = (await askBoth(newFake({ seed: 8 }), body)).message.content as string;
    const a = await askBoth(newFake({ seed: 8, resolveScenario: () => ({ source: 'test', respond: { finishReason: reason } }) }), body);
    expectSameAnswer(a);
    expect(a.choice.finish_reason).toBe(reason);
    expect(normal.startsWith(a.message.content)).toBe(true);
    expect(a.message.content.length).toBeLessThan(normal.length);
    expect(a.message.content.length).toBeGreaterThan(0);
  });
});

describe('language', () => {
  it('a Chinese prompt gets a Chinese answer (and reasoning); an English one does not', async () => {
    const zh = await askBoth(newFake(), { model: 'deepseek-reasoner', messages: user('请介绍一下杭州的西湖有什么特别之处') });
    expectSameAnswer(zh);
    expect(han(zh.message.content)).toBeGreaterThan(zh.message.content.length / 2);
    expect(han(zh.message.reasoning_content)).toBeGreaterThan(10);
    const en = await askBoth(newFake(), { model: 'deepseek-chat', messages: user('Tell me about the West Lake') });
    expect(han(en.message.content)).toBe(0);
  });
});

describe('chat prefix completion (/beta)', () => {
  it('continues the prefix: the answer is only the continuation', async () => {
    const fake = newFake();
    const a = await askBoth(
      fake,
      { model: 'deepseek-chat', messages: [...user('Write quick sort in python'), { role: 'assistant', content: '```python\n', prefix: true }], stop: ['```'] },
      { path: '/beta/chat/completions' },
    );
    expectSameAnswer(a);
    expect(a.message.content).toMatch(/^def \w+\(/);
    expect(a.message.content).not.toContain('```');
    const prose = await askBoth(fake, { model: 'deepseek-chat', messages: [...user('Go on'), { role: 'assistant', content: 'The answer is', prefix: true }] }, { path: '/beta/chat/completions' });
    expect(prose.message.content).toMatch(/^ \S/);
    expect(prose.message.content.startsWith('The answer is')).toBe(false);
  });
});

describe('robustness', () => {
  it('random combinations of generator options: always a contract-valid 200 or a DeepSeek 400, never a crash', async () => {
    const fc = await import('fast-check');
    const fake = newFake();
    const tool = fc.record({ type: fc.constant('function'), function: fc.record({ name: fc.stringMatching(/^[a-z_]{1,12}$/), parameters: fc.oneof(fc.constant({ type: 'object', properties: { q: { type: 'string' } } }), fc.jsonValue().map((v) => (v && typeof v === 'object' && !Array.isArray(v) ? v : {}))) }) });
    const body = fc.record(
      {
        model: fc.constantFrom('deepseek-chat', 'deepseek-reasoner'),
        messages: fc.array(fc.record({ role: fc.constant('user'), content: fc.oneof(fc.string(), fc.constantFrom('请用中文回答json', 'json please', '')) }), { minLength: 1, maxLength: 3 }),
        stop: fc.oneof(fc.string({ maxLength: 3 }), fc.array(fc.string({ maxLength: 3 }), { maxLength: 4 })),
        max_tokens: fc.integer({ min: 1, max: 50 }),
        logprobs: fc.boolean(),
        top_logprobs: fc.integer({ min: 0, max: 20 }),
        tools: fc.array(tool, { minLength: 1, maxLength: 3 }),
        tool_choice: fc.constantFrom('auto', 'none', 'required'),
        response_format: fc.constantFrom({ type: 'text' }, { type: 'json_object' }),
        stream: fc.boolean(),
      },
      { requiredKeys: ['model', 'messages'] },
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await post(fake, b);
        const text = await res.text();
        expect([200, 400], text).toContain(res.status);
        if (res.status === 400) return void expect(fake.contract.error(JSON.parse(text))).toBe(true);
        if (!b.stream) return void expect(fake.contract.completion(JSON.parse(text)), text).toBe(true);
        for (const c of sseChunks(text)) expect(fake.contract.chunk(c)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
