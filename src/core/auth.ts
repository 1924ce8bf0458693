// DeepSeek's bearer-key check, with its exact 401 messages.
import { messages } from '../contract/deepseek-messages.js';
import { FakeError, apiError, maskKey } from './errors.js';

function unauthorized(message: string): FakeError {
  return new FakeError(apiError(401, 'authentication_error', message));
}

/** Returns the key, or throws DeepSeek's 401. With no configured keys, any Bearer key is accepted. */
export function authenticate(header: string | null, keys: readonly string[] | undefined): string {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) throw unauthorized(messages.authHeaderFormat);
  const key = match[1]!;
  if (keys && keys.length && !keys.includes(key)) throw unauthorized(messages.authInvalidKey(maskKey(key)));
  return key;
}
