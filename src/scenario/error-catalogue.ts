// Every documented DeepSeek error as a named entry, so `error: 429`, `error=insufficient-balance`
// or a key state expand to the full envelope with DeepSeek's own type and message. A profile whose
// provider documents its own errors (`profile.errors`) swaps them in: see `catalogueFor`.
import { messages } from '../contract/deepseek-messages.js';
import { apiError, maskKey, type ApiError } from '../core/errors.js';
import type { ScenarioError } from '../core/scenario-types.js';
import { officialProfile } from '../profiles/official.js';
import type { Profile, ProfileErrorKind } from '../profiles/profile.js';

export interface CatalogueEntry {
  name: string;
  status: number;
  type: string;
  /** The message; a function when it quotes the caller's (masked) key. */
  message: string | ((apiKey: string) => string);
  headers?: Record<string, string>;
  /** One line for the README's catalogue. */
  note: string;
  /** The kind of failure, as profiles document them (`profile.errors`). */
  kind?: ProfileErrorKind;
  /** The status the provider's docs give, when it sends another (seed 002's content policy: 503 documented, 400 sent). */
  documentedStatus?: number;
}

export const errorCatalogue: readonly CatalogueEntry[] = [
  { name: 'invalid-format', status: 400, type: 'invalid_request_error', message: messages.deserializeFailed, note: 'body does not deserialize' },
  { name: 'content-policy', kind: 'content-policy', status: 400, type: 'invalid_request_error', message: messages.contentRisk, note: 'content blocked (seed 002 documents 503; sent as 400)' },
  { name: 'invalid-key', kind: 'auth', status: 401, type: 'authentication_error', message: (key) => messages.authInvalidKey(maskKey(key)), note: 'key quoted by its last 4 characters' },
  { name: 'no-such-user', kind: 'auth', status: 401, type: 'authentication_error', message: messages.authNoSuchUser, note: '' },
  { name: 'insufficient-balance', kind: 'balance', status: 402, type: 'unknown_error', message: messages.insufficientBalance, note: '' },
  { name: 'forbidden', kind: 'permission', status: 403, type: 'permission_error', message: messages.forbidden, note: 'seed 002: no permission, or balance insufficient' },
  { name: 'invalid-parameters', status: 422, type: 'invalid_request_error', message: messages.deserializeFailed, note: 'the pre-2025 status for bodies that do not deserialize' },
  { name: 'rate-limit', kind: 'rate-limit', status: 429, type: 'rate_limit_error', message: messages.concurrency(26, 25), headers: { 'retry-after': '1' }, note: 'with `Retry-After: 1` unless told otherwise' },
  { name: 'server-error', kind: 'server', status: 500, type: 'api_error', message: messages.serverError, note: '' },
  { name: 'overloaded', kind: 'overloaded', status: 503, type: 'service_unavailable_error', message: messages.serverOverloaded, note: '' },
];

/** A profile's documented errors (`profile.errors`). */
export type ProfileErrors = Profile['errors'];
const sameError = (a: ProfileErrors[ProfileErrorKind], b: ProfileErrors[ProfileErrorKind]) =>
  a?.status === b?.status && a?.type === b?.type && a?.message === b?.message;

const catalogues = new WeakMap<ProfileErrors, readonly CatalogueEntry[]>();

/**
 * The catalogue as a profile's provider answers: every entry of a kind the profile documents
 * differently from DeepSeek (the `deepseek` profile's `errors`) takes that provider's status, type
 * and message; the rest stay DeepSeek's. So the `deepseek` profile (and those passing DeepSeek's
 * errors through) keep the catalogue as it is, while `multimodal-v3.2` answers by seed 002's table.
 */
export function catalogueFor(errors: ProfileErrors | undefined): readonly CatalogueEntry[] {
  if (!errors) return errorCatalogue;
  let catalogue = catalogues.get(errors);
  if (!catalogue) {
    const mapped = errorCatalogue.map((entry) => {
      const own = entry.kind && errors[entry.kind];
      if (!own || sameError(own, officialProfile.errors[entry.kind!])) return entry;
      const note = `${entry.note ? `${entry.note}; ` : ''}this profile: ${own.status} ${own.message}`;
      return { ...entry, status: own.status, type: own.type, message: own.message, note, ...(own.documentedStatus ? { documentedStatus: own.documentedStatus } : {}) };
    });
    catalogue = mapped.every((entry, i) => entry === errorCatalogue[i]) ? errorCatalogue : mapped;
    catalogues.set(errors, catalogue);
  }
  return catalogue;
}

