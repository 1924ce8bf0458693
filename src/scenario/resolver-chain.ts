// Which scenario answers a valid chat request. The order (docs/decisions/007):
//   1. the `resolveScenario` option   2. a queued response (fake.next)   3. the control header
//   4. fixtures, first match wins     5. nothing: the answer is generated (`default`)
// Every step yields the same Scenario objects; the journal records which one answered.
import type { ChatContext } from '../core/chat.js';
import { FakeError, invalidRequest } from '../core/errors.js';
import type { Scenario } from '../core/scenario-types.js';
import type { FakeStore } from '../core/store.js';
import { fitsMatch } from './fixture-match.js';
import type { LoadedFixture } from './fixture-types.js';
import { CONTROL_HEADER, HeaderGrammarError, parseControlHeader } from './header-control.js';
import { normalizeRespond } from './respond.js';
import type { ProfileErrors } from './error-catalogue.js';

export type ScenarioResolver = (ctx: ChatContext) => Scenario | undefined;

/** `profileErrors`: the profile's documented errors, so error shorthands answer in its terms. */
export function createScenarioResolver(store: FakeStore, custom?: ScenarioResolver, profileErrors?: ProfileErrors): ScenarioResolver {
  return (ctx) => {
    const scenario = pick(ctx, store, custom, profileErrors) ?? { source: 'default', respond: {} };
    const trace = store.traces.get(ctx.request);
    if (trace) {
      trace.validated = true;
      trace.scenario = scenario.source;
    }
    return scenario.source === 'default' ? undefined : scenario;
  };
}

function pick(ctx: ChatContext, store: FakeStore, custom?: ScenarioResolver, profileErrors?: ProfileErrors): Scenario | undefined {
  // nth counts every valid request that fits a rule, whichever step answers it (decision 007).
  const fixtures = store.fixtures();
  const fitting = fixtures.filter((f) => fitsMatch(f.match, ctx));
  for (const f of fitting) if (f.match?.nth !== undefined) store.nthCounts.set(f, (store.nthCounts.get(f) ?? 0) + 1);

  const fromCustom = custom?.(ctx);
  if (fromCustom) return { ...fromCustom, source: `custom:${fromCustom.source}` };

  const queued = store.queue.shift();
  if (queued) return { source: 'queue', respond: normalizeRespond(queued, ctx.apiKey, profileErrors) };

  const header = ctx.request.headers.get(CONTROL_HEADER);
  if (header !== null) {
    try {
      return { source: 'header', respond: parseControlHeader(header, ctx.apiKey, profileErrors) };
    } catch (e) {
      if (e instanceof HeaderGrammarError) throw invalidRequest(`Invalid X-DeepSeek-Fake header: ${e.message}`);
      throw e;
    }
  }

  const hit = fitting.find((f) => f.match?.nth === undefined || store.nthCounts.get(f) === f.match.nth);
  if (hit) return { source: hit.source, respond: respondOf(hit, ctx, profileErrors) };
  return undefined;
}

function respondOf(fixture: LoadedFixture, ctx: ChatContext, profileErrors?: ProfileErrors) {
  try {
    return normalizeRespond(fixture.respond, ctx.apiKey, profileErrors);
  } catch (e) {
    // Validated at load, so this is a bug in the fake; say so in the envelope rather than crash.
    if (e instanceof FakeError) throw e;
    throw invalidRequest(`Fixture ${fixture.source} cannot answer: ${(e as Error).message}`);
  }
}
