// The official DeepSeek API (seed 001 + the facts page). The default profile.
import document from '../contract/generated/deepseek-openapi.js';
import type { Profile } from './profile.js';

export const officialProfile: Profile = {
  name: 'deepseek',
  title: 'DeepSeek official API (api.deepseek.com)',
  source: 'seeds/001_df5ef54b5bf1d3a9.txt',
  document,
  models: [
    {
      id: 'deepseek-chat',
      ownedBy: 'deepseek',
      contextWindow: 131072,
      maxTokens: { default: 4096, max: 8192 },
      reasoning: 'never',
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
  ranges: {
    temperature: '[0, 2]',
    top_p: '(0, 1.0]',
    presence_penalty: '[-2, 2]',
    frequency_penalty: '[-2, 2]',
    top_logprobs_max: '20',
  },
  prefixes: ['', '/v1', '/beta'],
  systemFingerprint: 'fp_eaab8d114b_prod0820_fp8_kvcache',
};
