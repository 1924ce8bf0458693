// Auth modes: named API keys answer as a given account state, so CI can test its error paths with
// configuration alone (`--key-state sk-empty=insufficient-balance`).
import type { Endpoint } from '../core/routes.js';
import type { ScenarioError } from '../core/scenario-types.js';
import { catalogueEntry, errorNames, expandError, type ProfileErrors } from './error-catalogue.js';

/** `ok`, or any error-catalogue name or status. */
export type KeyState = string;

/** Why a state is not usable, or undefined when it is. */
export function keyStateProblem(state: string): string | undefined {
  if (state === 'ok' || catalogueEntry(state)) return undefined;
  return `unknown key state "${state}"; use ok or one of ${errorNames.join(', ')}`;
}

/**
 * The error a key in `state` gets on `endpoint`, or undefined. Authentication and permission
 * failures apply everywhere; balance and load errors only to chat (GET /user/balance of an
 * empty account answers, showing it unavailable).
 */
export function keyStateError(state: KeyState | undefined, apiKey: string, endpoint: Endpoint, profileErrors?: ProfileErrors): ScenarioError | undefined {
  if (state === undefined || state === 'ok') return undefined;
  const error = expandError(/^\d+$/.test(state) ? Number(state) : state, apiKey, profileErrors);
  if (endpoint === 'chat' || error.status === 401 || error.status === 403) return error;
  return undefined;
}

export function isEmptyBalance(state: KeyState | undefined): boolean {
  return state !== undefined && catalogueEntry(state)?.status === 402;
}
