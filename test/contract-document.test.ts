// Every profile's contract: a valid OpenAPI 3.1 document whose own examples pass its own schemas.
// The official document is schemas/deepseek.openapi.yaml; the others are it plus an overlay.
import { readFileSync } from 'node:fs';
import { validate, compileErrors } from '@readme/openapi-parser';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compileContract } from '../src/contract/compile.js';
import document from '../src/contract/generated/deepseek-openapi.js';
import multimodalOverlay from '../src/contract/generated/multimodal-v3-2-overlay.js';
import openaiCompatibleOverlay from '../src/contract/generated/openai-compatible-overlay.js';
import thinkingOverlay from '../src/contract/generated/thinking-switch-overlay.js';
import { profiles } from '../src/profiles/index.js';

const yamlPath = new URL('../schemas/deepseek.openapi.yaml', import.meta.url);

describe('schemas/deepseek.openapi.yaml', () => {
  it('is what the generated module holds (gen-contract ran)', () => {
    expect(document).toEqual(parse(readFileSync(yamlPath, 'utf8')));
  });

  it.each([
    ['openai-compatible', openaiCompatibleOverlay],
    ['multimodal-v3.2', multimodalOverlay],
    ['thinking-switch', thinkingOverlay],
  ])('schemas/%s.overlay.yaml is what its generated module holds', (file, generated) => {
    expect(generated).toEqual(parse(readFileSync(new URL(`../schemas/${file}.overlay.yaml`, import.meta.url), 'utf8')));
  });
});

describe.each(profiles.map((p) => [p.name, p] as const))('profile %s contract', (_name, profile) => {
  it('passes a real OpenAPI validator', async () => {
    const result = await validate(structuredClone(profile.document) as any);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect(result.specification).toBe('OpenAPI');
  });

  // Every example under a media type must validate against that media type's schema.
  const contract = compileContract(profile.document);
  const cases: { where: string; schema: string; value: unknown }[] = [];
  const resolve = (ref: string) => ref.replace('#/components/schemas/', '');
  const walkContent = (where: string, content: Record<string, { schema?: { $ref?: string }; examples?: Record<string, { value: unknown }> }>) => {
    for (const [type, media] of Object.entries(content)) {
      for (const [name, ex] of Object.entries(media.examples ?? {})) {
        cases.push({ where: `${where} ${type} ${name}`, schema: resolve(media.schema!.$ref!), value: ex.value });
      }
    }
  };
  const doc = profile.document as any;
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      if (op.requestBody) walkContent(`${method.toUpperCase()} ${path} request`, op.requestBody.content);
      for (const [status, res] of Object.entries<any>(op.responses)) if (res.content) walkContent(`${method.toUpperCase()} ${path} ${status}`, res.content);
    }
  }
  for (const [name, res] of Object.entries<any>(doc.components.responses)) walkContent(`response ${name}`, res.content);

  it('has examples to check, including a request example', () => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
    expect(cases.some((c) => c.schema === 'ChatCompletionRequest')).toBe(true);
  });
  it.each(cases)('example $where validates against $schema', ({ schema, value }) => {
    const v = contract.schema(schema);
    expect(v(value), JSON.stringify(v.errors)).toBe(true);
  });
  it('serves only models named in its examples or data', () => {
    const example = (doc.paths['/models'].get.responses['200'].content['application/json'].examples as Record<string, { value: { data: { id: string }[] } }>);
    const ids = Object.values(example).flatMap((e) => e.value.data.map((m) => m.id));
    expect(ids.sort()).toEqual(profile.models.map((m) => m.id).sort());
  });
});
