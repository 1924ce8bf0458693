// Tool-call arguments generated from the function's `parameters` JSON Schema and checked with ajv,
// so a client that validates arguments against its own schema accepts what the fake sends.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { canonicalJson, type Rng } from '../core/random.js';
import type { Language } from './language.js';
import { valueFromSchema, type JsonSchema } from './schema-values.js';

// A memo of compiled schemas, not state: the same schema always compiles to the same validator.
let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction | null>();
const MAX_VALIDATORS = 256;

function validatorFor(schema: JsonSchema): ValidateFunction | null {
  const key = canonicalJson(schema);
  if (validators.has(key)) return validators.get(key)!;
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: false, validateSchema: false });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  }
  let v: ValidateFunction | null;
  try {
    // Draft-07 schemas from tool definitions carry `$schema`/`$id` that would clash across compiles.
    const { $schema: _s, $id: _i, ...rest } = schema as Record<string, unknown>;
    v = ajv.compile(rest);
  } catch {
    v = null; // a schema ajv cannot compile is generated from but not checked
  }
  if (validators.size >= MAX_VALIDATORS) validators.delete(validators.keys().next().value!);
  validators.set(key, v);
  return v;
}

export interface GeneratedArguments {
  value: unknown;
  /** True when ajv accepted the value (or the schema could not be compiled and nothing was checked). */
  valid: boolean;
}

/** Arguments for one call: generated until ajv accepts them (a few tries), the last try otherwise. */
export function generateArguments(parameters: JsonSchema | undefined, rng: Rng, language: Language = 'en'): GeneratedArguments {
  const schema: JsonSchema = parameters && typeof parameters === 'object' && Object.keys(parameters).length ? parameters : { type: 'object', properties: {} };
  const validate = validatorFor(schema);
  let value: unknown = {};
  for (let attempt = 0; attempt < 6; attempt++) {
    value = valueFromSchema(schema, rng, { language, root: schema });
    if (!validate || safeValidate(validate, value)) return { value, valid: true };
  }
  return { value, valid: false };
}

/** A schema like `{"$ref": "#"}` makes ajv recurse forever; such a schema cannot be checked. */
function safeValidate(validate: ValidateFunction, value: unknown): boolean {
  try {
    return validate(value) as boolean;
  } catch {
    return true;
  }
}
