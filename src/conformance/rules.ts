// Every rule the checker applies: its id, whether breaking it is an error or a documented
// deviation (warning), and what the contract says. Findings quote this table, so reports and
// tests name rules by id.
import type { Finding, Severity } from './types.js';

export interface Rule {
  severity: Severity;
  says: string;
}

export const rules = {
  transport: { severity: 'error', says: 'the provider answers the request over HTTP within the timeout' },
  status: { severity: 'error', says: 'the documented HTTP status' },
  'content-type': { severity: 'error', says: 'application/json for bodies and errors, text/event-stream for streams' },
  'body.json': { severity: 'error', says: 'the body is one JSON document' },
  'schema.completion': { severity: 'error', says: 'the body is a chat.completion as the contract defines it' },
  'schema.chunk': { severity: 'error', says: 'every chunk is a chat.completion.chunk as the contract defines it' },
  'error.envelope': { severity: 'error', says: 'errors come as {"error":{"message","type","param","code"}}' },
  'error.message': { severity: 'warning', says: "DeepSeek's own error message" },
  'sse.framing': { severity: 'error', says: 'a stream holds only `data:` lines and `:` comments, events separated by a blank line' },
  'sse.json': { severity: 'error', says: 'each data line holds one JSON chunk (or [DONE])' },
  'sse.done': { severity: 'error', says: 'the stream ends with `data: [DONE]`' },
  'sse.after-done': { severity: 'error', says: 'nothing follows `data: [DONE]`' },
  'stream.same-id': { severity: 'error', says: 'every chunk repeats the same id' },
  'stream.same-created': { severity: 'error', says: 'every chunk repeats the same created' },
  'stream.same-model': { severity: 'error', says: 'every chunk repeats the same model' },
  'stream.finish-reason': { severity: 'error', says: 'each choice gets exactly one finish_reason, in its last chunk' },
  'stream.usage-chunk': {
    severity: 'error',
    says: 'with include_usage, one extra chunk before [DONE] carries the usage and `choices: []`',
  },
  'stream.usage-null': { severity: 'error', says: 'every chunk but the usage chunk has `usage: null` (or none)' },
  'stream.usage-on-final-chunk': {
    severity: 'warning',
    says: 'usage comes in a separate chunk with `choices: []`, and only with include_usage (the live API has been seen putting it on the finish chunk)',
  },
  'stream.accumulated': { severity: 'error', says: 'the deltas add up to a valid chat.completion' },
  'tool-delta.index': { severity: 'error', says: 'every tool-call delta carries its index' },
  'tool-delta.first': { severity: 'error', says: "a tool call's first delta carries id, type \"function\" and function.name" },
  'tool-call.arguments': { severity: 'error', says: "a tool call's arguments are a JSON text" },
  'usage.total': { severity: 'error', says: 'total_tokens = prompt_tokens + completion_tokens' },
  'usage.cache-split': { severity: 'error', says: 'prompt_tokens = prompt_cache_hit_tokens + prompt_cache_miss_tokens' },
  'usage.reasoning': { severity: 'error', says: 'completion_tokens_details.reasoning_tokens ≤ completion_tokens (reasoning is billed as completion)' },
  'usage.missing': { severity: 'error', says: 'a completion carries usage' },
  'logprobs.missing': { severity: 'error', says: 'logprobs: true returns logprobs.content, one entry per token' },
  'logprobs.join': { severity: 'error', says: 'the logprob tokens joined give the content' },
  'logprobs.bytes': { severity: 'error', says: "bytes are the token's UTF-8 bytes" },
  'logprobs.range': { severity: 'error', says: 'every logprob is ≤ 0' },
  'logprobs.top-sorted': { severity: 'error', says: 'top_logprobs are sorted by logprob, highest first' },
  'logprobs.top-size': { severity: 'error', says: 'top_logprobs has exactly top_logprobs entries' },
  'reasoning.missing': { severity: 'error', says: 'a thinking model returns reasoning_content before the answer' },
  'finish-reason': { severity: 'error', says: 'the finish_reason the request forces' },
  'tools.call-expected': { severity: 'error', says: 'tool_choice required/named makes the model call a (that) tool' },
  'json-mode.content': { severity: 'error', says: 'response_format json_object makes the content valid JSON' },
  'stop.sequence': { severity: 'error', says: 'the content stops before a stop sequence and does not contain it' },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof rules;

/** Builds a finding for a rule; the case id is filled in by the runner. */
export function finding(rule: RuleId, actual: string, where: { path?: string; value?: unknown } = {}): Finding {
  const r: Rule = rules[rule];
  return { case: '', rule, severity: r.severity, expected: r.says, actual, ...where };
}
