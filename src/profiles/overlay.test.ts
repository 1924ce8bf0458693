import { describe, expect, it } from 'vitest';
import { applyOverlay, parseTarget } from './overlay.js';

const overlay = (...actions: { target: string; update?: unknown; remove?: boolean }[]) => ({ overlay: '1.0.0', info: { title: 't', version: '1' }, actions });

describe('parseTarget', () => {
  it('reads dotted names, quoted names and indices', () => {
    expect(parseTarget("$.paths['/chat/completions'].post.parameters[0]")).toEqual(['paths', '/chat/completions', 'post', 'parameters', 0]);
    expect(parseTarget('$')).toEqual([]);
  });
  it('rejects what it does not support', () => {
    expect(() => parseTarget('$..schemas')).toThrow(/Unsupported/);
    expect(() => parseTarget('paths')).toThrow(/must start/);
  });
});

describe('applyOverlay', () => {
  const doc = { a: { b: 1, list: [1, 2], keep: 'x' }, n: null };

  it('merges objects, appends arrays, replaces scalars, and leaves the input alone', () => {
    const out = applyOverlay(doc, overlay({ target: '$.a', update: { b: 2, list: [3], extra: { z: null } } }));
    expect(out).toEqual({ a: { b: 2, list: [1, 2, 3], keep: 'x', extra: { z: null } }, n: null });
    expect(doc.a.b).toBe(1);
  });

  it('removes, then updates, to replace an array', () => {
    const out = applyOverlay(doc, overlay({ target: '$.a.list', remove: true }, { target: '$.a', update: { list: ['only'] } }));
    expect(out.a.list).toEqual(['only']);
  });

  it('removes array items by index and updates the root', () => {
    const out = applyOverlay(doc, overlay({ target: '$.a.list[0]', remove: true }, { target: '$', update: { top: true } }));
    expect(out).toMatchObject({ a: { list: [2] }, top: true });
  });

  it('a missing target is an error, not a silent no-op', () => {
    expect(() => applyOverlay(doc, overlay({ target: '$.a.nope', update: 1 }))).toThrow(/not found/);
    expect(() => applyOverlay(doc, overlay({ target: '$.zz.b', remove: true }))).toThrow(/not found/);
  });
});
