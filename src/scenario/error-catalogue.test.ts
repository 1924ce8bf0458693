import { describe, expect, it } from 'vitest';
import { messages } from '../contract/deepseek-messages.js';
import { getProfile } from '../profiles/index.js';
import { catalogueEntry, catalogueFor, errorCatalogue, expandError, inProfileTerms } from './error-catalogue.js';

describe('error catalogue', () => {
  it('has every documented status, each with a type and message', () => {
    expect([...new Set(errorCatalogue.map((e) => e.status))].sort()).toEqual([400, 401, 402, 403, 422, 429, 500, 503]);
    for (const e of errorCatalogue) expect(expandError(e.name, 'sk-x').message?.length ?? 0).toBeGreaterThan(5);
  });

  it('a bare status is its first entry; names pick the others', () => {
    expect(catalogueEntry(400)?.name).toBe('invalid-format');
    expect(catalogueEntry('400')?.name).toBe('invalid-format');
    expect(expandError('content-policy')).toEqual({ status: 400, type: 'invalid_request_error', message: messages.contentRisk, param: null });
    expect(expandError(402)).toEqual({ status: 402, type: 'unknown_error', message: 'Insufficient Balance', param: null });
    expect(expandError('no-such-user')).toMatchObject({ status: 401, message: 'Authentication Fails (no such user)' });
    expect(expandError(503)).toMatchObject({ type: 'service_unavailable_error', message: 'Server Overloaded' });
    expect(expandError(500)).toMatchObject({ type: 'api_error', message: 'Server Error' });
    expect(expandError(429).headers).toEqual({ 'retry-after': '1' });
  });

  it('objects start from the status entry and override what they name', () => {
    expect(expandError({ status: 429, retryAfter: 0 })).toMatchObject({ status: 429, type: 'rate_limit_error', headers: { 'retry-after': '0' } });
    expect(expandError({ status: 500, message: 'x', headers: { 'x-a': '1' } })).toMatchObject({ message: 'x', headers: { 'x-a': '1' } });
    expect(expandError({ status: 418 })).toEqual({ status: 418, type: 'invalid_request_error', message: 'Scenario error 418' });
    expect(() => expandError(418)).toThrow('unknown error "418"');
  });
});

describe('error catalogue per profile (profile.errors)', () => {
  const multimodal = getProfile('multimodal-v3.2').errors;

  it('DeepSeek-error profiles keep the catalogue as it is', () => {
    for (const name of ['deepseek', 'openai-compatible', 'thinking-switch']) {
      expect(catalogueFor(getProfile(name).errors)).toBe(errorCatalogue);
    }
    expect(expandError('invalid-key', 'sk-abcd1234', getProfile('deepseek').errors).message).toBe('Authentication Fails, Your api key: ****1234 is invalid');
  });

  it("seed 002's table: 403 for no permission or balance, content policy documented 503 and sent as 400", () => {
    const e = (input: Parameters<typeof expandError>[0]) => expandError(input, 'sk-x', multimodal);
    expect(e('insufficient-balance')).toEqual({ status: 403, type: 'permission_error', message: 'Forbidden', param: null });
    expect(e(402)).toMatchObject({ status: 403, message: 'Forbidden' });
    expect(e(403)).toMatchObject({ status: 403, type: 'permission_error', message: 'Forbidden' });
    expect(e('content-policy')).toEqual({ status: 400, type: 'invalid_request_error', message: 'Content policy violation', param: null });
    expect(e(503)).toMatchObject({ status: 400, message: 'Content policy violation' });
    expect(e(401)).toMatchObject({ status: 401, type: 'authentication_error', message: 'Unauthorized' });
    expect(e('no-such-user')).toMatchObject({ status: 401, message: 'Unauthorized' });
    expect(e(429)).toEqual({ status: 429, type: 'rate_limit_error', message: 'Too Many Requests', param: null, headers: { 'retry-after': '1' } });
    expect(e(500)).toMatchObject({ status: 500, type: 'api_error', message: 'Internal server error' });
    // What seed 002 does not document stays DeepSeek's.
    expect(e('overloaded')).toMatchObject({ status: 503, message: 'Server Overloaded' });
    expect(e(400)).toMatchObject({ status: 400, message: messages.deserializeFailed });
    // An explicit object keeps its status: the provider's documented 503 for the block.
    expect(e({ status: 503 })).toMatchObject({ status: 503, message: 'Content policy violation' });
  });
});

describe('inProfileTerms', () => {
  it("rewords the limiter's 429 for a profile with its own, keeping Retry-After; DeepSeek's profiles keep the message", () => {
    const limiter = { status: 429, type: 'rate_limit_error', message: messages.concurrency(2, 1), param: null, headers: { 'retry-after': '1' } };
    expect(inProfileTerms('rate-limit', limiter, getProfile('deepseek').errors)).toBe(limiter);
    expect(inProfileTerms('rate-limit', limiter, getProfile('multimodal-v3.2').errors)).toEqual({ ...limiter, message: 'Too Many Requests' });
  });
});
