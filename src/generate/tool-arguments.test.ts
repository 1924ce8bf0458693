// Tool arguments generated from varied parameter schemas, each result checked by ajv.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random.js';
import { generateArguments } from './tool-arguments.js';
import { fromPattern } from './pattern-strings.js';

// An independent checker (strict formats, all errors), not the generator's own memoised ajv.
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);

const schemas: [string, Record<string, unknown>][] = [
  ['weather: string + enum unit', { type: 'object', properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } }, required: ['city'] }],
  ['no properties', { type: 'object', properties: {} }],
  ['integer bounds', { type: 'object', properties: { count: { type: 'integer', minimum: 3, maximum: 5 } }, required: ['count'] }],
  ['exclusive number bounds', { type: 'object', properties: { ratio: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 } }, required: ['ratio'] }],
  ['multipleOf', { type: 'object', properties: { step: { type: 'number', multipleOf: 0.25, minimum: 1, maximum: 2 }, even: { type: 'integer', multipleOf: 2 } }, required: ['step', 'even'] }],
  ['formats', { type: 'object', properties: { day: { type: 'string', format: 'date' }, at: { type: 'string', format: 'date-time' }, mail: { type: 'string', format: 'email' }, link: { type: 'string', format: 'uri' }, id: { type: 'string', format: 'uuid' }, ip: { type: 'string', format: 'ipv4' } }, required: ['day', 'at', 'mail', 'link', 'id', 'ip'] }],
  ['string lengths', { type: 'object', properties: { code: { type: 'string', minLength: 8, maxLength: 8 }, short: { type: 'string', maxLength: 3 } }, required: ['code', 'short'] }],
  ['pattern', { type: 'object', properties: { sku: { type: 'string', pattern: '^[A-Z]{3}-\\d{4}$' } }, required: ['sku'] }],
  ['nested objects', { type: 'object', properties: { user: { type: 'object', properties: { name: { type: 'string' }, address: { type: 'object', properties: { street: { type: 'string' }, zip: { type: 'string', pattern: '^\\d{5}$' } }, required: ['street', 'zip'] } }, required: ['name', 'address'] } }, required: ['user'] }],
  ['array of objects with bounds', { type: 'object', properties: { items: { type: 'array', minItems: 2, maxItems: 4, items: { type: 'object', properties: { sku: { type: 'string' }, qty: { type: 'integer', minimum: 1 } }, required: ['sku', 'qty'] } } }, required: ['items'] }],
  ['unique enum array', { type: 'object', properties: { tags: { type: 'array', items: { enum: ['a', 'b', 'c'] }, uniqueItems: true, minItems: 2 } }, required: ['tags'] }],
  ['nullable types', { type: 'object', properties: { note: { type: ['string', 'null'] }, n: { type: ['integer', 'null'], minimum: 0 } }, required: ['note', 'n'] }],
  ['const and boolean', { type: 'object', properties: { version: { const: 2 }, dry_run: { type: 'boolean' } }, required: ['version', 'dry_run'] }],
  ['strict mode (additionalProperties false, all required)', { type: 'object', properties: { query: { type: 'string' }, limit: { type: 'integer' } }, required: ['query', 'limit'], additionalProperties: false }],
  ['$ref into $defs', { type: 'object', $defs: { point: { type: 'object', properties: { x: { type: 'number' }, y: { type: 'number' } }, required: ['x', 'y'] } }, properties: { from: { $ref: '#/$defs/point' }, to: { $ref: '#/$defs/point' } }, required: ['from', 'to'] }],
  ['oneOf branches', { type: 'object', properties: { target: { oneOf: [{ type: 'string', format: 'email' }, { type: 'integer', minimum: 1000 }] } }, required: ['target'] }],
  ['anyOf with null', { type: 'object', properties: { when: { anyOf: [{ type: 'null' }, { type: 'string', format: 'date' }] } }, required: ['when'] }],
  ['allOf merge', { allOf: [{ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }, { properties: { b: { type: 'integer', maximum: -1 } }, required: ['b'] }] }],
  ['prefixItems tuple', { type: 'object', properties: { pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], minItems: 2, maxItems: 2 } }, required: ['pair'] }],
  ['minProperties with additionalProperties schema', { type: 'object', additionalProperties: { type: 'integer' }, minProperties: 2 }],
  ['draft-07 with $schema and definitions', { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', definitions: { lang: { type: 'string', enum: ['en', 'zh'] } }, properties: { lang: { $ref: '#/definitions/lang' } }, required: ['lang'] }],
];

describe('tool arguments from the parameters schema', () => {
  it.each(schemas)('%s: 20 seeds, every value valid per ajv', (_name, schema) => {
    const { $schema: _s, ...compilable } = schema;
    const check = ajv.compile(compilable);
    for (let seed = 1; seed <= 20; seed++) {
      const { value, valid } = generateArguments(schema, createRng(seed));
      expect(valid).toBe(true);
      expect(check(value), `${JSON.stringify(value)} ${JSON.stringify(check.errors)}`).toBe(true);
      // Arguments go out as a JSON object string.
      expect(typeof value).toBe('object');
      expect(JSON.parse(JSON.stringify(value))).toEqual(value);
    }
  });

  it('is deterministic per seed and varies across seeds', () => {
    const schema = schemas[0]![1];
    expect(generateArguments(schema, createRng(5)).value).toEqual(generateArguments(schema, createRng(5)).value);
    const values = new Set(Array.from({ length: 10 }, (_, i) => JSON.stringify(generateArguments(schema, createRng(i)).value)));
    expect(values.size).toBeGreaterThan(3);
  });

  it('free-text fields are Chinese when the prompt is', () => {
    const schema = { type: 'object', properties: { topic: { type: 'string' } }, required: ['topic'] };
    const zh = generateArguments(schema, createRng(1), 'zh').value as { topic: string };
    expect(zh.topic).toMatch(/[\u4e00-\u9fff]/);
  });

  it('simple regex patterns produce matching strings', () => {
    for (const p of ['^[a-f0-9]{6}$', '^\\d{3}-\\d{2}$', '^ab[xyz]+c?$']) {
      const s = fromPattern(p, { rng: createRng(3) })!;
      expect(s).toMatch(new RegExp(p));
    }
    expect(fromPattern('^(a|b)$', { rng: createRng(1) })).toBeUndefined();
  });
});

describe('odd parameter schemas never crash the generator', () => {
  it('cycles, dangling refs, non-object schemas and arbitrary JSON', async () => {
    const fc = await import('fast-check');
    for (const schema of [{ $ref: '#' }, { type: 'object', properties: { a: { $ref: '#/nope' } }, required: ['a'] }, { type: 'string' }, { allOf: [null, 3] }, { type: 'object', properties: { self: { $ref: '#' } }, required: ['self'] }]) {
      expect(() => generateArguments(schema as never, createRng(1))).not.toThrow();
    }
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer(), (schema, seed) => {
        const value = generateArguments(schema as never, createRng(seed)).value;
        expect(() => JSON.stringify(value)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

describe('determinism does not depend on what ran before', () => {
  it('the same seed gives the same Chinese arguments after unrelated faker use', async () => {
    const { fakerEN } = await import('./seeded-faker.js');
    const schema = { type: 'object', properties: { mail: { type: 'string', format: 'email' }, site: { type: 'string', format: 'uri' }, city: { type: 'string' } }, required: ['mail', 'site', 'city'] };
    const a = generateArguments(schema, createRng(4), 'zh').value;
    fakerEN.seed(999);
    fakerEN.internet.email();
    expect(generateArguments(schema, createRng(4), 'zh').value).toEqual(a);
  });
});
