// Finds where a value sits in raw JSON text, so validation errors can say "at line L column C"
// the way DeepSeek's serde-based parser does. The text is known to be valid JSON (JSON.parse ran).

export type JsonPath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

/** Line and column (1-based) of the last character of the value at `path`, or of the nearest ancestor found. */
export function positionOf(text: string, path: JsonPath): Position {
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const skipString = () => {
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
  };
  const readString = (): string => {
    const start = i;
    skipString();
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return '';
    }
  };
  const skipValue = (): void => {
    ws();
    const ch = text[i];
    if (ch === '"') return skipString();
    if (ch === '{' || ch === '[') {
      const close = ch === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (ch === '{') {
          ws();
          skipString();
          ws();
          i++; // colon
        }
        skipValue();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        i++; // close
        return;
      }
    }
    while (i < text.length && !',}] \n\r\t'.includes(text[i]!)) i++;
  };
  // Walk down the path; stop at the deepest part that exists.
  let depth = 0;
  ws();
  while (depth < path.length) {
    const key = path[depth];
    const ch = text[i];
    let found = false;
    if (ch === '{' && typeof key === 'string') {
      i++;
      ws();
      while (text[i] !== '}') {
        ws();
        const k = readString();
        ws();
        i++; // colon
        ws();
        if (k === key) {
          found = true;
          break;
        }
        skipValue();
        ws();
        if (text[i] === ',') i++;
        ws();
      }
    } else if (ch === '[' && typeof key === 'number') {
      i++;
      ws();
      for (let n = 0; text[i] !== ']'; n++) {
        ws();
        if (n === key) {
          found = true;
          break;
        }
        skipValue();
        ws();
        if (text[i] === ',') i++;
        ws();
      }
    }
    if (!found) break;
    depth++;
  }
  if (depth === path.length) skipValue();
  else i = Math.min(i + 1, text.length);
  return lineColumn(text, Math.max(0, i - 1));
}

function lineColumn(text: string, offset: number): Position {
  let line = 1;
  let lastNewline = -1;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      lastNewline = k;
    }
  }
  return { line, column: offset - lastNewline };
}
