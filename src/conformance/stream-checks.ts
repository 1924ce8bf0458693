// The rules of a chat stream beyond each chunk's schema: framing, one identity across chunks,
// one finish_reason per choice at its end, usage where the contract puts it, well-formed tool-call
// deltas, and deltas that add up to a valid chat.completion.
import type { Contract } from '../contract/compile.js';
import { accumulateChunksLoose } from '../serialize/accumulate-loose.js';
import { checkCompletion } from './completion-checks.js';
import { finding } from './rules.js';
import { schemaFindings } from './schema-findings.js';
import { parseSse } from './sse-parse.js';
import type { CaseExpect, Finding } from './types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface StreamCheckInput {
  contract: Contract;
  /** The raw SSE text. */
  text: string;
  request: Record<string, unknown>;
  expect?: CaseExpect;
}

export function checkStream(input: StreamCheckInput): Finding[] {
  const { contract, request } = input;
  const parsed = parseSse(input.text);
  const out: Finding[] = [...parsed.findings];
  const chunks = parsed.chunks.map((c) => c.value);
  const at = (i: number) => `chunk[${i}]`;
  chunks.forEach((c, i) => out.push(...schemaFindings(contract.chunk, c, 'schema.chunk', at(i), 3)));
  if (!chunks.length) return out;

  // One identity for the whole stream; a missing field is the schema's finding, not this one's.
  const first = chunks.find(isObj) ?? {};
  for (const [field, rule] of [['id', 'stream.same-id'], ['created', 'stream.same-created'], ['model', 'stream.same-model']] as const) {
    const i = chunks.findIndex((c) => isObj(c) && c[field] !== undefined && c[field] !== first[field]);
    if (i >= 0) out.push(finding(rule, `${field} changes from ${JSON.stringify(first[field])} to ${JSON.stringify((chunks[i] as Obj)[field])}`, { path: `${at(i)}.${field}`, value: (chunks[i] as Obj)[field] }));
  }

  // finish_reason: exactly once per choice, in the last chunk that carries that choice.
  const byChoice = new Map<number, { last: number; finishes: number[] }>();
  chunks.forEach((c, i) => {
    if (!isObj(c) || !Array.isArray(c.choices)) return;
    for (const ch of c.choices) {
      if (!isObj(ch)) continue;
      const index = typeof ch.index === 'number' ? ch.index : 0;
      const s = byChoice.get(index) ?? { last: -1, finishes: [] };
      s.last = i;
      if (ch.finish_reason != null) s.finishes.push(i);
      byChoice.set(index, s);
    }
  });
  for (const [index, s] of byChoice) {
    if (s.finishes.length === 1 && s.finishes[0] === s.last) continue;
    const where = s.finishes.find((i) => i !== s.last) ?? s.last;
    const actual = s.finishes.length === 0 ? `choice ${index} never gets a finish_reason` : `choice ${index} gets finish_reason in chunks ${s.finishes.join(', ')}; its last chunk is ${s.last}`;
    out.push(finding('stream.finish-reason', actual, { path: `${at(where)}.choices`, value: s.finishes.length }));
  }

  out.push(...usageFindings(chunks, request));
  out.push(...toolDeltaFindings(chunks));

  const completion = accumulateChunksLoose(chunks);
  // A broken chunk or delta already explains a broken sum; report the sum only when every part passed.
  const partsBroken = out.some((f) => f.severity === 'error' && /^(schema\.chunk|sse\.|tool-delta\.)/.test(f.rule));
  if (!partsBroken) {
    // A stream carries usage only when it sends it (include_usage, or the live API's final-chunk
    // variant); a contract that requires usage on JSON bodies cannot ask the sum for one it never got.
    const streamedUsage = chunks.some((c) => isObj(c) && isObj(c.usage));
    const accumulated = schemaFindings(contract.completion, completion, 'schema.completion', 'stream').filter(
      (f) => streamedUsage || f.path !== 'stream.usage',
    );
    for (const f of accumulated) {
      out.push({ ...f, rule: 'stream.accumulated', severity: 'error', expected: 'the deltas add up to a valid chat.completion' });
    }
  }
  const usageIndex = chunks.findIndex((c) => isObj(c) && isObj(c.usage));
  out.push(...checkCompletion({ completion, request, expect: input.expect, base: 'stream', usagePath: usageIndex >= 0 ? `${at(usageIndex)}.usage` : undefined, requireUsage: false }));
  return out;
}

