// Strings that match the simple regular expressions tool schemas use in `pattern`.
import type { Rng } from '../core/random.js';

/**
 * A string for the simple patterns tool schemas use (anchored sequences of literals, classes and
 * quantifiers, e.g. `^[A-Z]{3}-\d{4}$`). Undefined for anything fancier; the caller then checks.
 */
export function fromPattern(pattern: string, ctx: { rng: Rng }): string | undefined {
  const src = pattern.replace(/^\^/, '').replace(/\$$/, '');
  let out = '';
  let i = 0;
  const classes: Record<string, string> = { d: '0123456789', w: 'abcdefghijklmnopqrstuvwxyz0123456789_', s: ' ' };
  while (i < src.length) {
    let alphabet: string;
    const c = src[i]!;
    if (c === '[') {
      const end = src.indexOf(']', i + 1);
      if (end < 0 || src[i + 1] === '^') return undefined;
      alphabet = expandClass(src.slice(i + 1, end), classes);
      i = end + 1;
    } else if (c === '\\') {
      const e = src[i + 1]!;
      alphabet = classes[e] ?? e;
      i += 2;
    } else if ('()|.*+?{}'.includes(c)) {
      return undefined;
    } else {
      alphabet = c;
      i++;
    }
    let [lo, hi] = [1, 1];
    const q = /^(\{(\d+)(,(\d*))?\}|\+|\*|\?)/.exec(src.slice(i));
    if (q) {
      i += q[0].length;
      if (q[0] === '+') [lo, hi] = [1, 4];
      else if (q[0] === '*') [lo, hi] = [0, 3];
      else if (q[0] === '?') [lo, hi] = [0, 1];
      else [lo, hi] = [Number(q[2]), q[3] === undefined ? Number(q[2]) : q[4] ? Number(q[4]) : Number(q[2]) + 3];
    }
    const n = ctx.rng.int(lo, hi);
    for (let k = 0; k < n; k++) out += alphabet[ctx.rng.int(0, alphabet.length - 1)];
  }
  return out;
}

function expandClass(body: string, classes: Record<string, string>): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\') {
      out += classes[body[i + 1]!] ?? body[i + 1];
      i++;
    } else if (body[i + 1] === '-' && i + 2 < body.length) {
      for (let c = body.charCodeAt(i); c <= body.charCodeAt(i + 2); c++) out += String.fromCharCode(c);
      i += 2;
    } else out += body[i];
  }
  return out;
}
