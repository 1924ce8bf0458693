// A value that satisfies a JSON Schema, built from the schema itself: types, enums and consts,
// nested objects and arrays, required fields, string formats, length and numeric bounds, $ref,
// allOf/anyOf/oneOf. Property names steer the wording (a `city` gets a city, an `email` an email).
import type { Faker } from '@faker-js/faker';
import type { Rng } from '../core/random.js';
import { chinesePhrase } from './chinese-text.js';
import type { Language } from './language.js';
import { fromPattern } from './pattern-strings.js';
import { fakerEN, fakerZH_CN } from './seeded-faker.js';

export type JsonSchema = Record<string, unknown> | boolean;
type Obj = Record<string, unknown>;

export interface SchemaValueOptions {
  language?: Language;
  /** The whole schema, for `$ref` lookups. */
  root?: JsonSchema;
  /** Include every optional property too (JSON mode examples). */
  allProperties?: boolean;
}

const MAX_DEPTH = 8;

export function valueFromSchema(schema: JsonSchema, rng: Rng, options: SchemaValueOptions = {}): unknown {
  const faker = options.language === 'zh' ? fakerZH_CN : fakerEN;
  // Both are seeded: formats (emails, URLs) always come from the English one.
  const seed = rng.seed();
  fakerEN.seed(seed);
  fakerZH_CN.seed(seed);
  return gen(schema, '', 0, { rng, faker, language: options.language ?? 'en', root: options.root ?? schema, all: options.allProperties ?? false });
}

interface Ctx {
  rng: Rng;
  faker: Faker;
  language: Language;
  root: JsonSchema;
  all: boolean;
}

function resolveRef(ref: string, root: JsonSchema): JsonSchema {
  if (!ref.startsWith('#')) return {};
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = node && typeof node === 'object' ? (node as Obj)[key] : undefined;
  }
  return (node as JsonSchema) ?? {};
}

/** allOf merged into one schema (properties and required united, other keywords last-wins). */
function flatten(schema: Obj, root: JsonSchema, hops = 0): Obj {
  let s = schema;
  // A $ref cycle with no object in between (`{"$ref": "#"}`) would never end: give up after a few hops.
  if (hops > 16) return {};
  if (typeof s.$ref === 'string') {
    const { $ref, ...rest } = s;
    const target = resolveRef($ref as string, root);
    s = { ...(target && typeof target === 'object' ? flatten(target as Obj, root, hops + 1) : {}), ...rest };
  }
  if (Array.isArray(s.allOf)) {
    const { allOf, ...rest } = s;
    let merged: Obj = { ...rest };
    for (const part of allOf as JsonSchema[]) {
      if (!part || typeof part !== 'object') continue;
      const p = flatten(part as Obj, root, hops + 1);
      merged = {
        ...merged,
        ...p,
        properties: { ...(merged.properties as Obj), ...(p.properties as Obj) },
        required: [...new Set([...((merged.required as string[]) ?? []), ...((p.required as string[]) ?? [])])],
      };
    }
    s = merged;
  }
  return s;
}

function typeOf(s: Obj, ctx: Ctx): string {
  const t = s.type;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) {
    const nonNull = t.filter((x) => x !== 'null');
    return (nonNull.length ? ctx.rng.pick(nonNull) : 'null') as string;
  }
  if (s.properties || s.required || s.additionalProperties !== undefined) return 'object';
  if (s.items || s.prefixItems) return 'array';
  if (s.minimum !== undefined || s.maximum !== undefined) return 'number';
  if (s.format || s.pattern || s.minLength !== undefined) return 'string';
  return 'string';
}

