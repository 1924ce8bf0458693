import { describe, expect, it } from 'vitest';
import type { ChatCompletionChunk } from '../core/types.js';
import { accumulateChunks } from './accumulate.js';
import { accumulateChunksLoose } from './accumulate-loose.js';

const head = { id: 'x', object: 'chat.completion.chunk', created: 1, model: 'deepseek-chat', system_fingerprint: 'fp' } as const;
const chunk = (choices: unknown[], usage: unknown = null) => ({ ...head, choices, usage }) as unknown as ChatCompletionChunk;
const usage = { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 };

describe('accumulateChunks (typed, strict)', () => {
  it('a stream of only tool calls has content null, as the JSON answer does', () => {
    const c = accumulateChunks([
      chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]),
      chunk([{ index: 0, delta: { tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'f', arguments: '' } }] }, finish_reason: null }]),
      chunk([{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '{"a":1}' } }] }, finish_reason: null }]),
      chunk([{ index: 0, delta: { content: '' }, finish_reason: 'tool_calls' }]),
      chunk([], usage),
    ]);
    expect(c.choices[0]!.message).toEqual({ role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }] });
    expect(c.choices[0]!.finish_reason).toBe('tool_calls');
    expect(c.usage).toEqual(usage);
  });

  it('throws for no chunks, no finish_reason, or no usage', () => {
    expect(() => accumulateChunks([])).toThrow('no chunks');
    expect(() => accumulateChunks([chunk([{ index: 0, delta: { content: 'a' }, finish_reason: null }], usage)])).toThrow('finish_reason');
    expect(() => accumulateChunks([chunk([{ index: 0, delta: { content: 'a' }, finish_reason: 'stop' }])])).toThrow('usage');
  });
});

describe('accumulateChunksLoose (tolerant, for any provider)', () => {
  it('keeps every choice by index, skips junk, and never throws', () => {
    const sum = accumulateChunksLoose([
      'not an object',
      { ...head, choices: [{ index: 1, delta: { content: 'b' } }, { index: 0, delta: { role: 'assistant', content: 'a' } }] },
      { ...head, choices: [null, { index: 0, delta: { content: 'c' }, finish_reason: 'stop' }] },
    ]);
    expect(sum.choices).toEqual([
      { index: 0, message: { role: 'assistant', content: 'ac' }, logprobs: null, finish_reason: 'stop' },
      { index: 1, message: { content: 'b' }, logprobs: null, finish_reason: null },
    ]);
    expect(sum).not.toHaveProperty('usage');
    expect(accumulateChunksLoose([])).toEqual({ object: 'chat.completion', choices: [] });
  });
});
