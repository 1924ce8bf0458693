// Rate limits through the fake: concurrency held by open streams, RPM/TPM windows on an injected clock.
import { describe, expect, it } from 'vitest';
import { messages } from '../src/contract/deepseek-messages.js';
import type { Clock } from '../src/core/clock.js';
import { hi, newFake, post } from './helpers/fake-client.js';

function manualClock(): Clock & { t: number } {
  const clock = { t: 0, now: () => clock.t, sleep: () => Promise.resolve() };
  return clock;
}

describe('--concurrency-limit', () => {
  it('the (N+1)th concurrent stream gets DeepSeek 429; cancelling or finishing a stream frees its slot', async () => {
    const fake = newFake({ concurrencyLimit: 2 });
    const stream = { ...hi, stream: true };
    const a = await post(fake, stream);
    const b = await post(fake, stream);
    expect([a.status, b.status]).toEqual([200, 200]);
    const c = await post(fake, stream);
    expect(c.status).toBe(429);
    expect(c.headers.get('retry-after')).toBe('1');
    expect((await c.json()).error).toEqual({ message: messages.concurrency(3, 2), type: 'rate_limit_error', param: null, code: 'invalid_request_error' });
    expect(fake.journal.last()?.scenario).toBe('rate-limit:concurrency');

    await a.body!.cancel();
    const d = await post(fake, stream);
    expect(d.status).toBe(200);
    expect((await post(fake, stream)).status).toBe(429);
    expect(await b.text()).toContain('data: [DONE]');
    const e = await post(fake, hi); // JSON answers are complete when returned: no slot kept
    expect(e.status).toBe(200);
    expect((await post(fake, hi)).status).toBe(200);
    expect(fake.store.limits.inFlightFor('sk-test-1234')).toBe(1); // d is still open
    await d.text();
    expect(fake.store.limits.inFlightFor('sk-test-1234')).toBe(0);
  });

  it('is per API key', async () => {
    const fake = newFake({ concurrencyLimit: 1 });
    const open = await post(fake, { ...hi, stream: true });
    expect((await post(fake, { ...hi, stream: true }, { headers: { authorization: 'Bearer sk-other' } })).status).toBe(200);
    expect((await post(fake, { ...hi, stream: true })).status).toBe(429);
    await open.body!.cancel();
  });
});

describe('--rpm and --tpm (sliding 60 s window, injected clock)', () => {
  it('rpm: N requests pass, the next waits; Retry-After counts down to the exact boundary', async () => {
    const clock = manualClock();
    const fake = newFake({ rpm: 2, clock });
    expect((await post(fake, hi)).status).toBe(200);
    clock.t = 30_000;
    expect((await post(fake, { model: 'deepseek-chat', messages: [] })).status).toBe(400); // invalid requests count too
    const refused = await post(fake, hi);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect((await refused.json()).error.message).toBe(messages.rpmLimit(2));
    clock.t = 59_999;
    expect((await post(fake, hi)).headers.get('retry-after')).toBe('1');
    clock.t = 60_000;
    expect((await post(fake, hi)).status).toBe(200);
    expect((await post(fake, hi)).headers.get('retry-after')).toBe('30');
    expect(fake.journal.count({ scenario: 'rate-limit:rpm' })).toBe(3);
    expect((await post(fake, hi, { headers: { authorization: 'Bearer sk-other' } })).status).toBe(200); // per key
  });

  it('tpm: tokens of answers count; the request that reaches the limit passes, the next waits', async () => {
    const clock = manualClock();
    const fake = newFake({ tpm: 100, clock });
    fake.next({ usage: { total_tokens: 60 } }, { usage: { total_tokens: 40 } });
    expect((await post(fake, hi)).status).toBe(200);
    clock.t = 1_000;
    expect((await post(fake, hi)).status).toBe(200); // 60 < 100 before it; 100 after
    const refused = await post(fake, hi);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('59'); // the 60 tokens at t=0 leave at t=60 s
    expect((await refused.json()).error.message).toBe(messages.tpmLimit(100));
    clock.t = 59_999;
    expect((await post(fake, hi)).status).toBe(429);
    clock.t = 60_000;
    expect((await post(fake, hi)).status).toBe(200);
  });
});