function gen(schema: JsonSchema, name: string, depth: number, ctx: Ctx): unknown {
  if (schema === true || schema === undefined) return plainString(name, ctx);
  if (schema === false) return null;
  const s = flatten(schema, ctx.root);
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum) && s.enum.length) return ctx.rng.pick(s.enum);
  if ('default' in s && ctx.rng.next() < 0.3) return s.default;
  const options = (s.oneOf ?? s.anyOf) as JsonSchema[] | undefined;
  if (Array.isArray(options) && options.length) {
    // oneOf must match exactly one branch: prefer a branch that is not just null, first to last.
    const { oneOf: _o, anyOf: _a, ...rest } = s;
    const branch = options.find((o) => typeof o === 'object' && (o as Obj).type !== 'null') ?? options[0]!;
    return gen(typeof branch === 'object' ? { ...rest, ...branch } : branch, name, depth, ctx);
  }
  switch (typeOf(s, ctx)) {
    case 'object':
      return depth >= MAX_DEPTH ? {} : object(s, depth, ctx);
    case 'array':
      return depth >= MAX_DEPTH ? [] : array(s, name, depth, ctx);
    case 'integer':
      return integer(s, ctx);
    case 'number':
      return number(s, ctx);
    case 'boolean':
      return ctx.rng.next() < 0.5;
    case 'null':
      return null;
    default:
      return string(s, name, ctx);
  }
}

