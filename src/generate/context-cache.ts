// DeepSeek's context caching as a client sees it: a prompt prefix this API key already sent is a
// cache hit, counted in whole 64-token units. The memory lives in the fake's store, bounded (LRU).
import { hashString } from '../core/random.js';

export const CACHE_UNIT = 64;

export class PrefixCache {
  private readonly seen = new Map<string, true>();
  constructor(readonly maxEntries = 50_000) {}

  /**
   * How many leading tokens of `tokens` were seen before for this key (a multiple of 64), then
   * remembers every 64-token prefix of `tokens`.
   */
  lookupAndRemember(apiKey: string, tokens: readonly string[]): number {
    const units = Math.floor(tokens.length / CACHE_UNIT);
    let chain = hashString(apiKey);
    let hits = 0;
    let missed = false;
    for (let u = 0; u < units; u++) {
      chain = hashString(tokens.slice(u * CACHE_UNIT, (u + 1) * CACHE_UNIT).join('\u0001'), chain % 4294967296);
      const key = `${apiKey}\u0000${u}\u0000${chain}`;
      if (!missed && this.seen.has(key)) {
        hits++;
        this.seen.delete(key); // refresh its place in the LRU order
      } else missed = true;
      this.seen.set(key, true);
      if (this.seen.size > this.maxEntries) this.seen.delete(this.seen.keys().next().value!);
    }
    return hits * CACHE_UNIT;
  }

  get size(): number {
    return this.seen.size;
  }

  clear(): void {
    this.seen.clear();
  }
}
