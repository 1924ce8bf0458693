// How text becomes tokens. Two implementations: an estimator that is instant and tiny (the default
// in browsers and the library), and DeepSeek V3's real tokenizer (exact counts, loaded lazily; see
// exact-tokenizer.ts). Both return pieces whose texts join back to the input.

/** One token: the text it adds to the output and its raw UTF-8 bytes. */
export interface TokenPiece {
  /**
   * The characters this token completes. A character split over several byte-level tokens is
   * credited to the token that completes it; the others carry '' (their bytes still show them).
   */
  text: string;
  bytes: number[];
}

export interface Tokenizer {
  readonly name: 'estimate' | 'exact';
  /** The text split into token strings; joined they give the text back. */
  tokenize(text: string): string[];
  count(text: string): number;
  /** Tokens with their bytes (for logprobs). Defaults to each token's UTF-8 encoding. */
  pieces?(text: string): TokenPiece[];
  /** Resolves once the tokenizer can be used; a lazily loaded one starts loading on the first call. */
  load?(): Promise<void>;
}

// A word with its leading space, a run of digits (3 at most, as DeepSeek's BPE splits numbers),
// one or two CJK characters (DeepSeek's vocabulary holds most common two-character words, so a
// Han character averages ~0.6 token), a line break with the blanks around it, up to 3 ASCII
// punctuation marks (BPE merges `"),` and the like), or one other character.
const PIECE = /<｜[^｜]{1,40}｜>|<\/?think>|[ ]?[A-Za-z\u00C0-\u024F']+|[0-9]{1,3}|[\u3400-\u9fff\uf900-\ufaff]{1,2}|[\u3040-\u30ff]|\s*\n+[ \t]*|[ \t]+(?=[^ \t\n])|[ \t]+|[ ]?[!-\/:-@\[-`{-~]{1,3}|[\s\S]/gu;

/** Roughly one token per word or CJK character: close to DeepSeek's ratios for ordinary prose. */
export const estimateTokenizer: Tokenizer = {
  name: 'estimate',
  tokenize: (text) => text.match(PIECE) ?? [],
  count: (text) => (text.match(PIECE) ?? []).length,
};

const encoder = new TextEncoder();

/** Token pieces with bytes, from any tokenizer. */
export function tokenPieces(tokenizer: Tokenizer, text: string): TokenPiece[] {
  if (tokenizer.pieces) return tokenizer.pieces(text);
  return tokenizer.tokenize(text).map((t) => ({ text: t, bytes: [...encoder.encode(t)] }));
}
