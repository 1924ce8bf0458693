// What a scenario may ask of a response. Fixtures, the control header and queued responses all
// resolve to these objects (src/scenario/), and the generator and serializers honour them.
import type { FinishReason, Usage } from './types.js';

/** Mid-stream faults. Each names exactly what the client sees (README, "Faults"). */
export type StreamFault =
  | { kind: 'disconnect'; afterChunks: number }
  | { kind: 'malformed-chunk'; atChunk: number }
  | { kind: 'stall'; ms: number; afterChunks?: number }
  | { kind: 'no-done' }
  | { kind: 'error-event'; afterChunks: number; status?: number; message?: string }
  | { kind: 'reset' };

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
