// The conformance checker's vocabulary: cases (plain data), findings, results and the report.

/** Which of the profile's models a case needs. */
export type ModelRole = 'chat' | 'reasoner';

/** What a case expects back, beyond "valid against the contract". All optional. */
export interface CaseExpect {
  /** HTTP status; default 200. A 4xx/5xx means the answer must be DeepSeek's error envelope. */
  status?: number;
  /** The error message DeepSeek sends (exact). A different wording is a warning, not an error. */
  errorMessage?: string;
  /** The one finish_reason the (first) choice must end with. */
  finishReason?: string;
  /** A tool call must come back; with `name`, a call of that function. */
  toolCall?: boolean | { name: string };
  /** The answer content must parse as JSON (JSON mode). */
  jsonContent?: boolean;
  /** The content must not contain these (stop sequences are not returned). */
  notContains?: string[];
  /** Reasoning content must come back. */
  reasoning?: boolean;
}

/** One request and what must come back. Cases are data: users add their own as JSON files. */
export interface ConformanceCase {
  id: string;
  title: string;
  /** Default `chat`. A `reasoner` case is skipped when the profile has no thinking model. */
  model?: ModelRole;
  /** Path under the base URL; default `/chat/completions`. */
  path?: string;
  /** The request body without `model` (filled in from --model or the profile), unless it names one. */
  body: Record<string, unknown>;
  /** `invalid` sends a key that must be refused. Default: the configured key. */
  auth?: 'invalid';
  expect?: CaseExpect;
}

export type Severity = 'error' | 'warning';

export interface Finding {
  case: string;
  /** Rule id, e.g. `stream.same-id` (see rules.ts). */
  rule: string;
  severity: Severity;
  /** What the contract says. */
  expected: string;
  /** What came back, in words. */
  actual: string;
  /** Where: a JSON path into the body (`$.usage.total_tokens`) or a chunk (`chunk[3].choices[0]`). */
  path?: string;
  /** The value found there, when there is one. */
  value?: unknown;
}

export interface CaseResult {
  id: string;
  title: string;
  status: 'passed' | 'failed' | 'skipped';
  /** Why a case was skipped. */
  reason?: string;
  durationMs: number;
  /** A curl command that repeats the request (key replaced by $DEEPSEEK_API_KEY). */
  curl: string;
  findings: Finding[];
}

export interface ConformanceReport {
  baseUrl: string;
  profile: string;
  model: string;
  strict: boolean;
  startedAt: string;
  durationMs: number;
  summary: { cases: number; passed: number; failed: number; skipped: number; errors: number; warnings: number };
  cases: CaseResult[];
}

/** One HTTP exchange as it went over the wire, for --record. */
export interface Exchange {
  case: string;
  request: { method: string; url: string; headers: Record<string, string>; body: string };
  response?: { status: number; headers: Record<string, string>; body: Uint8Array };
  error?: string;
}
