import { officialProfile } from './official.js';
import type { Profile } from './profile.js';

export type { Profile, ModelSpec } from './profile.js';
export { findModel } from './profile.js';

export const profiles: readonly Profile[] = [officialProfile];

export function getProfile(name: string | Profile | undefined): Profile {
  if (name && typeof name === 'object') return name;
  const wanted = name ?? 'deepseek';
  const found = profiles.find((p) => p.name === wanted);
  if (!found) throw new Error(`Unknown profile "${wanted}". Known profiles: ${profiles.map((p) => p.name).join(', ')}`);
  return found;
}
