// Where the answer ends: at the first stop sequence (cut before it, finish `stop`), or at
// max_tokens (cut at a token boundary, finish `length`).

/** The text before the earliest stop sequence, and whether one was found. */
export function cutAtStop(text: string, stop: string | readonly string[] | null | undefined): { text: string; stopped: boolean } {
  const sequences = (typeof stop === 'string' ? [stop] : (stop ?? [])).filter((s) => s.length > 0);
  let at = -1;
  for (const s of sequences) {
    const i = text.indexOf(s);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  return at < 0 ? { text, stopped: false } : { text: text.slice(0, at), stopped: true };
}

/** The first `limit` tokens, and whether anything was cut. */
export function truncateTokens<T>(tokens: readonly T[], limit: number): { tokens: T[]; truncated: boolean } {
  return tokens.length > limit ? { tokens: tokens.slice(0, limit), truncated: true } : { tokens: [...tokens], truncated: false };
}
