// POST /chat/completions: parse → validate → scenario → generate → serialize.
import type { Contract } from '../contract/compile.js';
import { requestSchemaError } from '../contract/request-errors.js';
import { documentedRequestFields } from '../contract/request-fields.js';
import { checkRequestRules, requireModel } from '../contract/semantic-rules.js';
import { generateDraft } from '../generate/completion.js';
import type { Tokenizer } from '../generate/tokenizer.js';
import type { ModelSpec, Profile } from '../profiles/profile.js';
import { respondWithDraft } from '../serialize/respond.js';
import type { Clock } from './clock.js';
import { FakeError, invalidRequest } from './errors.js';
import type { FakeOptions } from './options.js';
import { parseJsonBody } from './json-guard.js';
import { readBodyText } from './read-body.js';
import { canonicalJson, createRng, hashString, type Rng } from './random.js';
import type { Route } from './routes.js';
import { toApiError } from '../scenario/error-catalogue.js';
import type { Scenario } from './scenario-types.js';
import type { FakeStore } from './store.js';
import type { ChatRequest } from './types.js';

/** Request fields that shape how an answer is cut or annotated, not what it says. */
const seedNeutralFields = ['stop', 'max_tokens', 'logprobs', 'top_logprobs'];

/** Everything a request's handling needs, built once per fake. */
export interface ChatDeps {
  profile: Profile;
  contract: Contract;
  options: Readonly<FakeOptions>;
  clock: Clock;
  tokenizer: Tokenizer;
  store: FakeStore;
  /** Picks a scenario for a validated request (fixtures, control header, queue); undefined = generate. */
  resolveScenario?: (ctx: ChatContext) => Scenario | undefined;
}

/** A validated chat request and what was derived from it. */
export interface ChatContext {
  request: Request;
  route: Route;
  apiKey: string;
  raw: string;
  body: ChatRequest;
  model: ModelSpec;
  /** Seed derived from the body (minus stream fields) and the fake's seed. */
  seed: number;
  rng: Rng;
}

export async function readChatRequest(request: Request, deps: ChatDeps): Promise<{ raw: string; body: ChatRequest }> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(contentType.trim())) {
    throw invalidRequest('Expected request with `Content-Type: application/json`');
  }
  const raw = await readBodyText(request, deps.options.maxBodyBytes);
  // The journal records what was read here, so the body is read (and parsed) once.
  const trace = deps.store.traces.get(request);
  if (trace) trace.body = raw || null;
  const parsed = parseJsonBody(raw, deps.options.maxJsonDepth);
  if (trace) trace.body = parsed;
  const { contract, profile } = deps;
  if (!contract.request(parsed)) {
    // max_tokens' range is the model's, when the body names a known model.
    const named = profile.models.find((m) => m.id === (parsed as { model?: unknown } | null)?.model) ?? profile.models[0]!;
    const ranges = { ...profile.ranges, max_tokens: `[1, ${named.maxTokens.max}]` };
    throw new FakeError(requestSchemaError(contract.request.errors ?? [], { raw, body: parsed, ranges, fields: documentedRequestFields(contract.document) }));
  }
  return { raw, body: parsed as ChatRequest };
}

export async function handleChat(request: Request, route: Route, apiKey: string, deps: ChatDeps): Promise<Response> {
  const { raw, body } = await readChatRequest(request, deps);
  const rules = { body, profile: deps.profile, beta: route.beta };
  const model = requireModel(rules);
  checkRequestRules(rules, model);

  const salt = deps.options.seed === undefined ? '' : String(deps.options.seed);
  // Fields the model ignores (the reasoner's sampling knobs) must not change its answer, nor may
  // the ones that only cut or annotate it (stop, max_tokens, logprobs): a stopped answer is then
  // visibly the same answer, cut.
  const ignored = Object.fromEntries([...(model.ignores ?? []), ...seedNeutralFields].map((field) => [field, null]));
  const seed = hashString(`${salt}\u0000${canonicalJson({ ...body, ...ignored, stream: null, stream_options: null })}`);
  const ctx: ChatContext = { request, route, apiKey, raw, body, model, seed, rng: createRng(seed) };

  const scenario = deps.resolveScenario?.(ctx);
  const error = scenario?.respond.error;
  if (error) throw new FakeError(toApiError(error));

  const id = deps.options.ids === 'seeded' ? ctx.rng.uuid() : crypto.randomUUID();
  // A lazily loaded tokenizer (exact) finishes loading before the first answer that needs it.
  await deps.tokenizer.load?.();
  const draft = generateDraft({
    body,
    model,
    rng: ctx.rng,
    tokenizer: deps.tokenizer,
    id,
    created: Math.floor(deps.clock.now() / 1000),
    systemFingerprint: deps.profile.systemFingerprint,
    respond: scenario?.respond,
    apiKey,
    cache: deps.store.contextCache,
    beta: route.beta,
  });
  // The answer's tokens, for the TPM window and the journal, on the same trace the body went to.
  const trace = deps.store.traces.get(request);
  if (trace) trace.tokens = draft.usage.total_tokens;
  return respondWithDraft({
    draft,
    body,
    clock: deps.clock,
    seed,
    signal: request.signal,
    defaults: deps.options.stream,
    respond: scenario?.respond,
    errors: deps.profile.errors,
  });
}
