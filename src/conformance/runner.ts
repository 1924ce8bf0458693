// Sends each case to a provider and checks the answer. Uses only fetch and Web streams, so it runs
// wherever the fake's core does; recording to disk is the caller's business (onExchange).
import { compileContract } from '../contract/compile.js';
import { getProfile, type Profile } from '../profiles/index.js';
import { INVALID_KEY, builtinCases } from './builtin-cases.js';
import { curlCommand } from './curl.js';
import { checkResponse } from './response-checks.js';
import { finding } from './rules.js';
import { readAll } from './sse-parse.js';
import type { CaseResult, ConformanceCase, ConformanceReport, Exchange } from './types.js';

export interface RunOptions {
  baseUrl: string;
  /** Sent as `Authorization: Bearer KEY`. */
  apiKey?: string;
  /** The dialect whose contract answers are checked against. Default `deepseek`. */
  profile?: string | Profile;
  /** The chat model to ask; default the profile's first non-thinking model. */
  model?: string;
  /** The thinking model for reasoner cases; default the profile's. */
  reasonerModel?: string;
  /** Default: the built-in suite. */
  cases?: readonly ConformanceCase[];
  only?: readonly string[];
  skip?: readonly string[];
  /** Per request, ms. Default 60 000. */
  timeoutMs?: number;
  /** Requests in flight at once. Default 4. */
  concurrency?: number;
  /** Warnings fail their case too. */
  strict?: boolean;
  fetch?: typeof fetch;
  /** Called as each case finishes, in finishing order. */
  onCase?: (result: CaseResult) => void;
  /** Called with every exchange, e.g. to record it. */
  onExchange?: (exchange: Exchange) => void | Promise<void>;
}

/** Picks the cases --only / --skip name; unknown names are an error (a typo would pass silently). */
export function selectCases(cases: readonly ConformanceCase[], only?: readonly string[], skip?: readonly string[]): ConformanceCase[] {
  const ids = new Set(cases.map((c) => c.id));
  const unknown = [...(only ?? []), ...(skip ?? [])].filter((id) => !ids.has(id));
  if (unknown.length) throw new Error(`Unknown case(s): ${unknown.join(', ')}. Known: ${[...ids].join(', ')}`);
  return cases.filter((c) => (!only?.length || only.includes(c.id)) && !skip?.includes(c.id));
}

interface Models {
  chat: string;
  reasoner?: { id: string; extra: Record<string, unknown> };
}

function pickModels(profile: Profile, options: RunOptions): Models {
  const chat = options.model ?? (profile.models.find((m) => m.reasoning === 'never') ?? profile.models[0]!).id;
  if (options.reasonerModel) return { chat, reasoner: { id: options.reasonerModel, extra: {} } };
  const always = profile.models.find((m) => m.reasoning === 'always');
  if (always) return { chat, reasoner: { id: always.id, extra: {} } };
  const switchable = profile.models.find((m) => m.reasoning === 'switchable');
  // Thinking is switched on per request where the model supports both (seed 003).
  if (switchable) return { chat, reasoner: { id: switchable.id, extra: { thinking: { type: 'enabled' } } } };
  return { chat };
}

function headersOf(h: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  h.forEach((v, k) => (out[k] = v));
  return out;
}

/**
 * Expected messages may say `{range:FIELD}` where the text depends on the dialect: the profile's
 * documented range for FIELD (DeepSeek's `[0, 2]` for temperature, V3.2's `[0, 1]`).
 */
function withProfileRanges(expect: ConformanceCase['expect'], profile: Profile): ConformanceCase['expect'] {
  if (!expect?.errorMessage?.includes('{range:')) return expect;
  return { ...expect, errorMessage: expect.errorMessage.replace(/\{range:([a-z_]+)\}/g, (whole, field: string) => profile.ranges[field] ?? whole) };
}

