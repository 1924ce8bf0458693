// The runtime-neutral core: a function from a Web Request to a Response. Adapters (Hono, msw)
// only hand requests in. No node: imports here.
import { compileContract, type Contract } from '../contract/compile.js';
import { resolveTokenizer } from '../generate/exact-tokenizer.js';
import { getProfile, type Profile } from '../profiles/index.js';
import { authenticate } from './auth.js';
import { handleChat, type ChatDeps } from './chat.js';
import { systemClock } from './clock.js';
import { FakeError, apiError, errorResponse, redactKey } from './errors.js';
import type { FakeOptions } from './options.js';
import { matchRoute, type Route } from './routes.js';
import { FakeStore, type RequestTrace } from './store.js';
import type { Balance, ModelList } from './types.js';
import { inProfileTerms, toApiError, type ErrorInput } from '../scenario/error-catalogue.js';
import { asLoadedFixtures, prepareFixtures } from '../scenario/fixture-set.js';
import type { FixtureRule } from '../scenario/fixture-types.js';
import { validateRespond } from '../scenario/fixture-validate.js';
import type { Journal } from '../scenario/journal.js';
import { isEmptyBalance, keyStateError } from '../scenario/key-states.js';
import { journalEntry, releaseWhenBodyEnds } from '../scenario/request-record.js';
import { createScenarioResolver } from '../scenario/resolver-chain.js';
import type { RespondInput } from '../scenario/respond.js';

export interface HandleInit {
  /** The part of the URL path the adapter mounts the API under (e.g. `/api/deepseek`). */
  basePath?: string;
  /** Filled in by the core for the adapter's request log: what it learnt while answering. */
  notes?: RequestNotes;
}

/** Facts about one request the adapter may log. Never holds a whole API key. */
export interface RequestNotes {
  /** The bearer key, masked as DeepSeek masks it (`****abcd`). */
  key?: string;
  /** The scenario that shaped the answer (`Scenario.source`), when one did. */
  scenario?: string;
}

export interface Fake {
  readonly profile: Profile;
  readonly contract: Contract;
  readonly options: Readonly<FakeOptions>;
  readonly store: FakeStore;
  handle(request: Request, init?: HandleInit): Promise<Response>;
  /** Clears all state: journal, queued responses, cache memory, counters, fixtures added with `use`. */
  reset(): void;
  // --- scenarios (issue 5) ---
  /**
   * Queues answers for the next valid chat requests, one each, before header and fixtures; a bare
   * status or error name (`429`, `'insufficient-balance'`) stands for `{ error: … }`. Returns the queue length.
   */
  next(...responses: (RespondInput | ErrorInput)[]): number;
  /** Adds fixture rules in front of the current ones (until `reset()`); validated like fixture files. */
  use(...rules: (FixtureRule | FixtureRule[])[]): void;
  /** Every request seen, with helpers: all(), last(), lastMessages(), count({ model }), clear(). */
  readonly journal: Journal;
}

