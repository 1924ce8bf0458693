// Node-only: loads user cases from a directory of JSON files (one case, or an array of cases, per
// file), so teams add their own requests without writing code.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConformanceCase } from './types.js';

function checkCase(value: unknown, file: string): ConformanceCase {
  const c = value as Partial<ConformanceCase> | null;
  const problem =
    typeof c !== 'object' || c === null
      ? 'is not an object'
      : typeof c.id !== 'string' || !/^[A-Za-z0-9._-]+$/.test(c.id)
        ? 'needs an "id" of letters, digits, ".", "_" or "-"'
        : typeof c.body !== 'object' || c.body === null || Array.isArray(c.body)
          ? 'needs a "body" object (the request without "model")'
          : c.model !== undefined && c.model !== 'chat' && c.model !== 'reasoner'
            ? '"model" must be "chat" or "reasoner"'
            : c.expect !== undefined && (typeof c.expect !== 'object' || c.expect === null)
              ? '"expect" must be an object'
              : null;
  if (problem) throw new Error(`${file}: a case ${problem}`);
  return { title: c!.id!, ...c } as ConformanceCase;
}

export async function loadCaseDir(dir: string): Promise<ConformanceCase[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const out: ConformanceCase[] = [];
  for (const f of files) {
    const path = join(dir, f);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(path, 'utf8'));
    } catch (e) {
      throw new Error(`${path}: ${(e as Error).message}`);
    }
    for (const c of Array.isArray(parsed) ? parsed : [parsed]) out.push(checkCase(c, path));
  }
  return out;
}

/** Built-in cases plus the user's; an id used twice is a mistake, not an override. */
export function mergeCases(builtin: readonly ConformanceCase[], extra: readonly ConformanceCase[]): ConformanceCase[] {
  const seen = new Set<string>();
  for (const c of [...builtin, ...extra]) {
    if (seen.has(c.id)) throw new Error(`Case id "${c.id}" is used twice`);
    seen.add(c.id);
  }
  return [...builtin, ...extra];
}
