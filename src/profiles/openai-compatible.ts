// The OpenAI-compatible reseller of seed 000: the official fields at POST /chat/completions only,
// reasoning_content deltas in stream chunks, no balance endpoint. Contract: official + overlay.
import base from '../contract/generated/deepseek-openapi.js';
import overlay from '../contract/generated/openai-compatible-overlay.js';
import { officialProfile } from './official.js';
import { applyOverlay, type OverlayDocument } from './overlay.js';
import type { Profile } from './profile.js';
import { defaultsFromDocument } from './request-limits.js';

const document = applyOverlay(base, overlay as unknown as OverlayDocument);

export const openaiCompatibleProfile: Profile = {
  name: 'openai-compatible',
  title: 'OpenAI-compatible reseller (seed 000): official fields at /chat/completions',
  source: 'seeds/000_445d93fa995b8b25.txt',
  document,
  // It resells DeepSeek's own models, with their limits.
  models: officialProfile.models,
  ranges: officialProfile.ranges,
  defaults: defaultsFromDocument(document),
  prefixes: [''],
  endpoints: ['chat', 'models'],
  systemFingerprint: officialProfile.systemFingerprint,
  // Undocumented by the reseller; it passes DeepSeek's errors through.
  errors: officialProfile.errors,
};
