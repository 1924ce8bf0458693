// Rules given in-process (fake.use, FakeOptions.fixtures) or read from files → validated rules
// that know their journal name `fixture:<origin>#<name or index>`.
import type { FixtureRule, LoadedFixture } from './fixture-types.js';
import { validateFixtureRules } from './fixture-validate.js';

/** Validates rules (throws FixtureError naming `origin` and the path) and names them. */
export function prepareFixtures(rules: readonly unknown[], origin: string): LoadedFixture[] {
  return validateFixtureRules(rules, origin).map((rule: FixtureRule, i) => ({ ...rule, source: `fixture:${origin}#${rule.name ?? i}` }));
}

/** Already-prepared rules pass through; anything else is validated. */
export function asLoadedFixtures(rules: readonly (FixtureRule | LoadedFixture)[], origin: string): LoadedFixture[] {
  const ready = rules.every((r) => typeof (r as LoadedFixture).source === 'string');
  return ready ? (rules as LoadedFixture[]) : prepareFixtures(rules, origin);
}
