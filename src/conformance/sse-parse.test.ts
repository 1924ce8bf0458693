import { describe, expect, it } from 'vitest';
import { parseSse } from './sse-parse.js';

const rules = (text: string) => parseSse(text).findings.map((f) => f.rule);

describe('parseSse', () => {
  it('reads data frames and keep-alive comments, with any line ending', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const text = [': keep-alive', '', 'data: {"a":1}', '', 'data:{"a":2}', '', 'data: [DONE]', '', ''].join(nl);
      const parsed = parseSse(text);
      expect(parsed.findings).toEqual([]);
      expect(parsed.chunks.map((c) => c.value)).toEqual([{ a: 1 }, { a: 2 }]);
      expect(parsed.sawDone).toBe(true);
    }
  });

  it('joins multi-line data as the SSE spec does', () => {
    expect(parseSse('data: {"a":\ndata: 1}\n\ndata: [DONE]\n\n').chunks[0]!.value).toEqual({ a: 1 });
  });

  it('names each framing rule broken', () => {
    expect(rules('event: x\ndata: {}\n\ndata: [DONE]\n\n')).toEqual(['sse.framing']);
    expect(rules('data: {}\n\n')).toEqual(['sse.done']);
    expect(rules('data: {}\n\ndata: [DONE]\n\ndata: {}\n\n')).toEqual(['sse.after-done']);
    expect(rules('data: [DONE]\n\n: late comment\n\n')).toEqual(['sse.after-done']);
    expect(rules('data: {nope\n\ndata: [DONE]\n\n')).toEqual(['sse.json']);
    expect(rules('')).toEqual(['sse.done']);
  });

  it('says where: the line and what it held', () => {
    const [f] = parseSse('data: {}\n\nretry: 10\n\ndata: [DONE]\n\n').findings;
    expect(f).toMatchObject({ rule: 'sse.framing', path: 'line[3]', value: 'retry: 10' });
  });
});
