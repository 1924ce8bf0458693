// Turns the first ajv error on a request into DeepSeek's answer. Range violations on documented
// parameters get DeepSeek's exact "Invalid X value" text; shape errors get serde-style text
// ("messages[0].role: unknown variant `developer`, expected one of ...  at line 1 column 40"),
// the way DeepSeek's Rust deserializer words them.
import type { ErrorObject } from 'ajv';
import { apiError, type ApiError } from '../core/errors.js';
import { messages } from './deepseek-messages.js';
import { positionOf, type JsonPath } from './json-position.js';

export interface RangeMessages {
  /** field name → the range text DeepSeek prints, e.g. temperature → "[0, 2]". */
  [field: string]: string;
}

function pathParts(instancePath: string): JsonPath {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** serde_path_to_error's format: `messages[0].content`. */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out;
}

function describeFound(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'sequence';
  switch (typeof value) {
    case 'string':
      return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case 'number':
      return Number.isInteger(value) ? `integer \`${value}\`` : `floating point \`${value}\``;
    case 'boolean':
      return `boolean \`${value}\``;
    default:
      return 'map';
  }
}

function describeExpected(types: string[]): string {
  const words = types
    .filter((t) => t !== 'null')
    .map((t) => ({ string: 'a string', number: 'f64', integer: 'u32', boolean: 'a boolean', array: 'a sequence', object: 'a map' })[t] ?? t);
  return words.length ? words.join(' or ') : 'null';
}

function valueAt(body: unknown, path: JsonPath): unknown {
  let v: unknown = body;
  for (const p of path) v = v == null ? undefined : (v as Record<string | number, unknown>)[p];
  return v;
}

/** Keywords serde hits while deserializing; range checks run only after deserialization succeeds. */
const SHAPE = new Set(['type', 'required', 'const', 'enum', 'discriminator', 'oneOf', 'additionalProperties', 'false schema']);
/** Among errors at one place, the most telling wins (a oneOf's own error least). */
const preference = ['false schema', 'discriminator', 'const', 'enum', 'type', 'required', 'additionalProperties', 'oneOf', 'minItems', 'maxItems', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'pattern'];

function rank(e: ErrorObject): number {
  const r = preference.indexOf(e.keyword);
  return r === -1 ? preference.length : r;
}

/**
 * Picks the error DeepSeek would report. Deserialization errors come first, and serde reports the
 * first one in text order, innermost first (a missing field is noticed only when its object closes).
 * ajv also reports every failed oneOf branch; an error at an ancestor of another error is such noise.
 */
function pickError(all: ErrorObject[], raw: string): ErrorObject {
  // A oneOf branch whose type did not fit is noise when another branch fit the type and failed
  // further on (an over-long `stop` array fails maxItems; its "must be string" branch explains nothing).
  const within = (e: ErrorObject, p: string) => e.instancePath === p || e.instancePath.startsWith(`${p}/`);
  const errors = all.filter((e) => {
    if (e.keyword === 'oneOf') return all.every((o) => o.keyword === 'oneOf' || o.keyword === 'type');
    if (e.keyword !== 'type') return true;
    return !all.some((o) => o.keyword !== 'type' && o.keyword !== 'oneOf' && within(o, e.instancePath));
  });
  const shape = errors.filter((e) => SHAPE.has(e.keyword) && !(e.keyword === 'type' && e.params.type === 'null'));
  if (shape.length) {
    const isAncestor = (a: string, b: string) => b !== a && b.startsWith(`${a}/`);
    const leaves = shape.filter((e) => !shape.some((o) => isAncestor(e.instancePath, o.instancePath)));
    const pool = leaves.length ? leaves : shape;
    const offset = (e: ErrorObject) => {
      const p = positionOf(raw, pathParts(e.instancePath));
      return p.line * 1e9 + p.column;
    };
    return pool.map((e) => ({ e, at: offset(e) })).sort((a, b) => a.at - b.at || rank(a.e) - rank(b.e))[0]!.e;
  }
  return [...errors].sort((a, b) => rank(a) - rank(b))[0]!;
}

