// Applies an OpenAPI Overlay 1.0 document (https://spec.openapis.org/overlay/v1.0.html) to an
// OpenAPI document. Profiles are the official contract plus an overlay, so a provider's
// differences are written once, as data, and everything it shares stays shared.
//
// Supported: `update` and `remove` actions, applied in order; targets in the JSONPath subset
// `$`, `.name`, `['name']`, `[n]` (one node per target: profile overlays name exact places).
// Merge rule (Overlay 1.0 §4.4.3): objects merge recursively, arrays append, other values
// replace. To replace an array (a `required` list, an enum), remove it first, then update.

export interface OverlayAction {
  target: string;
  description?: string;
  update?: unknown;
  remove?: boolean;
}

export interface OverlayDocument {
  overlay: string;
  info: { title: string; version: string };
  actions: OverlayAction[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Splits `$.a['b/c'][0]` into ['a', 'b/c', 0]. Throws on anything outside the subset. */
export function parseTarget(target: string): (string | number)[] {
  if (!target.startsWith('$')) throw new Error(`Overlay target must start with $: ${target}`);
  const parts: (string | number)[] = [];
  const token = /\.([A-Za-z0-9_$-]+)|\['((?:[^'\\]|\\.)*)'\]|\[(\d+)\]/y;
  token.lastIndex = 1;
  while (token.lastIndex < target.length) {
    const at = token.lastIndex;
    const m = token.exec(target);
    if (!m) throw new Error(`Unsupported overlay target syntax at ${at}: ${target}`);
    parts.push(m[1] ?? (m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : Number(m[3])));
  }
  return parts;
}

function merge(target: unknown, update: unknown): unknown {
  if (isObject(target) && isObject(update)) {
    const out: Json = { ...target };
    for (const [k, v] of Object.entries(update)) out[k] = k in out ? merge(out[k], v) : structuredClone(v);
    return out;
  }
  if (Array.isArray(target) && Array.isArray(update)) return [...target, ...structuredClone(update)];
  return structuredClone(update);
}

/** Returns a new document; the input is not modified. Throws when a target does not exist. */
export function applyOverlay<T extends Record<string, unknown>>(document: T, overlay: OverlayDocument): T {
  let root: unknown = structuredClone(document);
  for (const action of overlay.actions) {
    const path = parseTarget(action.target);
    if (path.length === 0) {
      if (action.remove) throw new Error('An overlay cannot remove the whole document');
      root = merge(root, action.update);
      continue;
    }
    let parent: unknown = root;
    for (const part of path.slice(0, -1)) {
      parent = (parent as Record<string | number, unknown> | null)?.[part];
      if (parent === undefined || parent === null || typeof parent !== 'object') {
        throw new Error(`Overlay target not found: ${action.target}`);
      }
    }
    const last = path[path.length - 1]!;
    const container = parent as Record<string | number, unknown>;
    if (!(last in container)) throw new Error(`Overlay target not found: ${action.target}`);
    if (action.remove) {
      if (Array.isArray(container) && typeof last === 'number') container.splice(last, 1);
      else delete container[last];
    } else if (action.update !== undefined) {
      container[last] = merge(container[last], action.update);
    }
  }
  return root as T;
}
