// Validates fixture files and in-process rules against schemas/fixture.schema.json, and says
// where and what is wrong in one line (`/fixtures/2/respond/error: must be ...`).
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fixtureSchema from '../contract/generated/fixture-schema.js';
import type { FixtureFile, FixtureRule } from './fixture-types.js';
import type { RespondInput } from './respond.js';

/** A fixture (file or object) that does not fit the schema; `path` is the JSON pointer inside it. */
export class FixtureError extends Error {
  constructor(
    readonly where: string,
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${where}: ${path || '/'}: ${problem}`);
    this.name = 'FixtureError';
  }
}

interface Validators {
  file: ValidateFunction;
  rule: ValidateFunction;
  respond: ValidateFunction;
}

// Compiled once per process on first use; the schema is static, so sharing is safe.
let validators: Validators | undefined;

function compiled(): Validators {
  if (!validators) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    ajv.addSchema(fixtureSchema);
    const id = (fixtureSchema as { $id: string }).$id;
    validators = {
      file: ajv.getSchema(id)!,
      rule: ajv.compile({ $ref: `${id}#/$defs/Fixture` }),
      respond: ajv.compile({ $ref: `${id}#/$defs/Respond` }),
    };
  }
  return validators;
}

/** The most useful of ajv's errors: the deepest path, preferring a concrete complaint over anyOf's summary. */
export function describeErrors(errors: readonly ErrorObject[]): { path: string; problem: string } {
  const depth = (e: ErrorObject) => (e.instancePath ? e.instancePath.split('/').length : 0);
  const rank = (e: ErrorObject) => (e.keyword === 'anyOf' || e.keyword === 'oneOf' ? 2 : e.keyword === 'type' || e.keyword === 'enum' ? 1 : 0);
  const best = [...errors].sort((a, b) => depth(b) - depth(a) || rank(a) - rank(b))[0]!;
  let problem = best.message ?? best.keyword;
  const params = best.params as Record<string, unknown>;
  if (best.keyword === 'additionalProperties') problem = `unknown field "${String(params.additionalProperty)}"`;
  else if (best.keyword === 'enum') problem = `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  else if (best.keyword === 'required') problem = `missing field "${String(params.missingProperty)}"`;
  // Sibling errors at the same path (e.g. the other anyOf branches) add what else would fit.
  const alternatives = errors.filter((e) => e !== best && e.instancePath === best.instancePath && e.keyword === 'enum');
  for (const alt of alternatives) problem += ` (or one of ${((alt.params as { allowedValues: unknown[] }).allowedValues).map((v) => JSON.stringify(v)).join(', ')})`;
  return { path: best.instancePath, problem };
}

function check<T>(validate: ValidateFunction, value: unknown, where: string, prefix = ''): T {
  if (!validate(value)) {
    const { path, problem } = describeErrors(validate.errors ?? []);
    throw new FixtureError(where, prefix + path, problem);
  }
  checkRegexes(value, where, prefix);
  return value as T;
}

/** Regex flags and syntax are checked by the schema; this catches what only the engine knows (flag combos). */
function checkRegexes(value: unknown, where: string, path: string): void {
  if (value === null || typeof value !== 'object') return;
  const obj = value as Record<string, unknown>;
  if (typeof obj.regex === 'string') {
    try {
      new RegExp(obj.regex, typeof obj.flags === 'string' ? obj.flags : '');
    } catch (e) {
      throw new FixtureError(where, `${path}/regex`, (e as Error).message);
    }
  }
  for (const [k, v] of Object.entries(obj)) checkRegexes(v, where, `${path}/${k}`);
}

export function validateFixtureFile(value: unknown, where: string): FixtureFile {
  return check<FixtureFile>(compiled().file, value, where);
}

export function validateFixtureRules(rules: readonly unknown[], where: string): FixtureRule[] {
  return rules.map((r, i) => check<FixtureRule>(compiled().rule, r, where, `/${i}`));
}

export function validateRespond(values: readonly unknown[], where: string): RespondInput[] {
  return values.map((r, i) => check<RespondInput>(compiled().respond, r, where, `/${i}`));
}
