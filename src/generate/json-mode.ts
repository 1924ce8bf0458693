// JSON mode (`response_format: {type: "json_object"}`): the content is one JSON object. When the
// prompt shows an example object (DeepSeek's docs tell users to), the answer has its keys and types.
import { contentText } from '../core/message-text.js';
import type { Rng } from '../core/random.js';
import type { ChatRequest } from '../core/types.js';
import type { Language } from './language.js';
import { valueFromSchema, type JsonSchema } from './schema-values.js';

/** The first balanced `{...}` in the text that parses as a JSON object. */
export function exampleObject(text: string): Record<string, unknown> | undefined {
  for (let start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
    let depth = 0;
    let inString = false;
    for (let i = start; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        try {
          const v = JSON.parse(text.slice(start, i + 1));
          if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
        } catch {
          /* not JSON; try the next brace */
        }
        break;
      }
    }
  }
  return undefined;
}

/** A schema that an example value satisfies, with every key required. */
export function schemaOfExample(value: unknown): JsonSchema {
  if (value === null) return { type: 'null' };
  if (Array.isArray(value)) return { type: 'array', items: value.length ? schemaOfExample(value[0]) : {}, minItems: Math.min(value.length, 3) || 1 };
  switch (typeof value) {
    case 'object': {
      const entries = Object.entries(value as Record<string, unknown>);
      return { type: 'object', properties: Object.fromEntries(entries.map(([k, v]) => [k, schemaOfExample(v)])), required: entries.map(([k]) => k) };
    }
    case 'number':
      return Number.isInteger(value) ? { type: 'integer', minimum: 0, maximum: Math.max(100, (value as number) * 2) } : { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    default:
      return { type: 'string' };
  }
}

const fallback: JsonSchema = {
  type: 'object',
  properties: { answer: { type: 'string' }, confidence: { type: 'number', minimum: 0, maximum: 1 }, tags: { type: 'array', items: { type: 'string' }, maxItems: 3 } },
  required: ['answer', 'confidence', 'tags'],
};

/** Pretty-printed like the model writes it. */
export function generateJsonContent(body: ChatRequest, rng: Rng, language: Language): string {
  const text = body.messages.map((m) => contentText((m as { content?: never }).content)).join('\n');
  const example = exampleObject(text);
  const schema = example ? schemaOfExample(example) : fallback;
  const value = valueFromSchema(schema, rng, { language, allProperties: true });
  return JSON.stringify(value, null, 2);
}
