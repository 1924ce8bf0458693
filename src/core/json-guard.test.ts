import { describe, expect, it } from 'vitest';
import { FakeError } from './errors.js';
import { DEFAULT_MAX_JSON_DEPTH, checkJsonText, parseJsonBody } from './json-guard.js';

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FakeError);
    expect((e as FakeError).error.status).toBe(400);
    return (e as FakeError).error.message;
  }
  throw new Error('expected a 400');
}

const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

describe('checkJsonText / parseJsonBody', () => {
  it('accepts nesting up to the limit (127, serde_json’s) and refuses one level more, with the position', () => {
    expect(DEFAULT_MAX_JSON_DEPTH).toBe(127);
    expect(parseJsonBody(nested(127))).toBeInstanceOf(Array);
    expect(message(() => parseJsonBody(nested(128)))).toBe(
      'Failed to parse the request body as JSON: recursion limit exceeded (nesting deeper than 127) at line 1 column 128',
    );
    expect(message(() => parseJsonBody(`{"a":\n ${nested(3)}}`, 2))).toMatch(/at line 2 column 3$/);
  });

  it('a million open brackets is a quick 400, not a stack overflow', () => {
    const started = performance.now();
    expect(message(() => parseJsonBody('['.repeat(1_000_000)))).toMatch(/recursion limit exceeded/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('brackets and escaped quotes inside strings do not count', () => {
    expect(() => checkJsonText(`{"a":"${'['.repeat(500)}\\"${'{'.repeat(500)}"}`)).not.toThrow();
  });

  it('lone surrogates (leading or trailing) are refused; a proper pair is fine', () => {
    expect(message(() => parseJsonBody('{"a":"x\\ud800"}'))).toBe(
      'Failed to parse the request body as JSON: lone surrogate \\ud800 in a string (not valid Unicode) at line 1 column 13',
    );
    expect(message(() => parseJsonBody('{"a":"\\uDC00"}'))).toMatch(/lone surrogate \\uDC00/);
    expect(message(() => parseJsonBody('{"a":"\\ud800\\u0041"}'))).toMatch(/lone surrogate \\ud800/);
    expect(message(() => parseJsonBody('{"\\ud800":1}'))).toMatch(/lone surrogate/);
    expect(parseJsonBody('{"a":"\\ud83d\\ude00"}')).toEqual({ a: '😀' });
    expect(parseJsonBody('{"a":"\\\\ud800"}')).toEqual({ a: '\\ud800' }); // an escaped backslash, not an escape
  });

  it('NUL, escaped or raw, is refused', () => {
    expect(message(() => parseJsonBody('{"a":"\\u0000"}'))).toBe('Failed to parse the request body as JSON: NUL character (\\u0000) at line 1 column 12');
    expect(message(() => parseJsonBody('{"a":"\u0000"}'))).toMatch(/NUL character/);
    expect(message(() => parseJsonBody('{"a":1}\u0000'))).toMatch(/NUL character/);
  });

  it('malformed JSON keeps the parser’s explanation', () => {
    expect(message(() => parseJsonBody('{"a":'))).toMatch(/^Failed to parse the request body as JSON: /);
    expect(message(() => parseJsonBody(''))).toMatch(/^Failed to parse the request body as JSON: /);
  });
});
