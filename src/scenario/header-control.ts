// The per-request control header, for clients that can only add a default header:
//
//   X-DeepSeek-Fake: error=429; retry-after=2
//   X-DeepSeek-Fake: content="Hello; \"quoted\""; finish=content_filter
//   X-DeepSeek-Fake: fault=disconnect-after-3; ttft=200; tps=50
//
// Grammar: `key=value` pairs separated by `;`. A value is a bare token (no spaces, `;` or `"`) or a
// double-quoted string with `\"` and `\\` escapes. Keys are case-insensitive. See README "Control header".
import type { ScenarioResponse, ScenarioToolCall, Timing } from '../core/scenario-types.js';
import type { FinishReason } from '../core/types.js';
import { expandError, type ProfileErrors } from './error-catalogue.js';
import { parseFault, unknownFaultMessage } from './fault-shorthand.js';

export const CONTROL_HEADER = 'x-deepseek-fake';

export class HeaderGrammarError extends Error {
  override name = 'HeaderGrammarError';
}

const finishReasons: readonly FinishReason[] = ['stop', 'length', 'content_filter', 'tool_calls', 'insufficient_system_resource'];
const timingKeys: Record<string, keyof Timing> = { ttft: 'ttftMs', tps: 'tokensPerSecond', jitter: 'jitter', 'queue-wait': 'queueWaitMs', 'keep-alive': 'keepAliveIntervalMs' };
const usageKeys = { 'prompt-tokens': 'prompt_tokens', 'completion-tokens': 'completion_tokens', 'total-tokens': 'total_tokens' } as const;
const repeatable = new Set(['tool', 'tool-args']);
export const controlKeys = ['error', 'retry-after', 'message', 'type', 'content', 'reasoning', 'finish', 'tool', 'tool-args', 'fault', ...Object.keys(timingKeys), ...Object.keys(usageKeys)];

/** Splits the header into ordered [key, value] pairs; throws HeaderGrammarError with the position. */
export function tokenizeControlHeader(header: string): [string, string][] {
  const pairs: [string, string][] = [];
  let i = 0;
  const fail = (what: string): never => {
    throw new HeaderGrammarError(`${what} at character ${i + 1}`);
  };
  const skipSpace = () => {
    while (i < header.length && /\s/.test(header[i]!)) i++;
  };
  for (;;) {
    skipSpace();
    if (i >= header.length) break;
    const keyStart = i;
    while (i < header.length && /[A-Za-z0-9_.-]/.test(header[i]!)) i++;
    const key = header.slice(keyStart, i).toLowerCase();
    if (!key) fail(`expected a key, found "${header[i]}"`);
    skipSpace();
    if (header[i] !== '=') fail(`expected "=" after "${key}"`);
    i++;
    skipSpace();
    let value = '';
    if (header[i] === '"') {
      i++;
      for (;;) {
        if (i >= header.length) fail(`unterminated quoted value for "${key}"`);
        const ch = header[i++]!;
        if (ch === '"') break;
        if (ch === '\\') {
          if (i >= header.length) fail(`unterminated quoted value for "${key}"`);
          value += header[i++];
        } else value += ch;
      }
    } else {
      const start = i;
      while (i < header.length && !/[;\s"]/.test(header[i]!)) i++;
      value = header.slice(start, i);
      if (!value) fail(`missing value for "${key}"`);
    }
    pairs.push([key, value]);
    skipSpace();
    if (i >= header.length) break;
    if (header[i] !== ';') fail(`expected ";" after the value of "${key}"`);
    i++;
  }
  return pairs;
}

function number(key: string, value: string, integer = false): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) {
    throw new HeaderGrammarError(`"${key}" must be a ${integer ? 'whole ' : ''}number ≥ 0, got "${value}"`);
  }
  return n;
}

/** The ScenarioResponse a control header asks for. `apiKey` fills messages that quote the key; errors in the profile's terms. */
export function parseControlHeader(header: string, apiKey = '', profileErrors?: ProfileErrors): ScenarioResponse {
  const pairs = tokenizeControlHeader(header);
  if (!pairs.length) throw new HeaderGrammarError('the header is empty');
  const seen = new Set<string>();
  const out: ScenarioResponse = {};
  const tools: ScenarioToolCall[] = [];
  let errorSpec: string | undefined;
  const errorExtras: { retryAfter?: number; message?: string; type?: string } = {};
  for (const [key, value] of pairs) {
    if (seen.has(key) && !repeatable.has(key)) throw new HeaderGrammarError(`"${key}" is given twice`);
    seen.add(key);
    if (key === 'error') errorSpec = value;
    else if (key === 'retry-after') errorExtras.retryAfter = number(key, value);
    else if (key === 'message') errorExtras.message = value;
    else if (key === 'type') errorExtras.type = value;
    else if (key === 'content') out.content = value;
    else if (key === 'reasoning') out.reasoning = value;
    else if (key === 'finish') {
      if (!finishReasons.includes(value as FinishReason)) throw new HeaderGrammarError(`"finish" must be one of ${finishReasons.join(', ')}, got "${value}"`);
      out.finishReason = value as FinishReason;
    } else if (key === 'tool') tools.push({ name: value, arguments: '{}' });
    else if (key === 'tool-args') {
      const last = tools[tools.length - 1];
      if (!last) throw new HeaderGrammarError('"tool-args" must follow a "tool"');
      try {
        JSON.parse(value);
      } catch {
        throw new HeaderGrammarError(`"tool-args" must be JSON, got ${JSON.stringify(value)}`);
      }
      last.arguments = value;
    } else if (key === 'fault') {
      const fault = parseFault(value);
      if (!fault) throw new HeaderGrammarError(unknownFaultMessage(value));
      out.fault = fault;
    } else if (key in timingKeys) out.timing = { ...out.timing, [timingKeys[key]!]: number(key, value) };
    else if (key in usageKeys) out.usage = { ...out.usage, [usageKeys[key as keyof typeof usageKeys]]: number(key, value, true) };
    else throw new HeaderGrammarError(`unknown key "${key}"; known keys: ${controlKeys.join(', ')}`);
  }
  if (tools.length) out.toolCalls = tools;
  if (errorSpec !== undefined) {
    let error;
    try {
      error = expandError(errorSpec, apiKey, profileErrors);
    } catch (e) {
      throw new HeaderGrammarError((e as Error).message);
    }
    if (errorExtras.message !== undefined) error.message = errorExtras.message;
    if (errorExtras.type !== undefined) error.type = errorExtras.type;
    if (errorExtras.retryAfter !== undefined) error.headers = { ...error.headers, 'retry-after': String(errorExtras.retryAfter) };
    out.error = error;
  } else if (Object.keys(errorExtras).length) {
    throw new HeaderGrammarError(`"${Object.keys(errorExtras)[0] === 'retryAfter' ? 'retry-after' : Object.keys(errorExtras)[0]}" needs an "error"`);
  }
  return out;
}
