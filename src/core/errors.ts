// Every failure in the pipeline is an ApiError value: status, DeepSeek's envelope fields and any
// extra headers. It is thrown as a FakeError so deep code can bail out, and turned into a Response
// in exactly one place (errorResponse), so the envelope is written once.
import type { ErrorResponse } from './types.js';

export interface ApiError {
  status: number;
  message: string;
  type: string;
  param: string | null;
  /** DeepSeek sends `invalid_request_error` as the code in every observed case. */
  code: string | null;
  headers?: Record<string, string>;
}

export class FakeError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'FakeError';
  }
}

export function apiError(status: number, type: string, message: string, param: string | null = null, headers?: Record<string, string>): ApiError {
  return { status, type, message, param, code: 'invalid_request_error', ...(headers ? { headers } : {}) };
}

/** 400 invalid_request_error, the most common answer. */
export function invalidRequest(message: string, param: string | null = null): FakeError {
  return new FakeError(apiError(400, 'invalid_request_error', message, param));
}

export function envelope(error: ApiError): ErrorResponse {
  return { error: { message: error.message, type: error.type, param: error.param, code: error.code } };
}

export function errorResponse(error: ApiError, extraHeaders?: Record<string, string>): Response {
  return new Response(JSON.stringify(envelope(error)), {
    status: error.status,
    headers: { 'content-type': 'application/json', ...extraHeaders, ...error.headers },
  });
}

/** The last four characters, as DeepSeek shows a key in its messages. */
export function maskKey(key: string): string {
  return `****${key.slice(-4)}`;
}

/**
 * A key as the journal and the request log keep it: like DeepSeek's mask, but a key too short for
 * its last four characters to hide the rest is not shown at all, so no key is ever stored whole.
 */
export function redactKey(key: string): string {
  return key.length > 8 ? maskKey(key) : '****';
}