function object(s: Obj, depth: number, ctx: Ctx): Obj {
  const props = (s.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((s.required as string[]) ?? []);
  const out: Obj = {};
  for (const [key, sub] of Object.entries(props)) {
    if (required.has(key) || ctx.all || ctx.rng.next() < 0.5) out[key] = gen(sub, key, depth + 1, ctx);
  }
  // Required names without a property schema: anything allowed by additionalProperties.
  for (const key of required) {
    if (!(key in out)) out[key] = gen(typeof s.additionalProperties === 'object' ? (s.additionalProperties as JsonSchema) : true, key, depth + 1, ctx);
  }
  const min = (s.minProperties as number) ?? 0;
  for (let i = 0; Object.keys(out).length < min && s.additionalProperties !== false; i++) {
    out[`field_${i + 1}`] = gen(typeof s.additionalProperties === 'object' ? (s.additionalProperties as JsonSchema) : true, 'value', depth + 1, ctx);
  }
  return out;
}

function array(s: Obj, name: string, depth: number, ctx: Ctx): unknown[] {
  const prefix = (s.prefixItems as JsonSchema[]) ?? [];
  const min = Math.max((s.minItems as number) ?? 1, prefix.length);
  const max = Math.max(min, Math.min((s.maxItems as number) ?? min + 2, min + 3));
  const count = ctx.rng.int(min, max);
  const items = (s.items ?? true) as JsonSchema;
  const singular = name.endsWith('s') ? name.slice(0, -1) : name;
  const out: unknown[] = [];
  const seen = new Set<string>();
  for (let i = 0, tries = 0; out.length < count && tries < count * 8; tries++) {
    const value = i < prefix.length ? gen(prefix[i]!, singular, depth + 1, ctx) : gen(items, singular, depth + 1, ctx);
    const key = JSON.stringify(value);
    if (s.uniqueItems && seen.has(key)) continue;
    seen.add(key);
    out.push(value);
    i++;
  }
  return out;
}

function bounds(s: Obj, fallbackMin: number, fallbackMax: number): [number, number] {
  let min = typeof s.minimum === 'number' ? s.minimum : fallbackMin;
  let max = typeof s.maximum === 'number' ? s.maximum : Math.max(fallbackMax, min + fallbackMax - fallbackMin);
  if (typeof s.exclusiveMinimum === 'number') min = Math.max(min, s.exclusiveMinimum);
  if (typeof s.exclusiveMaximum === 'number') max = Math.min(max, s.exclusiveMaximum);
  if (typeof s.minimum !== 'number' && typeof s.exclusiveMinimum !== 'number' && max < min) min = max - (fallbackMax - fallbackMin);
  return [min, max];
}

function integer(s: Obj, ctx: Ctx): number {
  const [lo, hi] = bounds(s, 1, 100);
  let min = Math.ceil(lo);
  let max = Math.floor(hi);
  if (typeof s.exclusiveMinimum === 'number' && min === s.exclusiveMinimum) min++;
  if (typeof s.exclusiveMaximum === 'number' && max === s.exclusiveMaximum) max--;
  const step = typeof s.multipleOf === 'number' && Number.isInteger(s.multipleOf) ? s.multipleOf : 1;
  const first = Math.ceil(min / step) * step;
  const steps = Math.max(0, Math.floor((max - first) / step));
  return first + ctx.rng.int(0, steps) * step;
}

function number(s: Obj, ctx: Ctx): number {
  if (typeof s.multipleOf === 'number') return multipleOf(s, ctx);
  const [min, max] = bounds(s, 0, 100);
  const span = max - min;
  let v = Math.round((min + ctx.rng.next() * span) * 100) / 100;
  if (v <= min && typeof s.exclusiveMinimum === 'number') v = min + span / 2;
  if (v >= max && typeof s.exclusiveMaximum === 'number') v = min + span / 2;
  return Math.min(Math.max(v, min), max);
}

function multipleOf(s: Obj, ctx: Ctx): number {
  const step = s.multipleOf as number;
  const [min, max] = bounds(s, 0, 100);
  const first = Math.ceil(min / step);
  const last = Math.floor(max / step);
  const k = ctx.rng.int(first, Math.max(first, last));
  return Number((k * step).toPrecision(12));
}

const byName: [RegExp, (f: Faker) => string][] = [
  [/city/i, (f) => f.location.city()],
  [/country/i, (f) => f.location.country()],
  [/(address|street)/i, (f) => f.location.streetAddress()],
  [/(^|_)(first_?name)$/i, (f) => f.person.firstName()],
  [/(^|_)(last_?name|surname)$/i, (f) => f.person.lastName()],
  [/(^|_)(name|author|user(name)?)$/i, (f) => f.person.fullName()],
  [/(company|organization)/i, (f) => f.company.name()],
  [/phone/i, (f) => f.phone.number()],
  [/(lang|language)/i, (f) => f.helpers.arrayElement(['en', 'zh', 'fr', 'de', 'ja'])],
  [/(unit)/i, (f) => f.helpers.arrayElement(['celsius', 'fahrenheit'])],
  [/(color|colour)/i, (f) => f.color.human()],
  [/(currency)/i, (f) => f.finance.currencyCode()],
  [/(path|file)/i, (f) => f.system.filePath()],
  [/(query|search|keyword)/i, (f) => f.word.words({ count: { min: 2, max: 4 } })],
];

// Free text: faker's lorem is Latin, so English uses catch phrases and Chinese our own phrases.
const freeText = /(title|subject|topic|description|summary|text|content|message|body|comment|note|reason|question|answer)/i;

function plainString(name: string, ctx: Ctx): string {
  if (freeText.test(name)) return ctx.language === 'zh' ? chinesePhrase(ctx.rng) : fakerEN.company.catchPhrase();
  const hit = byName.find(([re]) => re.test(name));
  if (hit) return hit[1](ctx.faker);
  return ctx.language === 'zh' ? chinesePhrase(ctx.rng) : ctx.faker.word.words({ count: { min: 1, max: 3 } });
}

function formatted(format: string, ctx: Ctx): string | undefined {
  const date = new Date(Date.UTC(2024, 0, 1) + ctx.rng.int(0, 730) * 86_400_000 + ctx.rng.int(0, 86_399) * 1000);
  switch (format) {
    case 'date':
      return date.toISOString().slice(0, 10);
    case 'date-time':
      return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
    case 'time':
      return `${date.toISOString().slice(11, 19)}Z`;
    case 'email':
      return fakerEN.internet.email().toLowerCase();
    case 'uri':
    case 'url':
    case 'iri':
      return fakerEN.internet.url();
    case 'uri-reference':
      return `/${fakerEN.word.noun()}/${ctx.rng.int(1, 999)}`;
    case 'uuid':
      return ctx.rng.uuid();
    case 'ipv4':
      return fakerEN.internet.ipv4();
    case 'ipv6':
      return fakerEN.internet.ipv6();
    case 'hostname':
      return fakerEN.internet.domainName();
    case 'duration':
      return `PT${ctx.rng.int(1, 59)}M`;
    default:
      return undefined;
  }
}

function string(s: Obj, name: string, ctx: Ctx): string {
  let value = (typeof s.format === 'string' && formatted(s.format, ctx)) || (typeof s.pattern === 'string' ? fromPattern(s.pattern, ctx) : undefined) || plainString(name, ctx);
  const min = (s.minLength as number) ?? 0;
  const max = (s.maxLength as number) ?? Infinity;
  const chars = [...value];
  if (chars.length > max) value = chars.slice(0, max).join('').trimEnd().padEnd(Math.min(max, Math.max(min, 1)), 'x').slice(0, max);
  while ([...value].length < min) value += ctx.language === 'zh' ? '的' : 'x';
  return value;
}
