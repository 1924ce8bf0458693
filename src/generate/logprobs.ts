// Log-probabilities for the answer's tokens: one entry per content token with its UTF-8 bytes, and
// `top_logprobs` alternatives sorted by probability that include the chosen token. Seeded, so the
// same request gives the same numbers.
import type { Rng } from '../core/random.js';
import type { TokenLogprob, TopLogprob } from '../core/types.js';
import type { Language } from './language.js';
import type { TokenPiece } from './tokenizer.js';

const encoder = new TextEncoder();
const bytesOf = (s: string) => [...encoder.encode(s)];

const commonEn = [' the', ' a', ',', '.', ' and', ' to', ' of', ' is', ' in', ' it', ' that', ' for', ' you', ' this', ' can', ' be', ' on', ' with', ' as', ' I', '\n', ' are', ' we', ' not', ' or'];
const commonZh = ['的', '，', '。', '是', '在', '了', '和', '我们', '可以', '这个', '一个', '需要', '进行', '使用', '问题', '方法', '数据', '通过', '如果', '因为', '所以', '以及'];

/** One entry per piece; `top` alternatives each (0 = empty lists), chosen token first when most likely. */
export function generateLogprobs(pieces: readonly TokenPiece[], top: number, rng: Rng, language: Language): TokenLogprob[] {
  const pool = language === 'zh' ? commonZh : commonEn;
  return pieces.map((piece) => {
    // Mostly confident tokens, now and then an uncertain one, as sampled text looks.
    const chosen = rng.next() < 0.8 ? -rng.next() * 0.05 : -0.05 - rng.next() * 2.5;
    const entry: TokenLogprob = { token: piece.text, logprob: chosen, bytes: piece.bytes, top_logprobs: [] };
    if (top > 0) entry.top_logprobs = alternatives(piece, chosen, top, pool, rng);
    return entry;
  });
}

function alternatives(piece: TokenPiece, chosen: number, top: number, pool: readonly string[], rng: Rng): TopLogprob[] {
  // Where the chosen token ranks: first most of the time, second or third when it was unlikely.
  const rank = chosen > -0.7 ? 0 : Math.min(top - 1, rng.int(1, 2));
  const others: string[] = [];
  const taken = new Set([piece.text]);
  for (let guard = 0; others.length < top - 1 && guard < 200; guard++) {
    const candidate = guard < 100 ? rng.pick(pool) : `${rng.pick(pool)}${guard}`;
    if (!taken.has(candidate)) {
      taken.add(candidate);
      others.push(candidate);
    }
  }
  const list: TopLogprob[] = [];
  let above = chosen; // logprobs of tokens ranked above the chosen one are higher than its own
  for (let i = rank - 1; i >= 0; i--) {
    above += 0.05 + rng.next() * 0.3;
    list.unshift({ token: others[i]!, logprob: Math.min(0, above), bytes: bytesOf(others[i]!) });
  }
  list.push({ token: piece.text, logprob: chosen, bytes: piece.bytes });
  let below = chosen;
  for (let i = rank; i < others.length; i++) {
    below -= 0.5 + rng.next() * 2;
    list.push({ token: others[i]!, logprob: below, bytes: bytesOf(others[i]!) });
  }
  return list;
}