function usageFindings(chunks: unknown[], request: Record<string, unknown>): Finding[] {
  const asked = isObj(request.stream_options) && request.stream_options.include_usage === true;
  const last = chunks.length - 1;
  const withUsage = chunks.map((c, i) => (isObj(c) && c.usage != null ? i : -1)).filter((i) => i >= 0);
  const isUsageChunk = (i: number) => {
    const c = chunks[i] as Obj;
    return Array.isArray(c.choices) && c.choices.length === 0 && isObj(c.usage);
  };
  const finishChunk = (i: number) => {
    const c = chunks[i] as Obj;
    return Array.isArray(c.choices) && c.choices.some((ch) => isObj(ch) && ch.finish_reason != null);
  };
  const out: Finding[] = [];
  const separate = withUsage.filter(isUsageChunk);
  if (asked) {
    if (separate.length === 1 && separate[0] === last) {
      // as documented
    } else if (separate.length === 0 && withUsage.length === 1 && finishChunk(withUsage[0]!)) {
      out.push(finding('stream.usage-on-final-chunk', 'usage came on the finish_reason chunk, not in a separate chunk', { path: `chunk[${withUsage[0]}].usage` }));
      return out;
    } else {
      const actual = separate.length === 0 ? 'no chunk with choices: [] carries the usage' : `usage chunks at ${separate.join(', ')} of ${chunks.length}`;
      out.push(finding('stream.usage-chunk', actual, { path: separate.length ? `chunk[${separate[0]}]` : `chunk[${last}]` }));
    }
  } else if (separate.length) {
    out.push(finding('stream.usage-chunk', 'a usage chunk came without stream_options.include_usage', { path: `chunk[${separate[0]}]` }));
  } else if (withUsage.length === 1 && finishChunk(withUsage[0]!)) {
    out.push(finding('stream.usage-on-final-chunk', 'usage came on the finish_reason chunk without include_usage', { path: `chunk[${withUsage[0]}].usage` }));
    return out;
  }
  const stray = withUsage.find((i) => !isUsageChunk(i));
  if (stray !== undefined) out.push(finding('stream.usage-null', `chunk ${stray} carries usage`, { path: `chunk[${stray}].usage`, value: (chunks[stray] as Obj).usage }));
  return out;
}

function toolDeltaFindings(chunks: unknown[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  chunks.forEach((c, i) => {
    if (!isObj(c) || !Array.isArray(c.choices)) return;
    c.choices.forEach((ch, k) => {
      const d = isObj(ch) && isObj(ch.delta) ? ch.delta : {};
      if (!Array.isArray(d.tool_calls)) return;
      d.tool_calls.forEach((t, j) => {
        const path = `chunk[${i}].choices[${k}].delta.tool_calls[${j}]`;
        if (!isObj(t)) return;
        if (typeof t.index !== 'number') {
          out.push(finding('tool-delta.index', 'a tool-call delta has no index', { path, value: t }));
          return;
        }
        const key = `${isObj(ch) ? ch.index : k}/${t.index}`;
        if (seen.has(key)) return;
        seen.add(key);
        const fn = isObj(t.function) ? t.function : {};
        if (typeof t.id !== 'string' || t.type !== 'function' || typeof fn.name !== 'string') {
          out.push(finding('tool-delta.first', `the first delta of tool call ${t.index} lacks ${[typeof t.id !== 'string' && 'id', t.type !== 'function' && 'type', typeof fn.name !== 'string' && 'function.name'].filter(Boolean).join(', ')}`, { path, value: t }));
        }
      });
    });
  });
  return out;
}
