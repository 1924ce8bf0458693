// The request journal: every request the fake saw (valid or not), newest last, bounded in size.
import type { ErrorResponse, RequestMessage } from '../core/types.js';

export interface JournalEntry {
  /** 1, 2, 3… over the fake's life (not reset by clear()), so dropped entries show as gaps. */
  seq: number;
  /** Milliseconds since the epoch, from the fake's clock. */
  time: number;
  method: string;
  /** The URL path as received. */
  path: string;
  /** Request headers, lower-case names; the API key shown by its last 4 characters only. */
  headers: Record<string, string>;
  /** The bearer key, masked (`****abcd`), or null when there was none. */
  apiKey: string | null;
  /**
   * The body parsed as JSON, the raw text when it is not JSON, or null when empty. Typed loosely on
   * purpose: tests read it as they wrote it (`journal.last().body.messages`), whatever the client sent.
   */
  body: any;
  /** `ok` once the request passed validation; DeepSeek's envelope when it was rejected; null when not checked. */
  validation: 'ok' | ErrorResponse | null;
  /** Which scenario answered: `custom:<source>`, `queue`, `header`, `fixture:<origin>#<name>`, `default`, `key-state:<state>`, `rate-limit:<kind>`; null when none ran. */
  scenario: string | null;
  /** The status sent. */
  status: number;
}

export interface CountFilter {
  model?: string;
  path?: string;
  status?: number;
  scenario?: string;
}

export const DEFAULT_JOURNAL_LIMIT = 1000;

export class Journal {
  private entries: JournalEntry[] = [];
  private seq = 0;

  constructor(readonly limit = DEFAULT_JOURNAL_LIMIT) {}

  /** Records an entry, dropping the oldest beyond the limit. */
  add(entry: Omit<JournalEntry, 'seq'>): JournalEntry {
    const full = { seq: ++this.seq, ...entry };
    this.entries.push(full);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    return full;
  }

  /** Every entry, oldest first (a copy). */
  all(): JournalEntry[] {
    return [...this.entries];
  }

  /** The newest entry. Throws when the journal is empty, so a test reads `journal.last().body` directly. */
  last(): JournalEntry {
    const entry = this.entries[this.entries.length - 1];
    if (!entry) throw new Error('The journal is empty: the fake has not received any request since it was created or reset.');
    return entry;
  }

  /** The messages of the last chat request that had any. */
  lastMessages(): RequestMessage[] | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const messages = (this.entries[i]!.body as { messages?: unknown } | null)?.messages;
      if (Array.isArray(messages)) return messages as RequestMessage[];
    }
    return undefined;
  }

  /** How many entries fit every given field (`scenario` matches by prefix: `fixture` counts all fixtures). */
  count(filter: CountFilter = {}): number {
    return this.entries.filter((e) => fits(e, filter)).length;
  }

  filter(predicate: (entry: JournalEntry) => boolean): JournalEntry[] {
    return this.entries.filter(predicate);
  }

  get size(): number {
    return this.entries.length;
  }

  clear(): void {
    this.entries = [];
  }
}

function fits(e: JournalEntry, f: CountFilter): boolean {
  if (f.model !== undefined && (e.body as { model?: unknown } | null)?.model !== f.model) return false;
  if (f.path !== undefined && e.path !== f.path) return false;
  if (f.status !== undefined && e.status !== f.status) return false;
  if (f.scenario !== undefined && !(e.scenario ?? '').startsWith(f.scenario)) return false;
  return true;
}
