// A profile is one provider's dialect of the API: its contract document plus limits and defaults
// as data. Code asks the profile; it never branches on a profile's name.
import type { RangeMessages } from '../contract/request-errors.js';
import type { Endpoint } from '../core/routes.js';

export interface ModelSpec {
  id: string;
  ownedBy: string;
  /** Prompt + completion tokens the model accepts. */
  contextWindow: number;
  maxTokens: { default: number; max: number };
  /** `always`: reasoner; `never`: plain chat; `switchable`: the `thinking` field decides. */
  reasoning: 'always' | 'never' | 'switchable';
  /** For `switchable` models: what a request without a `thinking` field gets (seed 003: `enabled`). Default `disabled`. */
  thinkingDefault?: 'enabled' | 'disabled' | 'auto';
  /** Request fields the model rejects outright (the reasoner rejects logprobs). */
  rejects?: readonly string[];
  /** Sampling fields the model silently ignores. */
  ignores?: readonly string[];
}

/** The failures a provider documents, by kind, so scenarios can answer in that provider's terms. */
export type ProfileErrorKind = 'auth' | 'balance' | 'permission' | 'rate-limit' | 'server' | 'overloaded' | 'content-policy';

export interface ProfileError {
  /** The status the provider actually sends. */
  status: number;
  type: string;
  message: string;
  /** When the provider's docs list another status than it sends (V3.2's content policy: 503 documented, 400 sent). */
  documentedStatus?: number;
}

export interface Profile {
  name: string;
  title: string;
  /** The seed document this dialect follows. */
  source: string;
  /** The OpenAPI document (already parsed, overlay applied) the validators are compiled from. */
  document: Record<string, unknown>;
  models: readonly ModelSpec[];
  /** The range text DeepSeek prints per field in "Invalid X value" messages. */
  ranges: RangeMessages;
  /** Documented request defaults (temperature, top_p, thinking…), read from the document. */
  defaults?: Readonly<Record<string, unknown>>;
  /** Path prefixes under which the routes answer ('' is the bare path). `/beta` turns on beta features. */
  prefixes: readonly string[];
  /** The endpoints this provider serves; default all (chat, models, balance). */
  endpoints?: readonly Endpoint[];
  systemFingerprint: string;
  /** The provider's documented errors, by kind (consumed by the scenario/error catalogue). */
  errors: Readonly<Partial<Record<ProfileErrorKind, ProfileError>>>;
}

export function findModel(profile: Profile, id: string): ModelSpec | undefined {
  return profile.models.find((m) => m.id === id);
}
