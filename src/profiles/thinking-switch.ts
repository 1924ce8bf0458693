// The thinking-switch provider of seed 003: model deepseek-v3-1-250821 at POST /v1/chat/completions,
// `thinking: {type: enabled | disabled | auto}` (default enabled), usage always in the response.
import base from '../contract/generated/deepseek-openapi.js';
import overlay from '../contract/generated/thinking-switch-overlay.js';
import { officialProfile } from './official.js';
import { applyOverlay, type OverlayDocument } from './overlay.js';
import type { Profile } from './profile.js';
import { defaultsFromDocument } from './request-limits.js';

const document = applyOverlay(base, overlay as unknown as OverlayDocument);

export const thinkingSwitchProfile: Profile = {
  name: 'thinking-switch',
  title: 'Thinking-switch provider (seed 003): deepseek-v3-1-250821 at /v1, thinking on/off/auto',
  source: 'seeds/003_75d19b66846b5aa0.txt',
  document,
  models: [
    {
      id: 'deepseek-v3-1-250821',
      ownedBy: 'deepseek',
      contextWindow: 131072,
      // The seed gives no bound; the V3.1 hosting it documents 32K output.
      maxTokens: { default: 4096, max: 32768 },
      reasoning: 'switchable',
      // Seed 003: "enabled：默认强制开启" — thinking is on unless the request turns it off.
      thinkingDefault: 'enabled',
    },
  ],
  // Its temperature is "between 0 and 2", as DeepSeek's.
  ranges: officialProfile.ranges,
  defaults: { ...defaultsFromDocument(document), thinking: { type: 'enabled' } }, // documentation; the model's thinkingDefault acts on it
  prefixes: ['/v1'],
  endpoints: ['chat', 'models'],
  systemFingerprint: officialProfile.systemFingerprint,
  // Undocumented by the provider; DeepSeek's errors passed through.
  errors: officialProfile.errors,
};
