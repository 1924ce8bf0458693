// The runtime-neutral core: a function from a Web Request to a Response. Adapters (Hono, msw)
// only hand requests in. No node: imports here.
import { compileContract, type Contract } from '../contract/compile.js';
import { estimateTokenizer } from '../generate/tokenizer.js';
import { getProfile, type Profile } from '../profiles/index.js';
import { authenticate } from './auth.js';
import { handleChat, type ChatDeps } from './chat.js';
import { systemClock } from './clock.js';
import { FakeError, apiError, errorResponse } from './errors.js';
import type { FakeOptions } from './options.js';
import { matchRoute } from './routes.js';
import { FakeStore } from './store.js';
import type { Balance, ModelList } from './types.js';

export interface HandleInit {
  /** The part of the URL path the adapter mounts the API under (e.g. `/api/deepseek`). */
  basePath?: string;
}

export interface Fake {
  readonly profile: Profile;
  readonly contract: Contract;
  readonly options: Readonly<FakeOptions>;
  readonly store: FakeStore;
  handle(request: Request, init?: HandleInit): Promise<Response>;
  /** Clears all state: journal, queued responses, cache memory, counters. */
  reset(): void;
}

export function createFake(options: FakeOptions = {}): Fake {
  const profile = getProfile(options.profile);
  const store = new FakeStore();
  const deps: ChatDeps = {
    profile,
    contract: compileContract(profile.document),
    options,
    clock: options.clock ?? systemClock,
    tokenizer: options.tokenizer ?? estimateTokenizer,
    store,
    resolveScenario: options.resolveScenario,
  };

  async function handle(request: Request, init: HandleInit = {}): Promise<Response> {
    const traceId = crypto.randomUUID().replace(/-/g, '');
    store.requestCount++;
    try {
      const response = await route(request, init);
      // Response.error() (a simulated connection reset) has immutable headers and sends none.
      if (response.type !== 'error') response.headers.set('x-ds-trace-id', traceId);
      return response;
    } catch (e) {
      if (e instanceof FakeError) return errorResponse(e.error, { 'x-ds-trace-id': traceId });
      // A bug in the fake must still answer in DeepSeek's envelope, never with a stack trace.
      return errorResponse(apiError(500, 'api_error', 'Server Error'), { 'x-ds-trace-id': traceId });
    }
  }

  async function route(request: Request, init: HandleInit): Promise<Response> {
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
    const apiKey = authenticate(request.headers.get('authorization'), options.apiKeys);
    switch (route.endpoint) {
      case 'models':
        return json(listModels(profile));
      case 'balance':
        return json(balance());
      case 'chat':
        return handleChat(request, route, apiKey, deps);
    }
  }

  return { profile, contract: deps.contract, options, store, handle, reset: () => store.reset() };
}

function listModels(profile: Profile): ModelList {
  return { object: 'list', data: profile.models.map((m) => ({ id: m.id, object: 'model', owned_by: m.ownedBy })) };
}

function balance(): Balance {
  return {
    is_available: true,
    balance_infos: [{ currency: 'CNY', total_balance: '110.00', granted_balance: '10.00', topped_up_balance: '100.00' }],
  };
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
