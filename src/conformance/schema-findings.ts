// Contract validation through the fake's own compiled validators, reported as findings with paths.
import type { ErrorObject, ValidateFunction } from 'ajv';
import { finding, type RuleId } from './rules.js';
import type { Finding } from './types.js';

/** `/choices/0/message` → `.choices[0].message`. */
export function jsonPath(instancePath: string): string {
  if (!instancePath) return '';
  return instancePath
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`))
    .join('');
}

function valueAt(root: unknown, instancePath: string): unknown {
  let v = root;
  if (!instancePath) return v;
  for (const p of instancePath.slice(1).split('/')) v = v == null ? undefined : (v as Record<string, unknown>)[p.replace(/~1/g, '/').replace(/~0/g, '~')];
  return v;
}

function describe(e: ErrorObject): string {
  if (e.keyword === 'required') return `missing required property "${(e.params as { missingProperty: string }).missingProperty}"`;
  if (e.keyword === 'const') return `must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
  if (e.keyword === 'enum') return `must be one of ${JSON.stringify((e.params as { allowedValues: unknown }).allowedValues)}`;
  return e.message ?? e.keyword;
}

/**
 * Validates `value`; each ajv error becomes a finding at `base + path`. oneOf summaries are dropped
 * when a branch explains the failure better, and at most `limit` findings come back per value.
 */
export function schemaFindings(validate: ValidateFunction, value: unknown, rule: RuleId, base: string, limit = 5): Finding[] {
  if (validate(value)) return [];
  const errors = [...(validate.errors ?? [])];
  const specific = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'discriminator');
  // A oneOf with a `null` branch reports "must be null" next to the real problem; drop that noise.
  const useful = (specific.length ? specific : errors).filter((e) => !(e.keyword === 'type' && (e.params as { type?: string }).type === 'null' && specific.length > 1));
  return useful.slice(0, limit).map((e) => {
    const where = e.keyword === 'required' ? `${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}` : e.instancePath;
    return finding(rule, describe(e), { path: `${base}${jsonPath(where)}`, ...(e.keyword === 'required' ? {} : { value: valueAt(value, e.instancePath) }) });
  });
}

/**
 * A rule-specific finding says more than the schema error at the same spot, so schema findings at
 * or above a specific finding's path are dropped: each broken rule is reported once, by its name.
 */
export function preferSpecific(findings: Finding[]): Finding[] {
  const specificPaths = findings.filter((f) => !f.rule.startsWith('schema.') && f.path).map((f) => f.path!);
  return findings.filter((f) => {
    if (!f.rule.startsWith('schema.') || !f.path) return true;
    const p = f.path;
    return !specificPaths.some((q) => q === p || q.startsWith(`${p}.`) || q.startsWith(`${p}[`) || p.startsWith(`${q}.`) || p.startsWith(`${q}[`));
  });
}