/**
 * The entry a name or bare status stands for. A status is the first entry that had it in DeepSeek's
 * catalogue (400 → invalid-format, 401 → invalid-key, 402 → insufficient-balance, even where a
 * profile sends that one as 403), unless the profile's docs give that status to another error
 * (seed 002 lists the content-policy block as 503): then that error, with the status it is sent with.
 */
export function catalogueEntry(nameOrStatus: string | number, catalogue: readonly CatalogueEntry[] = errorCatalogue): CatalogueEntry | undefined {
  if (typeof nameOrStatus === 'number' || /^\d+$/.test(nameOrStatus)) {
    const status = Number(nameOrStatus);
    const documented = catalogue.find((e) => e.documentedStatus === status);
    if (documented) return documented;
    const index = errorCatalogue.findIndex((e) => e.status === status);
    return index >= 0 ? catalogue[index] : undefined;
  }
  return catalogue.find((e) => e.name === nameOrStatus);
}

export const errorNames: readonly string[] = errorCatalogue.map((e) => e.name);

/**
 * An error the fake words itself (the rate limiter's 429s) in a profile's terms: when the profile
 * documents its own error of that kind, its status, type and message; headers (Retry-After) kept.
 */
export function inProfileTerms(kind: ProfileErrorKind, error: ScenarioError, profileErrors?: ProfileErrors): ScenarioError {
  const catalogue = catalogueFor(profileErrors);
  const index = catalogue.findIndex((e) => e.kind === kind);
  const own = catalogue[index];
  if (!own || own === errorCatalogue[index]) return error;
  return { ...error, status: own.status, type: own.type, message: typeof own.message === 'string' ? own.message : error.message };
}

/** An error as fixtures and `fake.next` may write it. */
export type ErrorInput =
  | number
  | string
  | (Partial<ScenarioError> & { status: number; retryAfter?: number });

/**
 * Expands a shorthand into a complete ScenarioError, in the terms of the profile whose `errors` are
 * given (DeepSeek's when none); throws a plain Error naming what is unknown.
 */
export function expandError(input: ErrorInput, apiKey = '', profileErrors?: ProfileErrors): ScenarioError {
  const catalogue = catalogueFor(profileErrors);
  if (typeof input === 'number' || typeof input === 'string') {
    const entry = catalogueEntry(input, catalogue);
    if (!entry) {
      throw new Error(`unknown error "${input}"; use a status (${[...new Set(errorCatalogue.map((e) => e.status))].join(', ')}) or a name (${errorNames.join(', ')})`);
    }
    return fromEntry(entry, apiKey);
  }
  const { retryAfter, ...rest } = input;
  const base = catalogueEntry(input.status, catalogue);
  const fromBase = base ? fromEntry(base, apiKey) : { status: input.status, type: input.status >= 500 ? 'api_error' : 'invalid_request_error', message: `Scenario error ${input.status}` };
  const headers = { ...fromBase.headers, ...rest.headers, ...(retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {}) };
  return { ...fromBase, ...rest, ...(Object.keys(headers).length ? { headers } : {}) };
}

function fromEntry(entry: CatalogueEntry, apiKey: string): ScenarioError {
  const message = typeof entry.message === 'function' ? entry.message(apiKey) : entry.message;
  return { status: entry.status, type: entry.type, message, param: null, ...(entry.headers ? { headers: { ...entry.headers } } : {}) };
}

/** A scenario's error as the pipeline's ApiError (DeepSeek's `code` is `invalid_request_error` unless told). */
export function toApiError(error: ScenarioError): ApiError {
  const base = apiError(error.status, error.type ?? 'invalid_request_error', error.message ?? `Scenario error ${error.status}`, error.param ?? null, error.headers);
  return error.code === undefined ? base : { ...base, code: error.code };
}
