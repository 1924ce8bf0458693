// What a scenario may ask of a response. Fixtures, the control header and queued responses all
// resolve to these objects (src/scenario/), and the generator and serializers honour them.
import type { FinishReason, Usage } from './types.js';

/**
 * Mid-stream faults. Each names exactly what the client sees (README, "Faults"). Chunks count from 0
 * and include the role chunk; keep-alives do not count; a count past the end means "before [DONE]".
 */
export type StreamFault =
  /** N chunks, then the connection closes mid-body (no [DONE]). */
  | { kind: 'disconnect'; afterChunks: number }
  /** Chunk N is cut off halfway (invalid JSON); the rest and [DONE] follow. */
  | { kind: 'malformed-chunk'; atChunk: number }
  /** A pause of `ms` after N chunks (default 0), then the rest. */
  | { kind: 'stall'; ms: number; afterChunks?: number }
  /** Every chunk, then a clean end without [DONE]. */
  | { kind: 'no-done' }
  /** N chunks, then `data: {"error":…}` in DeepSeek's envelope (default 500 "Server Error"), then the end. */
  | { kind: 'error-event'; afterChunks: number; status?: number; message?: string }
  /** The connection is reset before any byte (Response.error() in-process). */
  | { kind: 'reset' }
  /** No fault: lets one request (header, fixture, queue) opt out of a server-wide fault. */
  | { kind: 'none' };

export interface Timing {
  /** Delay before the first content byte (after any queue wait), ms. */
  ttftMs?: number;
  /** Generation speed; 0 or undefined = as fast as possible. */
  tokensPerSecond?: number;
  /** Random spread of each inter-token delay, 0..1 (0.2 = ±20%), seeded. */
  jitter?: number;
  /** Simulated wait for capacity before inference starts, ms (keep-alives are sent meanwhile). */
  queueWaitMs?: number;
  /** How often keep-alives are sent while waiting, ms. */
  keepAliveIntervalMs?: number;
}

export interface ScenarioToolCall {
  name: string;
  /** A JSON string, or an object that will be stringified. */
  arguments: string | Record<string, unknown>;
  id?: string;
}

export interface ScenarioError {
  status: number;
  type?: string;
  message?: string;
  param?: string | null;
  code?: string | null;
  headers?: Record<string, string>;
}

/** What to answer. Every field is optional; what is left out is generated as usual. */
export interface ScenarioResponse {
  content?: string;
  reasoning?: string;
  toolCalls?: ScenarioToolCall[];
  finishReason?: FinishReason;
  usage?: Partial<Usage>;
  error?: ScenarioError;
  fault?: StreamFault;
  timing?: Timing;
}

export interface Scenario {
  /** Where it came from, for the journal: `fixture:<file>#<rule>`, `header`, `queue`, `default`. */
  source: string;
  respond: ScenarioResponse;
}
