// The runtime-neutral core: a function from a Web Request to a Response. Adapters (Hono, msw)
// only hand requests in. No node: imports here.
import { compileContract, type Contract } from '../contract/compile.js';
import { requestSchemaError } from '../contract/request-errors.js';
import { checkRequestRules, requireModel } from '../contract/semantic-rules.js';
import { generateDraft } from '../generate/completion.js';
import { estimateTokenizer, type Tokenizer } from '../generate/tokenizer.js';
import { getProfile, type Profile } from '../profiles/index.js';
import { completionFromDraft } from '../serialize/json.js';
import { chunksFromDraft } from '../serialize/chunks.js';
import { SSE_HEADERS, sseStream } from '../serialize/sse.js';
import { authenticate } from './auth.js';
import { systemClock, type Clock } from './clock.js';
import { FakeError, apiError, errorResponse, invalidRequest } from './errors.js';
import type { FakeOptions } from './options.js';
import { canonicalJson, createRng, hashString } from './random.js';
import { matchRoute, type Route } from './routes.js';
import type { Balance, ChatRequest, ModelList } from './types.js';

export interface HandleInit {
  /** The part of the URL path the adapter mounts the API under (e.g. `/api/deepseek`). */
  basePath?: string;
}

export interface Fake {
  readonly profile: Profile;
  readonly contract: Contract;
  readonly options: Readonly<FakeOptions>;
  handle(request: Request, init?: HandleInit): Promise<Response>;
}

export function createFake(options: FakeOptions = {}): Fake {
  const profile = getProfile(options.profile);
  const contract = compileContract(profile.document);
  const clock: Clock = options.clock ?? systemClock;
  const tokenizer: Tokenizer = options.tokenizer ?? estimateTokenizer;
  const seedSalt = options.seed === undefined ? '' : String(options.seed);

  async function handle(request: Request, init: HandleInit = {}): Promise<Response> {
    const traceId = newTraceId();
    try {
      const response = await route(request, init);
      response.headers.set('x-ds-trace-id', traceId);
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
    authenticate(request.headers.get('authorization'), options.apiKeys);
    switch (route.endpoint) {
      case 'models':
        return json(listModels());
      case 'balance':
        return json(balance());
      case 'chat':
        return chat(request, route);
    }
  }

  function listModels(): ModelList {
    return { object: 'list', data: profile.models.map((m) => ({ id: m.id, object: 'model', owned_by: m.ownedBy })) };
  }

  function balance(): Balance {
    return {
      is_available: true,
      balance_infos: [{ currency: 'CNY', total_balance: '110.00', granted_balance: '10.00', topped_up_balance: '100.00' }],
    };
  }

  async function chat(request: Request, route: Route): Promise<Response> {
    const contentType = request.headers.get('content-type') ?? '';
    if (!/^application\/json\b/i.test(contentType.trim())) {
      throw invalidRequest('Expected request with `Content-Type: application/json`');
    }
    const raw = await request.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (e) {
      throw invalidRequest(`Failed to parse the request body as JSON: ${(e as Error).message}`);
    }
    if (!contract.request(parsed)) {
      // max_tokens' range is the model's, when the body names a known model.
      const named = profile.models.find((m) => m.id === (parsed as { model?: unknown } | null)?.model) ?? profile.models[0]!;
      const ranges = { ...profile.ranges, max_tokens: `[1, ${named.maxTokens.max}]` };
      throw new FakeError(requestSchemaError(contract.request.errors ?? [], { raw, body: parsed, ranges }));
    }
    const body = parsed as ChatRequest;
    const rules = { body, profile, beta: route.beta };
    const model = requireModel(rules);
    checkRequestRules(rules, model);

    const requestSeed = hashString(`${seedSalt}\u0000${canonicalJson({ ...body, stream: null, stream_options: null })}`);
    const rng = createRng(requestSeed);
    const id = options.ids === 'seeded' ? rng.uuid() : crypto.randomUUID();
    const draft = generateDraft({
      body,
      model,
      rng,
      tokenizer,
      id,
      created: Math.floor(clock.now() / 1000),
      systemFingerprint: profile.systemFingerprint,
    });
    if (body.stream === true) {
      const chunks = chunksFromDraft(draft, { includeUsage: body.stream_options?.include_usage === true });
      return new Response(sseStream(chunks), { status: 200, headers: SSE_HEADERS });
    }
    return json(completionFromDraft(draft));
  }

  return { profile, contract, options, handle };
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function newTraceId(): string {
  return crypto.randomUUID().replace(/-/g, '');
}
