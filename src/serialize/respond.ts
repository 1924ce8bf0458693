// The last step of a chat request: a draft becomes the Response, JSON or SSE, with the timing,
// keep-alives and fault that apply to this request (the scenario's, over the server's defaults).
import type { Clock } from '../core/clock.js';
import { errorResponse } from '../core/errors.js';
import { createRng, hashString } from '../core/random.js';
import type { ScenarioResponse, StreamFault, Timing } from '../core/scenario-types.js';
import type { ChatRequest } from '../core/types.js';
import type { CompletionDraft } from '../generate/draft.js';
import type { Profile } from '../profiles/profile.js';
import { chunksFromDraft, type UsagePlacement } from './chunks.js';
import { faultError } from './faults.js';
import { completionFromDraft } from './json.js';
import { SSE_HEADERS } from './sse.js';
import { planJson, planStream, type PlanSettings } from './stream-plan.js';
import { playPlan } from './stream-writer.js';

/** Server-wide streaming behaviour (FakeOptions.stream); a scenario's timing and fault win per request. */
export interface StreamOptions {
  /** Where usage goes in a stream (see ChunkOptions.usage). Default `documented`. */
  usage?: UsagePlacement;
  /** Default timing; zero delay when absent. */
  timing?: Timing;
  /** A fault applied to every chat response that does not pick its own. */
  fault?: StreamFault;
}

export interface RespondInput {
  draft: CompletionDraft;
  body: ChatRequest;
  clock: Clock;
  /** The request's seed: timing jitter derives from it, so runs repeat. */
  seed: number;
  /** Aborts when the client goes away; stops generation and timers. */
  signal?: AbortSignal;
  defaults?: StreamOptions;
  respond?: ScenarioResponse;
  /** The profile's documented errors, for the envelope of an `error-event` fault. */
  errors?: Profile['errors'];
}

export function settingsFor(defaults: StreamOptions | undefined, respond: ScenarioResponse | undefined): PlanSettings {
  const timing = { ...defaults?.timing, ...respond?.timing };
  const fault = respond?.fault ?? defaults?.fault;
  // `none` is a scenario saying "not this one" to the server-wide fault.
  return fault && fault.kind !== 'none' ? { timing, fault } : { timing };
}

const JSON_HEADERS = { 'content-type': 'application/json' } as const;

export function respondWithDraft(input: RespondInput): Response {
  const { draft, body, clock, signal } = input;
  const settings: PlanSettings = { ...settingsFor(input.defaults, input.respond), ...(input.errors ? { errors: input.errors } : {}) };
  // A connection reset sends nothing at all: a network error, in every adapter.
  if (settings.fault?.kind === 'reset') return Response.error();
  // Its own stream of numbers, so timing never changes the generated content.
  const rng = createRng(hashString(`timing\u0000${input.seed}`));
  const usage = input.defaults?.usage ?? 'documented';

  if (body.stream === true) {
    const chunks = chunksFromDraft(draft, { includeUsage: body.stream_options?.include_usage === true, usage });
    return new Response(playPlan(planStream(chunks, settings, rng), clock, signal), { status: 200, headers: SSE_HEADERS });
  }
  if (settings.fault?.kind === 'error-event') return errorResponse(faultError(settings.fault, settings.errors));
  const json = JSON.stringify(completionFromDraft(draft));
  const steps = planJson(json, chunksFromDraft(draft, { includeUsage: false }), settings, rng);
  const only = steps[0];
  // The common case (no wait, no fault) stays a plain body with a Content-Length.
  if (steps.length === 1 && only?.kind === 'write' && only.delayMs === 0 && only.text === json) {
    // Content-Length marks it as a plain body (the Node listener leaves those alone).
    return new Response(json, { status: 200, headers: { ...JSON_HEADERS, 'content-length': String(new TextEncoder().encode(json).byteLength) } });
  }
  return new Response(playPlan(steps, clock, signal), { status: 200, headers: JSON_HEADERS });
}
