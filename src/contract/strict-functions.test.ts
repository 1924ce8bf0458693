import { describe, expect, it } from 'vitest';
import { findStrictViolation } from './strict-functions.js';

const ok = {
  type: 'object',
  properties: {
    city: { type: 'string', pattern: '^[A-Z]' },
    address: { type: 'object', properties: { zip: { type: 'string' } }, required: ['zip'], additionalProperties: false },
    tags: { type: 'array', items: { type: 'string' } },
    unit: { anyOf: [{ type: 'string', enum: ['c', 'f'] }, { type: 'null' }] },
  },
  required: ['city', 'address', 'tags', 'unit'],
  additionalProperties: false,
};

describe('findStrictViolation', () => {
  it('accepts a schema that follows every strict rule', () => {
    expect(findStrictViolation(ok)).toBeUndefined();
    expect(findStrictViolation(undefined)).toBeUndefined();
  });

  it('an object without additionalProperties: false, at the root', () => {
    const { additionalProperties: _, ...schema } = ok;
    expect(findStrictViolation(schema)).toEqual({ path: '#', rule: 'every object must set `additionalProperties: false`' });
  });

  it('a property missing from required, nested', () => {
    const schema = structuredClone(ok);
    schema.properties.address.required = [];
    expect(findStrictViolation(schema)).toEqual({ path: '#/properties/address', rule: 'every property must be listed in `required`, and `zip` is not' });
  });

  it.each(['minLength', 'maxLength', 'minItems', 'maxItems'])('%s anywhere is unsupported', (keyword) => {
    const schema = structuredClone(ok) as any;
    const target = keyword.endsWith('Items') ? schema.properties.tags : schema.properties.tags.items;
    target[keyword] = 2;
    const path = keyword.endsWith('Items') ? '#/properties/tags' : '#/properties/tags/items';
    expect(findStrictViolation(schema)).toEqual({ path, rule: `\`${keyword}\` is not supported` });
  });

  it('looks inside anyOf branches and $defs', () => {
    const schema = structuredClone(ok) as any;
    schema.properties.unit.anyOf[0].maxLength = 1;
    expect(findStrictViolation(schema)?.path).toBe('#/properties/unit/anyOf/0');
    const defs = { ...structuredClone(ok), $defs: { 'a/b': { type: 'object', properties: {} } } };
    expect(findStrictViolation(defs)).toEqual({ path: '#/$defs/a~1b', rule: 'every object must set `additionalProperties: false`' });
  });

  it('refuses absurd nesting instead of recursing without bound', () => {
    let schema: any = { type: 'string' };
    for (let i = 0; i < 10_000; i++) schema = { anyOf: [schema] };
    expect(findStrictViolation(schema)?.rule).toMatch(/deeper than 64 levels/);
  });
});
