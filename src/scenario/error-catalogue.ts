// Every documented DeepSeek error as a named entry, so `error: 429`, `error=insufficient-balance`
// or a key state expand to the full envelope with DeepSeek's own type and message.
import { messages } from '../contract/deepseek-messages.js';
import { apiError, maskKey, type ApiError } from '../core/errors.js';
import type { ScenarioError } from '../core/scenario-types.js';

export interface CatalogueEntry {
  name: string;
  status: number;
  type: string;
  /** The message; a function when it quotes the caller's (masked) key. */
  message: string | ((apiKey: string) => string);
  headers?: Record<string, string>;
  /** One line for the README's catalogue. */
  note: string;
}

export const errorCatalogue: readonly CatalogueEntry[] = [
  { name: 'invalid-format', status: 400, type: 'invalid_request_error', message: messages.deserializeFailed, note: 'body does not deserialize' },
  { name: 'content-policy', status: 400, type: 'invalid_request_error', message: messages.contentRisk, note: 'content blocked (seed 002 documents 503; sent as 400)' },
  { name: 'invalid-key', status: 401, type: 'authentication_error', message: (key) => messages.authInvalidKey(maskKey(key)), note: 'key quoted by its last 4 characters' },
  { name: 'no-such-user', status: 401, type: 'authentication_error', message: messages.authNoSuchUser, note: '' },
  { name: 'insufficient-balance', status: 402, type: 'unknown_error', message: messages.insufficientBalance, note: '' },
  { name: 'forbidden', status: 403, type: 'permission_error', message: messages.forbidden, note: 'seed 002: no permission, or balance insufficient' },
  { name: 'invalid-parameters', status: 422, type: 'invalid_request_error', message: messages.deserializeFailed, note: 'the pre-2025 status for bodies that do not deserialize' },
  { name: 'rate-limit', status: 429, type: 'rate_limit_error', message: messages.concurrency(26, 25), headers: { 'retry-after': '1' }, note: 'with `Retry-After: 1` unless told otherwise' },
  { name: 'server-error', status: 500, type: 'api_error', message: messages.serverError, note: '' },
  { name: 'overloaded', status: 503, type: 'service_unavailable_error', message: messages.serverOverloaded, note: '' },
];

/** The entry a bare status stands for (the first with that status: 400 → invalid-format, 401 → invalid-key). */
export function catalogueEntry(nameOrStatus: string | number): CatalogueEntry | undefined {
  if (typeof nameOrStatus === 'number' || /^\d+$/.test(nameOrStatus)) {
    const status = Number(nameOrStatus);
    return errorCatalogue.find((e) => e.status === status);
  }
  return errorCatalogue.find((e) => e.name === nameOrStatus);
}

export const errorNames: readonly string[] = errorCatalogue.map((e) => e.name);

/** An error as fixtures and `fake.next` may write it. */
export type ErrorInput =
  | number
  | string
  | (Partial<ScenarioError> & { status: number; retryAfter?: number });

/** Expands a shorthand into a complete ScenarioError; throws a plain Error naming what is unknown. */
export function expandError(input: ErrorInput, apiKey = ''): ScenarioError {
  if (typeof input === 'number' || typeof input === 'string') {
    const entry = catalogueEntry(input);
    if (!entry) {
      throw new Error(`unknown error "${input}"; use a status (${[...new Set(errorCatalogue.map((e) => e.status))].join(', ')}) or a name (${errorNames.join(', ')})`);
    }
    return fromEntry(entry, apiKey);
  }
  const { retryAfter, ...rest } = input;
  const base = catalogueEntry(input.status);
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
