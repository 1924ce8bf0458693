// Rules given in-process (fake.use, FakeOptions.fixtures) or read from files → validated rules
// that know their journal name `fixture:<origin>#<name or index>`.
import type { FixtureRule, LoadedFixture } from './fixture-types.js';
import { validateFixtureRules } from './fixture-validate.js';

/** Names already-validated rules after where they came from. */
export function nameFixtures(rules: readonly FixtureRule[], origin: string): LoadedFixture[] {
  return rules.map((rule, i) => ({ ...rule, source: `fixture:${origin}#${rule.name ?? i}` }));
}

/** Validates rules (throws FixtureError naming `origin` and the path) and names them. */
export function prepareFixtures(rules: readonly unknown[], origin: string): LoadedFixture[] {
  return nameFixtures(validateFixtureRules(rules, origin), origin);
}

/** Already-prepared rules (from the file loader) pass through; anything else is validated. */
export function asLoadedFixtures(rules: readonly (FixtureRule | LoadedFixture)[], origin: string): LoadedFixture[] {
  const isLoaded = (r: FixtureRule | LoadedFixture): r is LoadedFixture => typeof (r as LoadedFixture).source === 'string';
  const checked = validateFixtureRules(rules.map((r) => (isLoaded(r) ? { respond: {} } : r)), origin);
  return rules.map((r, i) => (isLoaded(r) ? r : { ...checked[i]!, source: `fixture:${origin}#${checked[i]!.name ?? i}` }));
}
