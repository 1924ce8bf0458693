// The library entry on its own: checks usable inside a team's tests, and the reports.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hi, newFake, post } from '../../test/helpers/fake-client.js';
import { curlCommand } from './curl.js';
import { junitReport, validateCompletion, validateSse, type ConformanceReport } from './index.js';

describe('validateCompletion / validateSse', () => {
  it('a fake answer conforms; a broken one is reported by rule and path', async () => {
    const fake = newFake({ seed: 1 });
    const body = await (await post(fake, hi)).json();
    expect(validateCompletion(body)).toEqual([]);
    const broken = { ...body, usage: { ...body.usage, total_tokens: body.usage.total_tokens + 2 } };
    expect(validateCompletion(broken)).toMatchObject([{ rule: 'usage.total', severity: 'error', path: '$.usage.total_tokens' }]);
    expect(validateCompletion({ ...body, object: 'chat.completion.chunk' })).toMatchObject([{ rule: 'schema.completion', path: '$.object' }]);
  });

  it('reads a ReadableStream, bytes or text', async () => {
    const fake = newFake({ seed: 1 });
    const request = { ...hi, stream: true, stream_options: { include_usage: true } };
    const res = await post(fake, request);
    expect(await validateSse(res.body!, { request })).toEqual([]);
    const text = await (await post(fake, request)).text();
    expect(await validateSse(new TextEncoder().encode(text), { request })).toEqual([]);
    // The same stream checked as if include_usage had not been asked: the usage chunk is unexpected.
    expect((await validateSse(text)).map((f) => f.rule)).toEqual(['stream.usage-chunk']);
  });

  it('every stream the fake writes passes, whatever the scenario', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          content: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
          calls: fc.array(fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }), { maxLength: 2 }),
          reasoning: fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: undefined }),
          usage: fc.boolean(),
        }),
        async ({ content, calls, reasoning, usage }) => {
          const fake = newFake({ resolveScenario: () => ({ source: 'prop', respond: { content, reasoning, toolCalls: calls.map((args, i) => ({ name: `f${i}`, arguments: args })) } }) });
          const request = { ...hi, stream: true, ...(usage ? { stream_options: { include_usage: true } } : {}) };
          const findings = await validateSse((await post(fake, request)).body!, { request });
          expect(findings).toEqual([]);
          const json = await (await post(fake, hi)).json();
          expect(validateCompletion(json, { request: hi })).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('reports', () => {
  it('curl lines quote safely and never carry the configured key', () => {
    const line = curlCommand({ url: 'http://x/chat/completions', body: `{"content":"it's"}`, key: 'sk-secret', secret: true, stream: true });
    expect(line).toBe(`curl -sS -N 'http://x/chat/completions' -H "Authorization: Bearer $DEEPSEEK_API_KEY" -H 'Content-Type: application/json' -d '{"content":"it'\\''s"}'`);
    expect(line).not.toContain('sk-secret');
  });

  it('JUnit XML escapes what providers send and fails warnings only under strict', () => {
    const report: ConformanceReport = {
      baseUrl: 'http://p',
      profile: 'deepseek',
      model: 'deepseek-chat',
      strict: false,
      startedAt: new Date(0).toISOString(),
      durationMs: 5,
      summary: { cases: 1, passed: 1, failed: 0, skipped: 0, errors: 0, warnings: 1 },
      cases: [
        {
          id: 'unknown-model',
          title: 't',
          status: 'passed',
          durationMs: 5,
          curl: "curl 'x' -d '<&>'",
          findings: [{ case: 'unknown-model', rule: 'error.message', severity: 'warning', expected: 'e', actual: 'message is "<b>\u0001"', path: '$.error.message' }],
        },
      ],
    };
    const lax = junitReport(report);
    expect(lax).toContain('failures="0"');
    expect(lax).toContain('<system-out>  warning error.message');
    expect(lax).toContain('&lt;b&gt;\ufffd');
    expect(lax).not.toMatch(/<b>|\u0001/);
    const strict = junitReport({ ...report, strict: true });
    expect(strict).toContain('failures="1"');
    expect(strict).toContain('<failure type="error.message"');
    expect(strict).toContain("-d '&lt;&amp;&gt;'");
  });
});