export interface RequestErrorContext {
  raw: string;
  body: unknown;
  ranges: RangeMessages;
  /** The top-level fields the dialect documents, listed in serde's "unknown field" message. */
  fields?: readonly string[];
}

export function requestSchemaError(errors: ErrorObject[], ctx: RequestErrorContext): ApiError {
  const error = pickError(errors, ctx.raw);
  const path = pathParts(error.instancePath);
  const field = formatPath(path);
  const top = path.length === 1 ? String(path[0]) : undefined;
  const bad = (message: string, param: string | null = field || null) => apiError(400, 'invalid_request_error', message, param);
  const at = (p: JsonPath) => {
    const pos = positionOf(ctx.raw, p);
    return ` at line ${pos.line} column ${pos.column}`;
  };
  const serde = (p: JsonPath, text: string) => bad(`${p.length ? `${formatPath(p)}: ` : ''}${text}${at(p)}`, p.length ? formatPath(p) : null);

  switch (error.keyword) {
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      if (top === 'top_logprobs') return bad(messages.topLogprobsRange(Number(ctx.ranges.top_logprobs_max ?? 20)));
      if (top && ctx.ranges[top]) return bad(messages.range(top, ctx.ranges[top]!));
      return bad(`Invalid ${field} value: ${error.message}`);
    case 'minItems':
      if (field === 'messages') return bad(messages.emptyMessages);
      return bad(`Invalid ${field} value: ${error.message}`);
    case 'maxItems':
      return bad(`Invalid ${field} value, ${field} must have at most ${error.params.limit} items`);
    case 'pattern':
      return bad(`Invalid ${field} value ${JSON.stringify(valueAt(ctx.body, path))}: must match the pattern ${error.params.pattern}`);
    case 'false schema': {
      // A field this dialect rejects by name (`thinking` outside the thinking-switch profile):
      // serde's deny_unknown_fields wording, reported at the object that holds it.
      const name = String(path[path.length - 1]);
      const expected = (ctx.fields ?? []).map((f) => `\`${f}\``).join(', ');
      const text = `unknown field \`${name}\`${expected ? `, expected one of ${expected}` : ''}`;
      return bad(`${path.length > 1 ? `${formatPath(path.slice(0, -1))}: ` : ''}${text}${at(path)}`, field);
    }
    case 'required':
      return serde(path, `missing field \`${error.params.missingProperty}\``);
    case 'discriminator': {
      const tag = error.params.tag as string;
      const value = valueAt(ctx.body, [...path, tag]);
      if (error.params.error === 'mapping' || typeof value === 'string') {
        return serde([...path, tag], `unknown variant \`${String(value)}\`, expected one of \`system\`, \`user\`, \`assistant\`, \`tool\``);
      }
      return serde(path, `missing field \`${tag}\``);
    }
    case 'const':
    case 'enum': {
      const allowed: unknown[] = error.keyword === 'const' ? [error.params.allowedValue] : (error.params.allowedValues as unknown[]);
      const value = valueAt(ctx.body, path);
      if (typeof value !== 'string') return serde(path, `invalid type: ${describeFound(value)}, expected a string`);
      const list = allowed.map((a) => `\`${String(a)}\``).join(', ');
      return serde(path, `unknown variant \`${value}\`, expected ${allowed.length === 1 ? list : `one of ${list}`}`);
    }
    case 'type': {
      // Each branch of a oneOf reports its own type; together they say what would have been accepted.
      const types = errors
        .filter((e) => e.keyword === 'type' && e.instancePath === error.instancePath)
        .flatMap((e) => (Array.isArray(e.params.type) ? (e.params.type as string[]) : String(e.params.type).split(',')));
      return serde(path, `invalid type: ${describeFound(valueAt(ctx.body, path))}, expected ${describeExpected([...new Set(types)])}`);
    }
    case 'oneOf': {
      const value = valueAt(ctx.body, path);
      return serde(path, `invalid value: ${describeFound(value)}, data did not match any variant`);
    }
    default:
      return bad(`Invalid ${field || 'request'} value: ${error.message ?? error.keyword}`);
  }
}
