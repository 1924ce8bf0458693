// The provider profiles, by name. `getProfile(name)` is how the server, the msw factory and the
// conformance checker pick one; `profileContract(name)` gives its compiled validators.
import { compileContract, type Contract } from '../contract/compile.js';
import { multimodalV32Profile } from './multimodal-v32.js';
import { officialProfile } from './official.js';
import { openaiCompatibleProfile } from './openai-compatible.js';
import type { Profile } from './profile.js';
import { thinkingSwitchProfile } from './thinking-switch.js';

export type { Profile, ModelSpec, ProfileError, ProfileErrorKind } from './profile.js';
export { findModel } from './profile.js';
export { applyOverlay, type OverlayDocument } from './overlay.js';

/** Every profile, the default (`deepseek`) first. */
export const profiles: readonly Profile[] = [officialProfile, openaiCompatibleProfile, multimodalV32Profile, thinkingSwitchProfile];

export const profileNames: readonly string[] = profiles.map((p) => p.name);

export const DEFAULT_PROFILE = 'deepseek';

export function getProfile(name: string | Profile | undefined): Profile {
  if (name && typeof name === 'object') return name;
  const wanted = name ?? DEFAULT_PROFILE;
  const found = profiles.find((p) => p.name === wanted);
  if (!found) throw new Error(`Unknown profile "${wanted}". Known profiles: ${profileNames.join(', ')}`);
  return found;
}

/** The compiled validators of a profile's contract (compiled once per document). */
export function profileContract(name: string | Profile | undefined): Contract {
  return compileContract(getProfile(name).document);
}
