import { describe, expect, it } from 'vitest';
import { HeaderGrammarError, parseControlHeader, tokenizeControlHeader } from './header-control.js';

describe('control header grammar', () => {
  it('splits key=value pairs, with quoted values and escapes', () => {
    expect(tokenizeControlHeader(' error=429 ;Retry-After = 2; content="a; \\"b\\" \\\\ c";')).toEqual([
      ['error', '429'],
      ['retry-after', '2'],
      ['content', 'a; "b" \\ c'],
    ]);
  });

  it('expands error shorthands with retry-after, message and type', () => {
    expect(parseControlHeader('error=429; retry-after=2').error).toEqual({
      status: 429,
      type: 'rate_limit_error',
      message: expect.stringContaining('Too many requests'),
      param: null,
      headers: { 'retry-after': '2' },
    });
    expect(parseControlHeader('error=insufficient-balance').error).toMatchObject({ status: 402, type: 'unknown_error', message: 'Insufficient Balance' });
    expect(parseControlHeader('error=401', 'sk-abcdef1234').error?.message).toBe('Authentication Fails, Your api key: ****1234 is invalid');
    expect(parseControlHeader('error=500; message="boom"; type=api_error').error).toMatchObject({ status: 500, message: 'boom', type: 'api_error' });
  });

  it('reads content, reasoning, finish, tools, usage, fault and timing', () => {
    expect(
      parseControlHeader('content="Hi there"; reasoning=hmm; finish=content_filter; prompt-tokens=5; completion-tokens=2; fault=disconnect-after-3; ttft=200; tps=50; jitter=0.2; queue-wait=1000; keep-alive=100'),
    ).toEqual({
      content: 'Hi there',
      reasoning: 'hmm',
      finishReason: 'content_filter',
      usage: { prompt_tokens: 5, completion_tokens: 2 },
      fault: { kind: 'disconnect', afterChunks: 3 },
      timing: { ttftMs: 200, tokensPerSecond: 50, jitter: 0.2, queueWaitMs: 1000, keepAliveIntervalMs: 100 },
    });
    expect(parseControlHeader('tool=get_weather; tool-args="{\\"city\\":\\"Hangzhou\\"}"; tool=noop').toolCalls).toEqual([
      { name: 'get_weather', arguments: '{"city":"Hangzhou"}' },
      { name: 'noop', arguments: '{}' },
    ]);
    expect(parseControlHeader('fault=stall-500ms-after-2').fault).toEqual({ kind: 'stall', ms: 500, afterChunks: 2 });
    expect(parseControlHeader('fault=malformed-chunk-at-1').fault).toEqual({ kind: 'malformed-chunk', atChunk: 1 });
    expect(parseControlHeader('fault=no-done').fault).toEqual({ kind: 'no-done' });
    expect(parseControlHeader('fault=error-event-after-4').fault).toEqual({ kind: 'error-event', afterChunks: 4 });
    expect(parseControlHeader('fault=none').fault).toEqual({ kind: 'none' });
    expect(parseControlHeader('finish=insufficient_system_resource').finishReason).toBe('insufficient_system_resource');
  });

  it.each([
    ['', 'the header is empty'],
    ['error', 'expected "=" after "error" at character 6'],
    ['error=', 'missing value for "error"'],
    ['=5', 'expected a key, found "="'],
    ['content="open', 'unterminated quoted value for "content"'],
    ['error=429 retry-after=2', 'expected ";" after the value of "error"'],
    ['colour=red', 'unknown key "colour"; known keys: error, retry-after'],
    ['error=418', 'unknown error "418"'],
    ['error=teapot', 'unknown error "teapot"'],
    ['error=429; error=500', '"error" is given twice'],
    ['retry-after=2', '"retry-after" needs an "error"'],
    ['finish=done', '"finish" must be one of stop, length'],
    ['fault=explode', 'unknown fault "explode"; expected one of disconnect-after-N'],
    ['ttft=-1', '"ttft" must be a number ≥ 0, got "-1"'],
    ['prompt-tokens=1.5', '"prompt-tokens" must be a whole number ≥ 0'],
    ['tool-args={}', '"tool-args" must follow a "tool"'],
    ['tool=x; tool-args="{nope"', '"tool-args" must be JSON'],
  ])('rejects %j: %s', (header, problem) => {
    expect(() => parseControlHeader(header)).toThrow(HeaderGrammarError);
    expect(() => parseControlHeader(header)).toThrow(problem);
  });
});
