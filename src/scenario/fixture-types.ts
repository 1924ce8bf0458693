// Fixture rules as written in files and passed to `fake.use` (schemas/fixture.schema.json).
import type { RespondInput } from './respond.js';

/** A string is a substring match; regexes are strings compiled with `new RegExp` (never evaluated as code). */
export type TextMatch = string | { contains?: string; equals?: string; regex?: string; flags?: string };

export interface FixtureMatch {
  model?: string | string[];
  /** The last user message's text. */
  userMessage?: TextMatch;
  /** The system messages' text, joined by newlines. */
  systemPrompt?: TextMatch;
  /** true: the request offers tools; false: none. */
  tools?: boolean;
  /** The request offers a function with this name. */
  tool?: string;
  /** true: the messages contain a tool result; false: none. */
  toolResults?: boolean;
  stream?: boolean;
  /** Header name (any case) → match on its value. */
  headers?: Record<string, TextMatch>;
  /** Only the nth request that fits the other fields (1-based). */
  nth?: number;
}

export interface FixtureRule {
  name?: string;
  match?: FixtureMatch;
  respond: RespondInput;
}

export interface FixtureFile {
  fixtures: FixtureRule[];
}

/** A rule plus where it came from, for the journal's `fixture:<origin>#<name or index>`. */
export interface LoadedFixture extends FixtureRule {
  source: string;
}
