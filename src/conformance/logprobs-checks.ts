// Logprobs rules: tokens join to the content, bytes are each token's UTF-8, logprob ≤ 0, and the
// top list is sorted and as long as asked.
import { finding } from './rules.js';
import type { Finding } from './types.js';

interface Entry {
  token?: unknown;
  logprob?: unknown;
  bytes?: unknown;
  top_logprobs?: unknown;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function sameBytes(a: readonly number[], b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A token that is part of a split UTF-8 character cannot be checked by its text, only by bytes. */
function isPartial(token: string): boolean {
  return token.includes('\uFFFD');
}

/**
 * `logprobs` is a choice's logprobs object; `content` the text it must spell. `top` is the
 * requested top_logprobs (undefined = not asked, so its size is not checked).
 */
export function checkLogprobs(logprobs: unknown, content: string | null, top: number | undefined, base: string): Finding[] {
  const list = (logprobs as { content?: unknown } | null | undefined)?.content;
  if (!Array.isArray(list) || (list.length === 0 && content)) {
    return [finding('logprobs.missing', 'logprobs: true was sent but no logprobs.content came back', { path: `${base}.content`, value: list ?? logprobs ?? null })];
  }
  const out: Finding[] = [];
  const entries = list as Entry[];
  const tokens = entries.map((e) => (typeof e.token === 'string' ? e.token : ''));
  const joined = tokens.join('');
  const allBytes = entries.every((e) => Array.isArray(e.bytes));
  const joinedBytes = allBytes ? decoder.decode(new Uint8Array(entries.flatMap((e) => e.bytes as number[]))) : null;
  if (content !== null && joined !== content && joinedBytes !== content) {
    out.push(finding('logprobs.join', `the ${entries.length} tokens join to ${JSON.stringify(joined.slice(0, 80))}, the content is ${JSON.stringify(content.slice(0, 80))}`, { path: `${base}.content`, value: joined.slice(0, 200) }));
  }
  const checkOne = (e: Entry, path: string) => {
    if (typeof e.logprob === 'number' && e.logprob > 0) out.push(finding('logprobs.range', `logprob ${e.logprob} is positive`, { path: `${path}.logprob`, value: e.logprob }));
    if (typeof e.token === 'string' && Array.isArray(e.bytes) && !isPartial(e.token) && !sameBytes(e.bytes as number[], encoder.encode(e.token))) {
      out.push(finding('logprobs.bytes', `bytes of ${JSON.stringify(e.token)} are not its UTF-8 ${JSON.stringify([...encoder.encode(e.token)])}`, { path: `${path}.bytes`, value: e.bytes }));
    }
  };
  entries.forEach((e, i) => {
    const path = `${base}.content[${i}]`;
    checkOne(e, path);
    const tops = Array.isArray(e.top_logprobs) ? (e.top_logprobs as Entry[]) : [];
    tops.forEach((t, j) => checkOne(t, `${path}.top_logprobs[${j}]`));
    if (top !== undefined && tops.length !== top) {
      out.push(finding('logprobs.top-size', `${tops.length} top_logprobs, ${top} were asked for`, { path: `${path}.top_logprobs`, value: tops.length }));
    }
    for (let j = 1; j < tops.length; j++) {
      const prev = tops[j - 1]!.logprob;
      const cur = tops[j]!.logprob;
      if (typeof prev === 'number' && typeof cur === 'number' && cur > prev) {
        out.push(finding('logprobs.top-sorted', `top_logprobs[${j}] (${cur}) is above top_logprobs[${j - 1}] (${prev})`, { path: `${path}.top_logprobs[${j}].logprob`, value: cur }));
        break;
      }
    }
  });
  // One finding per rule is enough to act on; a broken provider breaks it on every token.
  const seen = new Set<string>();
  return out.filter((f) => (seen.has(f.rule) ? false : (seen.add(f.rule), true)));
}
