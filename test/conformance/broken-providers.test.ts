// The checker against deliberately broken providers: each breaks one rule and the checker must
// report exactly that rule; the correct provider must get no finding at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinCases } from '../../src/conformance/builtin-cases.js';
import { rules } from '../../src/conformance/rules.js';
import { runConformance } from '../../src/conformance/runner.js';
import { brokenProviders } from './broken-providers.js';
import { GOOD_KEY, startProviders } from './correct-provider.js';

let providers: Awaited<ReturnType<typeof startProviders>>;
beforeAll(async () => {
  providers = await startProviders(Object.fromEntries(brokenProviders.map((p) => [p.name, p.mutate])));
});
afterAll(() => providers?.close());

describe('conformance checker against broken providers', () => {
  it('the correct provider passes every built-in case with no finding', async () => {
    const report = await runConformance({ baseUrl: `${providers.url}/correct`, apiKey: GOOD_KEY, concurrency: 4 });
    expect(report.cases.flatMap((c) => c.findings)).toEqual([]);
    expect(report.summary).toMatchObject({ cases: builtinCases.length, passed: builtinCases.length, failed: 0, skipped: 0 });
  });

  it('has at least 20 broken providers covering at least 20 rules', () => {
    expect(brokenProviders.length).toBeGreaterThanOrEqual(20);
    expect(new Set(brokenProviders.map((p) => p.rule)).size).toBeGreaterThanOrEqual(20);
    expect(new Set(brokenProviders.map((p) => p.name)).size).toBe(brokenProviders.length);
  });

  for (const p of brokenProviders) {
    it(`${p.name} → ${p.rule}`, async () => {
      const report = await runConformance({ baseUrl: `${providers.url}/${p.name}`, apiKey: GOOD_KEY, only: p.cases, timeoutMs: p.timeoutMs });
      const found = report.cases.flatMap((c) => c.findings);
      expect([...new Set(found.map((f) => f.rule))], JSON.stringify(found, null, 1)).toEqual([p.rule]);
      const severity = rules[p.rule].severity;
      expect(found.every((f) => f.severity === severity && f.case === p.cases[0])).toBe(true);
      expect(report.summary.failed).toBe(severity === 'error' ? 1 : 0);
    });
  }
});
