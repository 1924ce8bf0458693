// Whatever a provider sends, the checker answers with findings: never a throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileContract } from '../contract/compile.js';
import { getProfile } from '../profiles/index.js';
import { checkResponse } from './response-checks.js';

const contract = compileContract(getProfile('deepseek').document);
const enc = new TextEncoder();
const check = (text: string, stream: boolean, status = 200, contentType = stream ? 'text/event-stream' : 'application/json') =>
  checkResponse({ contract, request: { stream, logprobs: true, top_logprobs: 2, stream_options: stream ? { include_usage: true } : undefined }, expect: { toolCall: true, reasoning: true, jsonContent: true }, response: { status, contentType, body: enc.encode(text) } });

describe('checkResponse on arbitrary input', () => {
  it('never throws on any JSON body or SSE of any JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(fc.jsonValue(), { maxLength: 6 }), (body, chunks) => {
        expect(Array.isArray(check(JSON.stringify(body), false))).toBe(true);
        const sse = `${chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join('')}data: [DONE]\n\n`;
        expect(Array.isArray(check(sse, true))).toBe(true);
        expect(Array.isArray(check(JSON.stringify(body), false, 400))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary text, and says something is wrong', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(check(text, true).length).toBeGreaterThan(0);
        expect(check(text, false).length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('JSON mode cut off by max_tokens is not required to parse', () => {
    const body = (finish: string) => ({ id: 'x', object: 'chat.completion', created: 1, model: 'm', system_fingerprint: 'fp', choices: [{ index: 0, message: { role: 'assistant', content: '{"a":' }, logprobs: null, finish_reason: finish }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2, prompt_cache_hit_tokens: 0, prompt_cache_miss_tokens: 1 } });
    const run = (finish: string) =>
      checkResponse({ contract, request: {}, expect: { jsonContent: true }, response: { status: 200, contentType: 'application/json', body: enc.encode(JSON.stringify(body(finish))) } }).map((f) => f.rule);
    expect(run('length')).toEqual([]);
    expect(run('stop')).toEqual(['json-mode.content']);
  });
});
