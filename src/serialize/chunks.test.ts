import { describe, expect, it } from 'vitest';
import { draft } from '../../test/helpers/drafts.js';
import { compileContract } from '../contract/compile.js';
import document from '../contract/generated/deepseek-openapi.js';
import { buildUsage } from '../generate/usage.js';
import { accumulateChunks } from './accumulate.js';
import { chunksFromDraft } from './chunks.js';
import { completionFromDraft } from './json.js';

const contract = compileContract(document);

describe('chunksFromDraft', () => {
  it('opens with role + empty content, one delta per token, a finish chunk; every chunk repeats the header and usage: null', () => {
    const chunks = chunksFromDraft(draft(), { includeUsage: false });
    expect(chunks.map((c) => c.choices[0])).toEqual([
      { index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null },
      { index: 0, delta: { content: 'Hello' }, logprobs: null, finish_reason: null },
      { index: 0, delta: { content: ' there' }, logprobs: null, finish_reason: null },
      { index: 0, delta: { content: '!' }, logprobs: null, finish_reason: null },
      { index: 0, delta: { content: '' }, logprobs: null, finish_reason: 'stop' },
    ]);
    for (const c of chunks) {
      expect(c).toMatchObject({ id: draft().id, object: 'chat.completion.chunk', created: 1_700_000_000, model: 'deepseek-chat', system_fingerprint: 'fp_test', usage: null });
      expect(contract.chunk(c), JSON.stringify(contract.chunk.errors)).toBe(true);
    }
  });

  it('thinking: first delta has content null and reasoning_content "", reasoning deltas carry content null', () => {
    const chunks = chunksFromDraft(draft({ reasoning: ['Let', ' me', ' think'] }), { includeUsage: false });
    expect(chunks[0]!.choices[0]!.delta).toEqual({ role: 'assistant', content: null, reasoning_content: '' });
    expect(chunks.slice(1, 4).map((c) => c.choices[0]!.delta)).toEqual([
      { content: null, reasoning_content: 'Let' },
      { content: null, reasoning_content: ' me' },
      { content: null, reasoning_content: ' think' },
    ]);
    expect(chunks[4]!.choices[0]!.delta).toEqual({ content: 'Hello' });
  });

  it('documented usage: include_usage adds one chunk with choices [] and the usage before [DONE]; otherwise no usage at all', () => {
    const usage = buildUsage(9, 3);
    const withUsage = chunksFromDraft(draft(), { includeUsage: true });
    expect(withUsage).toHaveLength(6);
    expect(withUsage.at(-1)).toMatchObject({ choices: [], usage });
    expect(withUsage.slice(0, -1).every((c) => c.usage === null)).toBe(true);
    expect(chunksFromDraft(draft(), { includeUsage: false }).every((c) => c.usage === null)).toBe(true);
  });

  it('final-chunk usage (the live API): usage rides on the finish_reason chunk, with or without include_usage, no extra chunk', () => {
    for (const includeUsage of [false, true]) {
      const chunks = chunksFromDraft(draft(), { includeUsage, usage: 'final-chunk' });
      expect(chunks).toHaveLength(5);
      expect(chunks.at(-1)!.choices[0]!.finish_reason).toBe('stop');
      expect(chunks.at(-1)!.usage).toEqual(buildUsage(9, 3));
      expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
      for (const c of chunks) expect(contract.chunk(c)).toBe(true);
    }
  });

  it('tool calls: a first delta with id, type, name and arguments "", then argument slices with only index + function.arguments', () => {
    const calls = [
      { id: 'call_0_a', type: 'function' as const, function: { name: 'read_file', arguments: '{"path":"/etc/hosts"}' } },
      { id: 'call_0_b', type: 'function' as const, function: { name: 'now', arguments: '{}' } },
    ];
    const chunks = chunksFromDraft(draft({ content: null, toolCalls: calls, finishReason: 'tool_calls' }), { includeUsage: true });
    const deltas = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
    expect(deltas[0]).toEqual({ index: 0, id: 'call_0_a', type: 'function', function: { name: 'read_file', arguments: '' } });
    const second = deltas.findIndex((d) => d.index === 1);
    expect(deltas.slice(1, second).every((d) => Object.keys(d).sort().join() === 'function,index' && Object.keys(d.function!).join() === 'arguments')).toBe(true);
    expect(chunks.at(-2)!.choices[0]!.finish_reason).toBe('tool_calls');
  });

  it('accumulated chunks equal the non-streaming completion: plain, thinking, tool calls, logprobs, finish reasons', () => {
    const logprob = (token: string) => ({ token, logprob: -0.5, bytes: [...new TextEncoder().encode(token)], top_logprobs: [] });
    const drafts = [
      draft(),
      draft({ reasoning: ['Hmm', '.'], usage: buildUsage(9, 5, 0, 2) }),
      draft({ content: null, toolCalls: [{ id: 'call_0_x', type: 'function', function: { name: 'get_weather', arguments: '{"city":"杭州","unit":"celsius"}' } }], finishReason: 'tool_calls' }),
      draft({ content: ['Let', ' me', ' check'], toolCalls: [{ id: 'call_0_y', type: 'function', function: { name: 'f', arguments: '{}' } }], finishReason: 'tool_calls' }),
      draft({ logprobs: ['Hello', ' there', '!'].map(logprob) }),
      draft({ content: ['cut'], finishReason: 'length' }),
    ];
    for (const d of drafts) {
      for (const usage of ['documented', 'final-chunk'] as const) {
        expect(accumulateChunks(chunksFromDraft(d, { includeUsage: true, usage }))).toEqual(completionFromDraft(d));
      }
    }
  });
});
