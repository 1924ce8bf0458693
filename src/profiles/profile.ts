// A profile is one provider's dialect of the API: its contract document plus limits and defaults
// as data. Code asks the profile; it never branches on a profile's name.
import type { RangeMessages } from '../contract/request-errors.js';

export interface ModelSpec {
  id: string;
  ownedBy: string;
  /** Prompt + completion tokens the model accepts. */
  contextWindow: number;
  maxTokens: { default: number; max: number };
  /** `always`: reasoner; `never`: plain chat; `switchable`: the `thinking` field decides. */
  reasoning: 'always' | 'never' | 'switchable';
  /** Request fields the model rejects outright (the reasoner rejects logprobs). */
  rejects?: readonly string[];
  /** Sampling fields the model silently ignores. */
  ignores?: readonly string[];
}

export interface Profile {
  name: string;
  title: string;
  /** The seed document this dialect follows. */
  source: string;
  /** The OpenAPI document (already parsed) the validators are compiled from. */
  document: Record<string, unknown>;
  models: readonly ModelSpec[];
  /** The range text DeepSeek prints per field in "Invalid X value" messages. */
  ranges: RangeMessages;
  /** Path prefixes under which the chat route answers ('' is the bare path). `/beta` turns on beta features. */
  prefixes: readonly string[];
  systemFingerprint: string;
}

export function findModel(profile: Profile, id: string): ModelSpec | undefined {
  return profile.models.find((m) => m.id === id);
}
