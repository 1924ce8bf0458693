// The checks for use inside a team's own tests: a completion object, or a raw SSE body / stream.
import { compileContract } from '../contract/compile.js';
import { getProfile, type Profile } from '../profiles/index.js';
import { checkCompletion } from './completion-checks.js';
import { preferSpecific, schemaFindings } from './schema-findings.js';
import { checkStream } from './stream-checks.js';
import { readAll } from './sse-parse.js';
import type { CaseExpect, Finding } from './types.js';

export interface ValidateOptions {
  /** Default `deepseek`. */
  profile?: string | Profile;
  /** The request that produced the answer: its logprobs, top_logprobs and stream_options shape the rules. */
  request?: Record<string, unknown>;
  /** What the request forces (finish reason, tool call, JSON content…). */
  expect?: CaseExpect;
}

/** Findings for a non-streamed chat.completion (an empty list means it conforms). */
export function validateCompletion(completion: unknown, options: ValidateOptions = {}): Finding[] {
  const contract = compileContract(getProfile(options.profile).document);
  const request = options.request ?? {};
  return preferSpecific([
    ...schemaFindings(contract.completion, completion, 'schema.completion', '$'),
    ...checkCompletion({ completion, request, expect: options.expect, base: '$', requireUsage: true }),
  ]);
}

/** Findings for a whole SSE body: text, bytes, or a ReadableStream read to its end. */
export async function validateSse(body: string | Uint8Array | ReadableStream<Uint8Array>, options: ValidateOptions = {}): Promise<Finding[]> {
  const contract = compileContract(getProfile(options.profile).document);
  const text = typeof body === 'string' ? body : new TextDecoder().decode(body instanceof Uint8Array ? body : await readAll(body));
  return preferSpecific(checkStream({ contract, text, request: { stream: true, ...options.request }, expect: options.expect }));
}
