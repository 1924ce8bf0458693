// A `respond` as users write it (fixtures, fake.next, the admin API) → the core's ScenarioResponse.
// Users may write `error: 429`, `error: "insufficient-balance"` and `fault: "disconnect-after-3"`.
import type { ScenarioResponse, StreamFault } from '../core/scenario-types.js';
import { expandError, type ErrorInput, type ProfileErrors } from './error-catalogue.js';
import { parseFault, unknownFaultMessage } from './fault-shorthand.js';

export type RespondInput = Omit<ScenarioResponse, 'error' | 'fault'> & {
  error?: ErrorInput;
  fault?: StreamFault | string;
};

/** Expands shorthands; `apiKey` fills messages that quote the caller's key; errors in the profile's terms. */
export function normalizeRespond(input: RespondInput, apiKey = '', profileErrors?: ProfileErrors): ScenarioResponse {
  const { error, fault, ...rest } = input;
  const out: ScenarioResponse = { ...rest };
  if (error !== undefined) out.error = expandError(error, apiKey, profileErrors);
  if (fault !== undefined) {
    if (typeof fault === 'string') {
      const parsed = parseFault(fault);
      if (!parsed) throw new Error(unknownFaultMessage(fault));
      out.fault = parsed;
    } else out.fault = fault;
  }
  return out;
}
