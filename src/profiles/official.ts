// The official DeepSeek API (seed 001 + the facts page). The default profile.
import document from '../contract/generated/deepseek-openapi.js';
import { messages } from '../contract/deepseek-messages.js';
import type { Profile } from './profile.js';
import { defaultsFromDocument } from './request-limits.js';

export const officialProfile: Profile = {
  name: 'deepseek',
  title: 'DeepSeek official API (api.deepseek.com), with /beta prefix completion and strict tools',
  source: 'seeds/001_df5ef54b5bf1d3a9.txt',
  document,
  models: [
    {
      id: 'deepseek-chat',
      ownedBy: 'deepseek',
      contextWindow: 131072,
      maxTokens: { default: 4096, max: 8192 },
      // Thinking mode on request (`thinking: {type: 'enabled'}`); off when the field is absent.
      reasoning: 'switchable',
      thinkingDefault: 'disabled',
    },
    {
      id: 'deepseek-reasoner',
      ownedBy: 'deepseek',
      contextWindow: 131072,
      maxTokens: { default: 32768, max: 65536 },
      reasoning: 'always',
      rejects: ['logprobs', 'top_logprobs'],
      ignores: ['temperature', 'top_p', 'presence_penalty', 'frequency_penalty'],
    },
  ],
  // DeepSeek's own wording, quirks included ("(0, 1.0]"), from the facts page.
  ranges: {
    temperature: '[0, 2]',
    top_p: '(0, 1.0]',
    presence_penalty: '[-2, 2]',
    frequency_penalty: '[-2, 2]',
    top_logprobs_max: '20',
  },
  defaults: defaultsFromDocument(document),
  prefixes: ['', '/v1', '/beta'],
  endpoints: ['chat', 'models', 'balance'],
  systemFingerprint: 'fp_eaab8d114b_prod0820_fp8_kvcache',
  errors: {
    auth: { status: 401, type: 'authentication_error', message: messages.authNoSuchUser },
    balance: { status: 402, type: 'unknown_error', message: messages.insufficientBalance },
    'rate-limit': { status: 429, type: 'rate_limit_error', message: messages.concurrency(26, 25) },
    server: { status: 500, type: 'api_error', message: messages.serverError },
    overloaded: { status: 503, type: 'service_unavailable_error', message: messages.serverOverloaded },
  },
};
