// Checks one HTTP answer against a case: status and content type, then the body as a completion,
// a stream or an error envelope. Runtime-neutral: it only reads bytes already received.
import type { Contract } from '../contract/compile.js';
import { checkCompletion } from './completion-checks.js';
import { finding } from './rules.js';
import { preferSpecific, schemaFindings } from './schema-findings.js';
import { checkStream } from './stream-checks.js';
import type { CaseExpect, Finding } from './types.js';

export interface ReceivedResponse {
  status: number;
  contentType: string;
  body: Uint8Array;
}

export interface ResponseCheckInput {
  contract: Contract;
  request: Record<string, unknown>;
  expect?: CaseExpect;
  response: ReceivedResponse;
}

const decoder = new TextDecoder();

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export function checkResponse(input: ResponseCheckInput): Finding[] {
  const { contract, request, expect = {}, response } = input;
  const want = expect.status ?? 200;
  const text = decoder.decode(response.body);
  const snippet = text.length > 300 ? `${text.slice(0, 300)}…` : text;
  if (response.status !== want) {
    return [{ ...finding('status', `HTTP ${response.status}${snippet ? `: ${snippet}` : ''}`, { value: response.status }), expected: `HTTP ${want}` }];
  }
  if (want >= 400) return checkError(contract, response, text, expect);
  const streaming = request.stream === true;
  const out: Finding[] = [];
  const typeOk = streaming ? /^text\/event-stream\b/i.test(response.contentType) : /^application\/json\b/i.test(response.contentType);
  if (!typeOk) out.push(finding('content-type', `content-type is "${response.contentType}"`, { value: response.contentType }));
  if (streaming) {
    out.push(...checkStream({ contract, text, request, expect }));
  } else {
    const parsed = parseJson(text);
    if (!parsed.ok) return [...out, finding('body.json', 'the body is not JSON', { value: snippet })];
    out.push(...schemaFindings(contract.completion, parsed.value, 'schema.completion', '$'));
    out.push(...checkCompletion({ completion: parsed.value, request, expect, base: '$', requireUsage: true }));
  }
  return preferSpecific(out);
}

function checkError(contract: Contract, response: ReceivedResponse, text: string, expect: CaseExpect): Finding[] {
  const out: Finding[] = [];
  if (!/^application\/json\b/i.test(response.contentType)) out.push(finding('content-type', `content-type is "${response.contentType}"`, { value: response.contentType }));
  const parsed = parseJson(text);
  if (!parsed.ok || !contract.error(parsed.value)) {
    out.push(finding('error.envelope', parsed.ok ? 'the error body is not the envelope' : 'the error body is not JSON', { path: '$', value: text.slice(0, 300) }));
    return out;
  }
  const message = (parsed.value as { error: { message: string } }).error.message;
  if (expect.errorMessage !== undefined && message !== expect.errorMessage) {
    out.push(finding('error.message', `message is ${JSON.stringify(message)}; DeepSeek says ${JSON.stringify(expect.errorMessage)}`, { path: '$.error.message', value: message }));
  }
  return out;
}
