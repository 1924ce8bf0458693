// The contract itself: a valid OpenAPI 3.1 document whose own examples pass its own schemas.
import { readFileSync } from 'node:fs';
import { validate, compileErrors } from '@readme/openapi-parser';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compileContract } from '../src/contract/compile.js';
import document from '../src/contract/generated/deepseek-openapi.js';

const yamlPath = new URL('../schemas/deepseek.openapi.yaml', import.meta.url);

describe('schemas/deepseek.openapi.yaml', () => {
  it('passes a real OpenAPI validator', async () => {
    const result = await validate(structuredClone(parse(readFileSync(yamlPath, 'utf8'))));
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect(result.specification).toBe('OpenAPI');
  });

  it('is what the generated module holds (gen-contract ran)', () => {
    expect(document).toEqual(parse(readFileSync(yamlPath, 'utf8')));
  });

  // Every example under a media type must validate against that media type's schema.
  const contract = compileContract(document);
  const cases: { where: string; schema: string; value: unknown }[] = [];
  const resolve = (ref: string) => ref.replace('#/components/schemas/', '');
  const walkContent = (where: string, content: Record<string, { schema?: { $ref?: string }; examples?: Record<string, { value: unknown }> }>) => {
    for (const [type, media] of Object.entries(content)) {
      for (const [name, ex] of Object.entries(media.examples ?? {})) {
        cases.push({ where: `${where} ${type} ${name}`, schema: resolve(media.schema!.$ref!), value: ex.value });
      }
    }
  };
  const doc = document as any;
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      if (op.requestBody) walkContent(`${method.toUpperCase()} ${path} request`, op.requestBody.content);
      for (const [status, res] of Object.entries<any>(op.responses)) if (res.content) walkContent(`${method.toUpperCase()} ${path} ${status}`, res.content);
    }
  }
  for (const [name, res] of Object.entries<any>(doc.components.responses)) walkContent(`response ${name}`, res.content);

  it('has examples to check', () => expect(cases.length).toBeGreaterThanOrEqual(6));
  it.each(cases)('example $where validates against $schema', ({ schema, value }) => {
    const v = contract.schema(schema);
    expect(v(value), JSON.stringify(v.errors)).toBe(true);
  });
});
