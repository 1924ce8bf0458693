// Small helpers for calling a fake in-process.
import { createFake, type Fake } from '../../src/core/fake.js';
import type { FakeOptions } from '../../src/core/options.js';

export const BASE = 'https://api.deepseek.com';

export function post(fake: Fake, body: unknown, init: { path?: string; headers?: Record<string, string>; raw?: string } = {}): Promise<Response> {
  return fake.handle(
    new Request(`${BASE}${init.path ?? '/chat/completions'}`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-test-1234', 'content-type': 'application/json', ...init.headers },
      body: init.raw ?? JSON.stringify(body),
    }),
  );
}

export function get(fake: Fake, path: string, headers: Record<string, string> = { authorization: 'Bearer sk-test-1234' }): Promise<Response> {
  return fake.handle(new Request(`${BASE}${path}`, { headers }));
}

export function newFake(options: FakeOptions = {}): Fake {
  return createFake(options);
}

export const hi = { model: 'deepseek-chat', messages: [{ role: 'user', content: 'Hi' }] };
