// Strict function calling (DeepSeek beta): with `strict: true`, the server checks each function's
// JSON Schema against its strict rules before generating (facts page): every object lists all of
// its properties in `required` and sets `additionalProperties: false`, and the length/size
// keywords are not supported. Nested schemas are checked too; the error names the rule and path.
import { invalidRequest } from '../core/errors.js';
import type { Tool } from '../core/types.js';
import { messages } from './deepseek-messages.js';

const UNSUPPORTED = ['minLength', 'maxLength', 'minItems', 'maxItems'] as const;

export interface StrictViolation {
  /** JSON Pointer into the function's `parameters`, e.g. `#/properties/address`. */
  path: string;
  rule: string;
}

type Schema = Record<string, unknown>;
const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);
const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function isObjectSchema(s: Schema): boolean {
  const t = s.type;
  return t === 'object' || (Array.isArray(t) && t.includes('object')) || (t === undefined && isSchema(s.properties));
}

/** Deeper than this is refused rather than walked, so a hostile body cannot exhaust the stack. */
const MAX_DEPTH = 64;

/** The first strict-mode violation in a parameters schema, depth first in document order. */
export function findStrictViolation(schema: unknown, path = '#', depth = 0): StrictViolation | undefined {
  if (!isSchema(schema)) return undefined;
  if (depth > MAX_DEPTH) return { path, rule: messages.strictTooDeep(MAX_DEPTH) };
  for (const keyword of UNSUPPORTED) {
    if (keyword in schema) return { path, rule: messages.strictUnsupportedKeyword(keyword) };
  }
  if (isObjectSchema(schema)) {
    if (schema.additionalProperties !== false) return { path, rule: messages.strictAdditionalProperties };
    const required = Array.isArray(schema.required) ? (schema.required as unknown[]) : [];
    const properties = isSchema(schema.properties) ? schema.properties : {};
    const missing = Object.keys(properties).find((name) => !required.includes(name));
    if (missing !== undefined) return { path, rule: messages.strictAllRequired(missing) };
  }
  const children: [string, unknown][] = [];
  for (const key of ['properties', '$defs', 'definitions']) {
    if (isSchema(schema[key])) for (const [name, sub] of Object.entries(schema[key])) children.push([`${path}/${key}/${escape(name)}`, sub]);
  }
  for (const key of ['items', 'additionalProperties', 'not']) if (isSchema(schema[key])) children.push([`${path}/${key}`, schema[key]]);
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems', 'items']) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach((sub, i) => children.push([`${path}/${key}/${i}`, sub]));
  }
  for (const [childPath, sub] of children) {
    const found = findStrictViolation(sub, childPath, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Throws DeepSeek-style 400 for the first function that breaks strict mode. Only called under /beta. */
export function checkStrictFunctions(tools: readonly Tool[] | null | undefined): void {
  if (!tools?.length) return;
  const strict = tools.filter((t) => t.function.strict === true);
  if (!strict.length) return;
  // DeepSeek's guide: in strict mode every function in `tools` sets `strict: true`.
  const loose = tools.findIndex((t) => t.function.strict !== true);
  if (loose !== -1) throw invalidRequest(messages.strictMixed(tools[loose]!.function.name), `tools[${loose}].function.strict`);
  tools.forEach((tool, index) => {
    const violation = findStrictViolation(tool.function.parameters);
    if (violation) {
      throw invalidRequest(messages.strictSchema(tool.function.name, violation.rule, violation.path), `tools[${index}].function.parameters`);
    }
  });
}