export function createFake(options: FakeOptions = {}): Fake {
  const profile = getProfile(options.profile);
  const store = new FakeStore({ journalLimit: options.journalLimit, fixtures: asLoadedFixtures(options.fixtures ?? [], 'options') });
  const clock = options.clock ?? systemClock;
  const limitsOn = options.concurrencyLimit !== undefined || options.rpm !== undefined || options.tpm !== undefined;
  // Keys with a configured state must get past an --api-key allow-list to reach their state.
  const allowedKeys = options.apiKeys?.length ? [...options.apiKeys, ...Object.keys(options.keyStates ?? {})] : options.apiKeys;
  const deps: ChatDeps = {
    profile,
    contract: compileContract(profile.document),
    options,
    clock,
    tokenizer: resolveTokenizer(options.tokenizer),
    store,
    resolveScenario: createScenarioResolver(store, options.resolveScenario, profile.errors),
  };

  async function handle(request: Request, init: HandleInit = {}): Promise<Response> {
    const traceId = crypto.randomUUID().replace(/-/g, '');
    store.requestCount++;
    const trace: RequestTrace = { validated: false, scenario: null, tokens: 0 };
    store.traces.set(request, trace);
    let response: Response;
    try {
      response = await route(request, init, trace);
      // Response.error() (a simulated connection reset) has immutable headers and sends none.
      if (response.type !== 'error') response.headers.set('x-ds-trace-id', traceId);
    } catch (e) {
      if (e instanceof FakeError) response = errorResponse(e.error, { 'x-ds-trace-id': traceId });
      // A bug in the fake must still answer in DeepSeek's envelope, never with a stack trace.
      else response = errorResponse(apiError(500, 'api_error', 'Server Error'), { 'x-ds-trace-id': traceId });
    }
    // The journal's trace already knows which scenario answered; the adapter's log reads it from here.
    if (init.notes && trace.scenario) init.notes.scenario = trace.scenario;
    try {
      store.journal.add(await journalEntry(request, trace, response, clock.now(), options.maxBodyBytes));
    } catch {
      // The journal is a test aid; failing to record must never change the answer.
    }
    return response;
  }

  async function route(request: Request, init: HandleInit, trace: RequestTrace): Promise<Response> {
    const url = new URL(request.url);
    const base = (init.basePath ?? '').replace(/\/+$/, '');
    const pathname = base && url.pathname.startsWith(base) ? url.pathname.slice(base.length) || '/' : url.pathname;
    const route = matchRoute(pathname, profile);
    if (!route.endpoint) {
      throw new FakeError(apiError(404, 'invalid_request_error', `Unknown path ${url.pathname}`));
    }
    if (!route.allow.includes(request.method)) {
      throw new FakeError(
        apiError(405, 'invalid_request_error', `Method ${request.method} is not allowed on ${url.pathname}`, null, { allow: route.allow.join(', ') }),
      );
    }
    const apiKey = authenticate(request.headers.get('authorization'), allowedKeys);
    const state = options.keyStates?.[apiKey];
    const stateError = keyStateError(state, apiKey, route.endpoint, profile.errors);
    if (stateError) {
      trace.scenario = `key-state:${state}`;
      throw new FakeError(toApiError(stateError));
    }
    if (init.notes) init.notes.key = redactKey(apiKey);
    switch (route.endpoint) {
      case 'models':
        return json(listModels(profile));
      case 'balance':
        return json(balance(isEmptyBalance(state)));
      case 'chat':
        return limitsOn ? limitedChat(request, route, apiKey, trace) : handleChat(request, route, apiKey, deps);
    }
  }

  async function limitedChat(request: Request, route: Route, apiKey: string, trace: RequestTrace): Promise<Response> {
    const admission = store.limits.admit(apiKey, clock.now(), options);
    if (!admission.ok) {
      trace.scenario = `rate-limit:${admission.kind}`;
      throw new FakeError(toApiError(inProfileTerms('rate-limit', admission.error, profile.errors)));
    }
    let response: Response;
    try {
      response = await handleChat(request, route, apiKey, deps);
    } catch (e) {
      admission.release();
      throw e;
    }
    store.limits.spend(apiKey, clock.now(), trace.tokens);
    return releaseWhenBodyEnds(response, admission.release);
  }

  return {
    profile,
    contract: deps.contract,
    options,
    store,
    handle,
    reset: () => store.reset(),
    next: (...responses) => store.queue.push(...validateRespond(responses.map((r) => (typeof r === 'object' ? r : { error: r })), 'fake.next')),
    use: (...rules) => {
      store.usedFixtures = [...prepareFixtures(rules.flat(), 'use'), ...store.usedFixtures];
    },
    journal: store.journal,
  };
}

function listModels(profile: Profile): ModelList {
  return { object: 'list', data: profile.models.map((m) => ({ id: m.id, object: 'model', owned_by: m.ownedBy })) };
}

function balance(empty = false): Balance {
  if (empty) return { is_available: false, balance_infos: [{ currency: 'CNY', total_balance: '0.00', granted_balance: '0.00', topped_up_balance: '0.00' }] };
  return {
    is_available: true,
    balance_infos: [{ currency: 'CNY', total_balance: '110.00', granted_balance: '10.00', topped_up_balance: '100.00' }],
  };
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
