import { describe, expect, it } from 'vitest';
import { checkLogprobs } from './logprobs-checks.js';

const enc = (s: string) => [...new TextEncoder().encode(s)];
const entry = (token: string, logprob: number, top: { token: string; logprob: number }[] = []) => ({
  token,
  logprob,
  bytes: enc(token),
  top_logprobs: top.map((t) => ({ ...t, bytes: enc(t.token) })),
});
const rules = (lp: unknown, content: string | null, top?: number) => checkLogprobs(lp, content, top, '$').map((f) => f.rule);

describe('checkLogprobs', () => {
  it('accepts tokens that spell the content, -9999 for "not in the top 20", sorted tops of the asked size', () => {
    const lp = { content: [entry('Hi', -0.1, [{ token: 'Hi', logprob: -0.1 }, { token: 'Hey', logprob: -9999 }]), entry('!', 0, [{ token: '!', logprob: 0 }, { token: '.', logprob: -3 }])] };
    expect(rules(lp, 'Hi!', 2)).toEqual([]);
  });

  it('accepts a character split over tokens when the bytes spell the content', () => {
    const bytes = enc('你');
    const lp = { content: [{ token: '\uFFFD', logprob: -1, bytes: bytes.slice(0, 2), top_logprobs: [] }, { token: '\uFFFD', logprob: -1, bytes: bytes.slice(2), top_logprobs: [] }] };
    expect(rules(lp, '你')).toEqual([]);
  });

  it('reports each broken rule once, with a path', () => {
    expect(rules(null, 'Hi')).toEqual(['logprobs.missing']);
    expect(rules({ content: [] }, 'Hi')).toEqual(['logprobs.missing']);
    expect(rules({ content: [entry('Ho', -1)] }, 'Hi')).toEqual(['logprobs.join']);
    expect(rules({ content: [{ ...entry('Hi', -1), bytes: [72] }] }, 'Hi')).toEqual(['logprobs.bytes']);
    expect(rules({ content: [entry('H', 0.2), entry('i', 0.3)] }, 'Hi')).toEqual(['logprobs.range']);
    expect(rules({ content: [entry('Hi', -1, [{ token: 'a', logprob: -2 }, { token: 'b', logprob: -1 }])] }, 'Hi')).toEqual(['logprobs.top-sorted']);
    expect(rules({ content: [entry('Hi', -1, [{ token: 'a', logprob: -2 }])] }, 'Hi', 3)).toEqual(['logprobs.top-size']);
    const [f] = checkLogprobs({ content: [entry('Hi', -1), entry('!', 1)] }, 'Hi!', undefined, '$.choices[0].logprobs');
    expect(f).toMatchObject({ path: '$.choices[0].logprobs.content[1].logprob', value: 1 });
  });

  it('does not judge the top list size when none was asked for', () => {
    expect(rules({ content: [entry('Hi', -1, [{ token: 'Hi', logprob: -1 }])] }, 'Hi')).toEqual([]);
  });
});
