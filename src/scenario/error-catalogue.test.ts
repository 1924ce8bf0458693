import { describe, expect, it } from 'vitest';
import { messages } from '../contract/deepseek-messages.js';
import { catalogueEntry, errorCatalogue, expandError } from './error-catalogue.js';

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
