// Which endpoint a path names, after the adapter's base path and one of the profile's prefixes
// (`''`, `/v1`, `/beta` on the official API; only `/v1` on the thinking-switch provider).
import type { Profile } from '../profiles/profile.js';

export type Endpoint = 'chat' | 'models' | 'balance';

export interface Route {
  endpoint: Endpoint | null;
  /** The methods the endpoint answers, for 405's Allow header. */
  allow: readonly string[];
  /** The prefix the path came in under ('' | '/v1' | '/beta' ...). */
  prefix: string;
  beta: boolean;
}

const endpoints: Record<string, { endpoint: Endpoint; allow: readonly string[] }> = {
  '/chat/completions': { endpoint: 'chat', allow: ['POST'] },
  '/models': { endpoint: 'models', allow: ['GET'] },
  '/user/balance': { endpoint: 'balance', allow: ['GET'] },
};

export function matchRoute(pathname: string, profile: Profile): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  // Longest prefix first, so '/v1' is not mistaken for '' + '/v1/...'.
  const prefixes = [...profile.prefixes].sort((a, b) => b.length - a.length);
  for (const prefix of prefixes) {
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length);
    const hit = endpoints[rest];
    // An endpoint the provider does not document is a 404 there, as an unknown path.
    if (hit && (!profile.endpoints || profile.endpoints.includes(hit.endpoint))) return { ...hit, prefix, beta: prefix === '/beta' };
  }
  return { endpoint: null, allow: [], prefix: '', beta: false };
}
