// Parses a request body as JSON, refusing what would hurt the fake or the client later: nesting
// deeper than serde_json's recursion limit (recursive code downstream, ajv included, must never
// overflow the stack), NUL characters, and lone UTF-16 surrogates (`"\ud800"`), which are valid JSON
// text but not Unicode and cannot be tokenized or re-encoded. One pass over the text, before
// JSON.parse, so the error names the first offence in text order with its line and column.
import { messages } from '../contract/deepseek-messages.js';
import { invalidRequest } from './errors.js';

/** serde_json's default recursion limit is 128, so 127 nested arrays/objects are the most DeepSeek can read. */
export const DEFAULT_MAX_JSON_DEPTH = 127;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function hexAt(text: string, at: number): number {
  const h = text.slice(at, at + 4);
  return /^[0-9a-fA-F]{4}$/.test(h) ? parseInt(h, 16) : -1;
}

/** Throws DeepSeek's 400 for the first offence; returns quietly when the text is fit to parse. */
export function checkJsonText(text: string, maxDepth: number = DEFAULT_MAX_JSON_DEPTH): void {
  let depth = 0;
  let inString = false;
  let line = 1;
  let lineStart = 0;
  const column = (i: number) => i - lineStart + 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) throw invalidRequest(messages.jsonNul(line, column(i)));
    if (inString) {
      if (c === QUOTE) inString = false;
      else if (c === BACKSLASH) {
        if (text.charCodeAt(i + 1) !== 0x75 /* u */) {
          i++;
          continue;
        }
        const code = hexAt(text, i + 2);
        if (code === 0) throw invalidRequest(messages.jsonNul(line, column(i + 5)));
        if (code >= 0xd800 && code <= 0xdbff) {
          const next = text.charCodeAt(i + 6) === BACKSLASH && text.charCodeAt(i + 7) === 0x75 ? hexAt(text, i + 8) : -1;
          if (next < 0xdc00 || next > 0xdfff) throw invalidRequest(messages.jsonLoneSurrogate(`\\u${text.slice(i + 2, i + 6)}`, line, column(i + 5)));
          i += 11;
        } else if (code >= 0xdc00 && code <= 0xdfff) {
          throw invalidRequest(messages.jsonLoneSurrogate(`\\u${text.slice(i + 2, i + 6)}`, line, column(i + 5)));
        } else if (code >= 0) i += 5;
      }
      continue;
    }
    if (c === QUOTE) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) throw invalidRequest(messages.jsonTooDeep(maxDepth, line, column(i)));
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
}

/** The parsed body, or DeepSeek's 400 naming what is wrong with the text. */
export function parseJsonBody(text: string, maxDepth: number = DEFAULT_MAX_JSON_DEPTH): unknown {
  checkJsonText(text, maxDepth);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw invalidRequest(messages.jsonParse((e as Error).message));
  }
}
