import { describe, expect, it } from 'vitest';
import { FixtureError, validateFixtureFile, validateFixtureRules, validateRespond } from './fixture-validate.js';

function problem(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FixtureError);
    return (e as Error).message;
  }
  throw new Error('expected a FixtureError');
}

describe('fixture schema validation', () => {
  it('accepts every documented form', () => {
    const file = {
      $schema: '../schemas/fixture.schema.json',
      fixtures: [
        { respond: { content: 'x' } },
        {
          name: 'all',
          match: {
            model: ['deepseek-chat'],
            userMessage: { regex: '^hi', flags: 'i' },
            systemPrompt: { contains: 'pirate' },
            tools: true,
            tool: 'get_weather',
            toolResults: false,
            stream: true,
            headers: { 'x-case': { equals: 'a' } },
            nth: 2,
          },
          respond: {
            content: 'c',
            reasoning: 'r',
            toolCalls: [{ name: 'f', arguments: { a: 1 } }, { name: 'g', arguments: '{}', id: 'call_1' }],
            finishReason: 'insufficient_system_resource',
            usage: { prompt_tokens: 1 },
            error: { status: 429, retryAfter: 2, headers: { 'x-a': 'b' } },
            fault: 'stall-100ms-after-2',
            timing: { ttftMs: 1, tokensPerSecond: 2, jitter: 0.5, queueWaitMs: 3, keepAliveIntervalMs: 4 },
          },
        },
        { respond: { error: 402 } },
        { respond: { error: 'content-policy', fault: { kind: 'disconnect', afterChunks: 3 } } },
      ],
    };
    expect(validateFixtureFile(file, 'f.yaml').fixtures).toHaveLength(4);
  });

  it.each([
    [{}, 'f.yaml: /: missing field "fixtures"'],
    [{ fixtures: [{}] }, 'f.yaml: /fixtures/0: missing field "respond"'],
    [{ fixtures: [{ respond: { contnet: 'typo' } }] }, 'f.yaml: /fixtures/0/respond: unknown field "contnet"'],
    [{ fixtures: [{ respond: {}, match: { nth: 0 } }] }, 'f.yaml: /fixtures/0/match/nth: must be >= 1'],
    [{ fixtures: [{ respond: { finishReason: 'done' } }] }, 'f.yaml: /fixtures/0/respond/finishReason: must be one of "stop", "length"'],
    [{ fixtures: [{ respond: { error: 418 } }] }, 'f.yaml: /fixtures/0/respond/error: must be one of 400, 401, 402, 403, 422, 429, 500, 503'],
    [{ fixtures: [{ respond: { error: { status: 200 } } }] }, 'f.yaml: /fixtures/0/respond/error/status: must be >= 400'],
    [{ fixtures: [{ respond: { fault: 'explode' } }] }, 'f.yaml: /fixtures/0/respond/fault: must match pattern'],
    [{ fixtures: [{ respond: {}, match: { userMessage: { regex: '(' } } }] }, 'f.yaml: /fixtures/0/match/userMessage/regex: must match format "regex"'],
    [{ fixtures: [{ respond: {}, match: { userMessage: { regex: 'a', flags: 'g' } } }] }, 'f.yaml: /fixtures/0/match/userMessage/flags: must match pattern'],
  ])('reports where and what: %j', (doc, message) => {
    expect(problem(() => validateFixtureFile(doc, 'f.yaml'))).toContain(message);
  });

  it('in-process rules and queued responses are checked the same way', () => {
    expect(problem(() => validateFixtureRules([{ respond: {} }, { respond: { usage: { prompt_tokens: -1 } } }], 'use'))).toBe('use: /1/respond/usage/prompt_tokens: must be >= 0');
    expect(problem(() => validateRespond([{ error: 'nope' }], 'fake.next'))).toContain('fake.next: /0/error: must be one of');
    expect(validateRespond([{ error: 500 }, { content: 'ok' }], 'fake.next')).toHaveLength(2);
  });
});
