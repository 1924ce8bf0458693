// The generator's small parts, one behaviour each.
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random.js';
import type { ChatRequest } from '../core/types.js';
import { CACHE_UNIT, PrefixCache } from './context-cache.js';
import { exampleObject, generateJsonContent } from './json-mode.js';
import { detectLanguage } from './language.js';
import { generateLogprobs } from './logprobs.js';
import { thinks } from './reasoning.js';
import { cutAtStop, truncateTokens } from './stop.js';
import { tokenPieces, estimateTokenizer } from './tokenizer.js';
import { chooseTools, latestCallsAnswered } from './tool-calls.js';
import { officialProfile } from '../profiles/official.js';

const chat = officialProfile.models.find((m) => m.id === 'deepseek-chat')!;
const reasoner = officialProfile.models.find((m) => m.id === 'deepseek-reasoner')!;
const switchable = { ...chat, reasoning: 'switchable' as const, thinkingDefault: undefined };
const plain = { ...chat, reasoning: 'never' as const };
const req = (content: string, extra: Partial<ChatRequest> = {}): ChatRequest => ({ model: 'deepseek-chat', messages: [{ role: 'user', content }], ...extra });

describe('stop and length', () => {
  it('cuts before the earliest stop sequence', () => {
    expect(cutAtStop('one. two! three', ['!', '.'])).toEqual({ text: 'one', stopped: true });
    expect(cutAtStop('one two', 'x')).toEqual({ text: 'one two', stopped: false });
    expect(cutAtStop('abc', ['', null as never].filter(Boolean))).toEqual({ text: 'abc', stopped: false });
  });
  it('truncates at a token boundary', () => {
    expect(truncateTokens(['a', 'b', 'c'], 2)).toEqual({ tokens: ['a', 'b'], truncated: true });
    expect(truncateTokens(['a'], 2)).toEqual({ tokens: ['a'], truncated: false });
  });
});

describe('logprobs', () => {
  const pieces = tokenPieces(estimateTokenizer, 'Hello there, friend.');
  it('one entry per token, logprob ≤ 0, bytes = UTF-8, top-N sorted and holding the chosen token', () => {
    const lps = generateLogprobs(pieces, 5, createRng(1), 'en');
    expect(lps.map((l) => l.token).join('')).toBe('Hello there, friend.');
    for (const lp of lps) {
      expect(lp.logprob).toBeLessThanOrEqual(0);
      expect(lp.bytes).toEqual([...new TextEncoder().encode(lp.token)]);
      expect(lp.top_logprobs).toHaveLength(5);
      const sorted = [...lp.top_logprobs].sort((a, b) => b.logprob - a.logprob);
      expect(lp.top_logprobs).toEqual(sorted);
      expect(lp.top_logprobs.filter((t) => t.token === lp.token)).toEqual([{ token: lp.token, logprob: lp.logprob, bytes: lp.bytes }]);
      expect(new Set(lp.top_logprobs.map((t) => t.token)).size).toBe(5);
      // Probabilities of the alternatives cannot add up to more than 1.
      expect(lp.top_logprobs.reduce((p, t) => p + Math.exp(t.logprob), 0)).toBeLessThanOrEqual(1.5);
    }
  });
  it('is deterministic per seed; top_logprobs 0 gives empty lists', () => {
    expect(generateLogprobs(pieces, 3, createRng(9), 'en')).toEqual(generateLogprobs(pieces, 3, createRng(9), 'en'));
    expect(generateLogprobs(pieces, 0, createRng(9), 'en').every((l) => l.top_logprobs.length === 0)).toBe(true);
  });
});

describe('context cache', () => {
  const tokens = (n: number, tag = 't') => Array.from({ length: n }, (_, i) => `${tag}${i}`);
  it('hits whole 64-token units of a prefix seen before, per key', () => {
    const cache = new PrefixCache();
    expect(cache.lookupAndRemember('k1', tokens(200))).toBe(0);
    expect(cache.lookupAndRemember('k1', tokens(200))).toBe(3 * CACHE_UNIT);
    // A longer prompt that starts the same: the old 192 tokens hit.
    expect(cache.lookupAndRemember('k1', tokens(300))).toBe(192);
    expect(cache.lookupAndRemember('k2', tokens(200))).toBe(0);
    // A different first unit: nothing after it counts, even if later units repeat.
    expect(cache.lookupAndRemember('k1', ['x', ...tokens(199).slice(1)])).toBe(0);
  });
  it('is bounded', () => {
    const cache = new PrefixCache(10);
    for (let i = 0; i < 5; i++) cache.lookupAndRemember('k', tokens(64 * 5, `p${i}`));
    expect(cache.size).toBe(10);
    cache.clear();
    expect(cache.size).toBe(0);
  });
});

describe('language', () => {
  it('mostly Chinese → zh, otherwise en', () => {
    expect(detectLanguage(req('请用三句话介绍一下杭州的西湖'))).toBe('zh');
    expect(detectLanguage(req('Explain 杭州 in English please'))).toBe('en');
    expect(detectLanguage(req('帮我看看这段 code 有什么问题，为什么会报错'))).toBe('zh');
  });
});

