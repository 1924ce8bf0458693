// Limits and defaults read from a profile's contract document, so a range is written once (in the
// schema) and the "Invalid X value, the valid range of X is …" text follows it.
import type { RangeMessages } from '../contract/request-errors.js';

type Props = Record<string, Record<string, unknown>>;

function requestProperties(document: Record<string, unknown>): Props {
  const schemas = (document as { components?: { schemas?: Record<string, { properties?: Props }> } }).components?.schemas;
  return schemas?.ChatCompletionRequest?.properties ?? {};
}

/** `[0, 1]`, `(0, 1]`: the interval a numeric request field accepts, in DeepSeek's notation. */
export function rangesFromDocument(document: Record<string, unknown>): RangeMessages {
  const out: RangeMessages = {};
  for (const [name, schema] of Object.entries(requestProperties(document))) {
    if (typeof schema !== 'object' || schema === null) continue;
    const low = schema.exclusiveMinimum ?? schema.minimum;
    const high = schema.exclusiveMaximum ?? schema.maximum;
    if (typeof low !== 'number' || typeof high !== 'number') continue;
    out[name] = `${schema.exclusiveMinimum !== undefined ? '(' : '['}${low}, ${high}${schema.exclusiveMaximum !== undefined ? ')' : ']'}`;
    if (name === 'top_logprobs') out.top_logprobs_max = String(high);
  }
  return out;
}

/** The documented default of each request field that has one (temperature 0.95 on V3.2, …). */
export function defaultsFromDocument(document: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(requestProperties(document))) {
    if (typeof schema === 'object' && schema !== null && 'default' in schema) out[name] = schema.default;
  }
  return out;
}
