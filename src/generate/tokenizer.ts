// How text becomes tokens. Two implementations: an estimator that is instant and tiny (the default
// in browsers), and DeepSeek V3's real tokenizer (exact counts, loaded lazily in Node).

export interface Tokenizer {
  readonly name: 'estimate' | 'exact';
  /** The text split into token strings; joined they give the text back. */
  tokenize(text: string): string[];
  count(text: string): number;
}

// A word with its leading space, a run of digits (3 at most, as DeepSeek's BPE splits numbers),
// a single CJK character, a newline run, or one other character.
const PIECE = /<｜[^｜]{1,40}｜>|[ ]?[A-Za-z\u00C0-\u024F']+|[0-9]{1,3}|[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]|\n+|[ \t]+(?=[^ \t\n])|[ \t]+|[\s\S]/gu;

/** Roughly one token per word or CJK character: close to DeepSeek's ratios for ordinary prose. */
export const estimateTokenizer: Tokenizer = {
  name: 'estimate',
  tokenize: (text) => text.match(PIECE) ?? [],
  count: (text) => (text.match(PIECE) ?? []).length,
};