describe('JSON mode', () => {
  it('mirrors the keys and types of an example object in the prompt', () => {
    const body = req('Return json like EXAMPLE: {"question": "Which is the highest mountain?", "answer": "Everest", "year": 1953, "tags": ["geo"]}');
    const out = JSON.parse(generateJsonContent(body, createRng(1), 'en'));
    expect(Object.keys(out)).toEqual(['question', 'answer', 'year', 'tags']);
    expect(typeof out.year).toBe('number');
    expect(Array.isArray(out.tags)).toBe(true);
  });
  it('finds the first balanced object, skipping braces that are not JSON', () => {
    expect(exampleObject('use {curly} then {"a": {"b": "}"}} done')).toEqual({ a: { b: '}' } });
    expect(exampleObject('no object here')).toBeUndefined();
  });
  it('without an example: still a JSON object', () => {
    const out = JSON.parse(generateJsonContent(req('answer in json'), createRng(2), 'en'));
    expect(out && typeof out === 'object' && !Array.isArray(out)).toBe(true);
  });
});

describe('reasoning switch', () => {
  it('always / never / the thinking field', () => {
    expect(thinks(req('hi'), reasoner)).toBe(true);
    expect(thinks(req('hi', { thinking: { type: 'enabled' } } as never), plain)).toBe(false);
    // DeepSeek's deepseek-chat thinks only when asked
    expect(thinks(req('hi', { thinking: { type: 'enabled' } } as never), chat)).toBe(true);
    expect(thinks(req('hi'), chat)).toBe(false);
    expect(thinks(req('hi', { thinking: { type: 'enabled' } } as never), switchable)).toBe(true);
    expect(thinks(req('hi', { thinking: { type: 'disabled' } } as never), switchable)).toBe(false);
    expect(thinks(req('hi'), switchable)).toBe(false);
    // no field: the model's documented default (seed 003's model thinks unless told not to)
    expect(thinks(req('hi'), { ...switchable, thinkingDefault: 'enabled' })).toBe(true);
    expect(thinks(req('hi', { thinking: { type: 'disabled' } } as never), { ...switchable, thinkingDefault: 'enabled' })).toBe(false);
    // auto decides from the prompt: the same prompt always decides the same, different prompts differ.
    const auto = (p: string) => thinks(req(p, { thinking: { type: 'auto' } } as never), switchable);
    const decisions = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(auto);
    expect(decisions).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(auto));
    expect(new Set(decisions).size).toBe(2);
  });
});

describe('tool choice', () => {
  const tool = (name: string) => ({ type: 'function' as const, function: { name, parameters: { type: 'object', properties: {} } as never } });
  const tools = [tool('get_weather'), tool('get_time'), tool('send_email')];
  it('none never calls; named calls that one; auto calls what the prompt names, several at once', () => {
    expect(chooseTools(req('weather?', { tools, tool_choice: 'none' }), createRng(1))).toEqual([]);
    expect(chooseTools(req('weather?', { tools, tool_choice: { type: 'function', function: { name: 'send_email' } } }), createRng(1)).map((t) => t.function.name)).toEqual(['send_email']);
    expect(chooseTools(req('What is the weather and the time in Paris?', { tools }), createRng(1)).map((t) => t.function.name)).toEqual(['get_weather', 'get_time']);
    expect(chooseTools(req('Hi', { tools, tool_choice: 'required' }), createRng(1))).toHaveLength(1);
  });
  it('auto answers with text once the latest calls have results', () => {
    const body: ChatRequest = {
      model: 'deepseek-chat',
      tools,
      messages: [
        { role: 'user', content: 'weather?' },
        { role: 'assistant', content: '', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'get_weather', arguments: '{}' } }, { id: 'c2', type: 'function', function: { name: 'get_time', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'c1', content: 'sunny' },
      ],
    };
    expect(latestCallsAnswered(body)).toBe(false);
    body.messages.push({ role: 'tool', tool_call_id: 'c2', content: '12:00' });
    expect(latestCallsAnswered(body)).toBe(true);
    expect(chooseTools(body, createRng(1))).toEqual([]);
    expect(chooseTools({ ...body, tool_choice: 'required' }, createRng(1))).toHaveLength(1);
  });
});

describe('chat template', () => {
  it('tool calls and results in V3 tool tokens; a prefix message is left open', async () => {
    const { renderChatTemplate } = await import('./usage.js');
    const body: ChatRequest = {
      model: 'deepseek-chat',
      messages: [
        { role: 'user', content: 'weather?' },
        { role: 'assistant', content: '', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }] },
        { role: 'tool', tool_call_id: 'c1', content: 'snow' },
      ],
    };
    expect(renderChatTemplate(body)).toBe(
      '<｜begin▁of▁sentence｜><｜User｜>weather?<｜Assistant｜><｜tool▁calls▁begin｜><｜tool▁call▁begin｜>function<｜tool▁sep｜>get_weather\n```json\n{"city":"Oslo"}\n```<｜tool▁call▁end｜><｜tool▁calls▁end｜><｜end▁of▁sentence｜><｜tool▁outputs▁begin｜><｜tool▁output▁begin｜>snow<｜tool▁output▁end｜><｜tool▁outputs▁end｜><｜Assistant｜>',
    );
    const prefix: ChatRequest = { model: 'deepseek-chat', messages: [{ role: 'user', content: 'Go' }, { role: 'assistant', content: 'Once', prefix: true }] };
    expect(renderChatTemplate(prefix, { prefix: true })).toBe('<｜begin▁of▁sentence｜><｜User｜>Go<｜Assistant｜>Once');
  });
});