export async function runCase(
  c: ConformanceCase,
  options: RunOptions & { models: Models; contract: ReturnType<typeof compileContract>; resolvedProfile: Profile },
): Promise<CaseResult> {
  const started = Date.now();
  const url = `${options.baseUrl.replace(/\/+$/, '')}${c.path ?? '/chat/completions'}`;
  const reasoner = c.model === 'reasoner' ? options.models.reasoner : undefined;
  const body: Record<string, unknown> = { model: reasoner?.id ?? options.models.chat, ...reasoner?.extra, ...c.body };
  const raw = JSON.stringify(body);
  const key = c.auth === 'invalid' ? INVALID_KEY : options.apiKey;
  const curl = curlCommand({ url, body: raw, key, secret: c.auth !== 'invalid', stream: body.stream === true });
  const result = (status: CaseResult['status'], findings: CaseResult['findings'], reason?: string): CaseResult => ({
    id: c.id,
    title: c.title,
    status,
    ...(reason ? { reason } : {}),
    durationMs: Date.now() - started,
    curl,
    findings: findings.map((f) => ({ ...f, case: c.id })),
  });
  if (c.model === 'reasoner' && !reasoner) return result('skipped', [], 'the profile has no thinking model (use --reasoner-model)');

  const headers: Record<string, string> = { 'content-type': 'application/json', accept: body.stream === true ? 'text/event-stream' : 'application/json' };
  if (key !== undefined) headers.authorization = `Bearer ${key}`;
  const exchange: Exchange = {
    case: c.id,
    request: { method: 'POST', url, headers: { ...headers, ...(key !== undefined && c.auth !== 'invalid' ? { authorization: 'Bearer ****' + key.slice(-4) } : {}) }, body: raw },
  };
  const signal = AbortSignal.timeout(options.timeoutMs ?? 60_000);
  let findings;
  try {
    const res = await (options.fetch ?? fetch)(url, { method: 'POST', headers, body: raw, signal });
    const bytes = res.body ? await readAll(res.body) : new Uint8Array();
    exchange.response = { status: res.status, headers: headersOf(res.headers), body: bytes };
    findings = checkResponse({
      contract: options.contract,
      request: body,
      expect: withProfileRanges(c.expect, options.resolvedProfile),
      response: { status: res.status, contentType: res.headers.get('content-type') ?? '', body: bytes },
    });
  } catch (e) {
    const err = e as Error;
    const why = err.name === 'TimeoutError' ? `no complete answer within ${(options.timeoutMs ?? 60_000) / 1000} s` : `${err.message}${err.cause ? ` (${(err.cause as Error).message ?? err.cause})` : ''}`;
    exchange.error = why;
    findings = [finding('transport', why)];
  }
  await options.onExchange?.(exchange);
  const failing = findings.some((f) => f.severity === 'error' || options.strict);
  return result(failing ? 'failed' : 'passed', findings);
}

/** Runs the suite. Throws for unknown case ids or profile; transport problems are findings. */
export async function runConformance(options: RunOptions): Promise<ConformanceReport> {
  const profile = getProfile(options.profile);
  const contract = compileContract(profile.document);
  const models = pickModels(profile, options);
  const cases = selectCases(options.cases ?? builtinCases, options.only, options.skip);
  const startedAt = new Date();
  const results: CaseResult[] = new Array(cases.length);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const i = next++;
      results[i] = await runCase(cases[i]!, { ...options, models, contract, resolvedProfile: profile });
      options.onCase?.(results[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, cases.length)) }, worker));
  const all = results.flatMap((r) => r.findings);
  return {
    baseUrl: options.baseUrl,
    profile: profile.name,
    model: models.chat,
    strict: options.strict ?? false,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    summary: {
      cases: results.length,
      passed: results.filter((r) => r.status === 'passed').length,
      failed: results.filter((r) => r.status === 'failed').length,
      skipped: results.filter((r) => r.status === 'skipped').length,
      errors: all.filter((f) => f.severity === 'error').length,
      warnings: all.filter((f) => f.severity === 'warning').length,
    },
    cases: results,
  };
}

/** Whether anything answers HTTP at the base URL; returns why not, or null when it does. */
export async function probeProvider(baseUrl: string, timeoutMs = 10_000, fetchImpl: typeof fetch = fetch): Promise<string | null> {
  try {
    const res = await fetchImpl(`${baseUrl.replace(/\/+$/, '')}/models`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel();
    return null;
  } catch (e) {
    const err = e as Error;
    if (err.name === 'TimeoutError') return `no answer from ${baseUrl} within ${timeoutMs / 1000} s`;
    const cause = err.cause as { code?: string; message?: string } | undefined;
    return `cannot reach ${baseUrl}: ${cause?.code ?? cause?.message ?? err.message}`;
  }
}
