// The checker run against the fake itself, for every profile, over HTTP: all cases run, and the
// fake must produce no finding at all. `awaitingGenerator` lists case → rules a case may break while
// the generator lacks a feature; it is empty now that tool calls, JSON mode, logprobs and reasoning exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinCases } from '../../src/conformance/builtin-cases.js';
import { runConformance } from '../../src/conformance/runner.js';
import { getProfile, profiles } from '../../src/profiles/index.js';
import { listen, type RunningServer } from '../../src/server/listen.js';

const KEY = 'sk-conformance-fake-key';

/** case id → the rules it may break until the generator produces that feature. */
const awaitingGenerator: Record<string, readonly string[]> = {};

describe.each(profiles.map((p) => p.name))('conform against the fake, profile %s', (profile) => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await listen({ port: 0, apiKeys: [KEY], profile, seed: 1 });
  });
  afterAll(() => server?.close());

  it('reports no findings on any case', async () => {
    const report = await runConformance({ baseUrl: `${server.url}${getProfile(profile).prefixes[0]}`, apiKey: KEY, profile, concurrency: 4 });
    expect(report.summary.cases).toBe(builtinCases.length);
    const unexpected = report.cases.flatMap((c) => c.findings.filter((f) => f.severity === 'error' && !(awaitingGenerator[c.id] ?? []).includes(f.rule)));
    expect(unexpected).toEqual([]);
    // The error cases answer with DeepSeek's own words, so not even a warning there.
    expect(report.cases.flatMap((c) => c.findings).filter((f) => f.severity === 'warning')).toEqual([]);
  });

  // Every non-beta path prefix the profile documents answers the same way.
  const prefixes = getProfile(profile).prefixes.filter((p) => p !== '/beta');
  it.each(prefixes.slice(1))('the same holds under %s', async (prefix) => {
    const report = await runConformance({ baseUrl: `${server.url}${prefix}`, apiKey: KEY, profile, only: ['basic', 'stream-usage', 'unknown-model'] });
    expect(report.cases.flatMap((c) => c.findings)).toEqual([]);
  });
});
