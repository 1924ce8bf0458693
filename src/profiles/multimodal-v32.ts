// The multimodal DeepSeek-V3.2 provider of seed 002: content parts (text, image_url, file),
// temperature/top_p in [0, 1] with defaults 0.95/0.7, stop ≤ 4, its own error table.
import base from '../contract/generated/deepseek-openapi.js';
import overlay from '../contract/generated/multimodal-v3-2-overlay.js';
import { applyOverlay, type OverlayDocument } from './overlay.js';
import type { Profile } from './profile.js';
import { defaultsFromDocument, rangesFromDocument } from './request-limits.js';

const document = applyOverlay(base, overlay as unknown as OverlayDocument);

export const multimodalV32Profile: Profile = {
  name: 'multimodal-v3.2',
  title: 'Multimodal DeepSeek-V3.2 provider (seed 002): image/file parts, temperature [0, 1]',
  source: 'seeds/002_2eb206320b694976.txt',
  document,
  models: [
    {
      id: 'deepseek-v3.2',
      ownedBy: 'deepseek',
      contextWindow: 131072,
      // The seed gives no bound; DeepSeek-V3.2's non-thinking output limit.
      maxTokens: { default: 4096, max: 8192 },
      reasoning: 'never',
    },
  ],
  ranges: rangesFromDocument(document),
  defaults: defaultsFromDocument(document),
  prefixes: ['', '/v1'],
  endpoints: ['chat', 'models'],
  systemFingerprint: 'fp_eaab8d114b_prod0820_fp8_kvcache',
  // Seed 002's error table. Its messages are the table's error names; the bodies are not documented.
  errors: {
    auth: { status: 401, type: 'authentication_error', message: 'Unauthorized' },
    permission: { status: 403, type: 'permission_error', message: 'Forbidden' },
    balance: { status: 403, type: 'permission_error', message: 'Forbidden' },
    'rate-limit': { status: 429, type: 'rate_limit_error', message: 'Too Many Requests' },
    server: { status: 500, type: 'api_error', message: 'Internal server error' },
    'content-policy': { status: 400, documentedStatus: 503, type: 'invalid_request_error', message: 'Content policy violation' },
  },
};
