// The rules a schema cannot say about one finished completion (a JSON body, or a stream's deltas
// added up): usage arithmetic, tool-call arguments, logprobs, reasoning and what the case forces.
import { checkLogprobs } from './logprobs-checks.js';
import { finding } from './rules.js';
import type { CaseExpect, Finding } from './types.js';

export interface CompletionCheckInput {
  completion: unknown;
  /** The request that produced it (logprobs, top_logprobs). */
  request: Record<string, unknown>;
  expect?: CaseExpect;
  /** Path prefix for findings: `$` for a body, `stream` for accumulated deltas. */
  base: string;
  /** Where usage came from, when that is not `${base}.usage` (a stream's usage chunk). */
  usagePath?: string;
  /** A JSON body must carry usage; a stream only when asked for (checked by the stream rules). */
  requireUsage: boolean;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function checkUsage(usage: unknown, path: string): Finding[] {
  if (!isObj(usage)) return [];
  const out: Finding[] = [];
  const n = (k: string) => (typeof usage[k] === 'number' ? (usage[k] as number) : undefined);
  const [prompt, completion, total, hit, miss] = ['prompt_tokens', 'completion_tokens', 'total_tokens', 'prompt_cache_hit_tokens', 'prompt_cache_miss_tokens'].map(n);
  if (prompt !== undefined && completion !== undefined && total !== undefined && total !== prompt + completion) {
    out.push(finding('usage.total', `total_tokens ${total} ≠ ${prompt} + ${completion}`, { path: `${path}.total_tokens`, value: total }));
  }
  if (prompt !== undefined && hit !== undefined && miss !== undefined && prompt !== hit + miss) {
    out.push(finding('usage.cache-split', `prompt_tokens ${prompt} ≠ ${hit} + ${miss}`, { path: `${path}.prompt_tokens`, value: prompt }));
  }
  const details = usage.completion_tokens_details;
  const reasoning = isObj(details) && typeof details.reasoning_tokens === 'number' ? details.reasoning_tokens : undefined;
  if (reasoning !== undefined && completion !== undefined && reasoning > completion) {
    out.push(finding('usage.reasoning', `reasoning_tokens ${reasoning} > completion_tokens ${completion}`, { path: `${path}.completion_tokens_details.reasoning_tokens`, value: reasoning }));
  }
  return out;
}

export function checkCompletion(input: CompletionCheckInput): Finding[] {
  const { completion, request, expect = {}, base } = input;
  if (!isObj(completion)) return [];
  const out: Finding[] = [];
  if (input.requireUsage && completion.usage === undefined) out.push(finding('usage.missing', 'no usage in the completion', { path: `${base}.usage` }));
  out.push(...checkUsage(completion.usage, input.usagePath ?? `${base}.usage`));

  const choices = Array.isArray(completion.choices) ? completion.choices : [];
  choices.forEach((choice, i) => {
    if (!isObj(choice)) return;
    const path = `${base}.choices[${i}]`;
    const message = isObj(choice.message) ? choice.message : {};
    const content = typeof message.content === 'string' ? message.content : null;
    const calls = Array.isArray(message.tool_calls) ? (message.tool_calls as Obj[]) : [];
    calls.forEach((call, j) => {
      const args = isObj(call.function) ? call.function.arguments : undefined;
      if (typeof args !== 'string') return; // the schema reports a missing or non-string value
      try {
        JSON.parse(args);
      } catch {
        out.push(finding('tool-call.arguments', 'arguments do not parse as JSON', { path: `${path}.message.tool_calls[${j}].function.arguments`, value: args.slice(0, 200) }));
      }
    });
    if (request.logprobs === true) {
      const top = typeof request.top_logprobs === 'number' ? request.top_logprobs : undefined;
      out.push(...checkLogprobs(choice.logprobs, content, top, `${path}.logprobs`));
    }
    if (i !== 0) return; // what a case forces is about the first choice
    if (expect.reasoning && !(typeof message.reasoning_content === 'string' && message.reasoning_content.length > 0)) {
      out.push(finding('reasoning.missing', 'no reasoning_content came back', { path: `${path}.message.reasoning_content`, value: message.reasoning_content ?? null }));
    }
    if (expect.finishReason && choice.finish_reason !== expect.finishReason) {
      out.push(finding('finish-reason', `finish_reason is ${JSON.stringify(choice.finish_reason)}, the request forces "${expect.finishReason}"`, { path: `${path}.finish_reason`, value: choice.finish_reason }));
    }
    if (expect.toolCall) {
      const name = typeof expect.toolCall === 'object' ? expect.toolCall.name : undefined;
      const names = calls.map((c) => (isObj(c.function) ? c.function.name : undefined));
      if (!calls.length || (name && !names.includes(name))) {
        out.push(
          finding('tools.call-expected', name ? `no call of "${name}" (calls: ${JSON.stringify(names)})` : 'no tool call came back', { path: `${path}.message.tool_calls`, value: message.tool_calls ?? null }),
        );
      }
    }
    // Seed 001: with finish_reason length the JSON may be cut off, so only a finished answer must parse.
    if (expect.jsonContent && choice.finish_reason !== 'length') {
      let ok = content !== null;
      try {
        if (ok) JSON.parse(content!);
      } catch {
        ok = false;
      }
      if (!ok) out.push(finding('json-mode.content', 'the content is not JSON', { path: `${path}.message.content`, value: content?.slice(0, 200) ?? null }));
    }
    for (const stop of expect.notContains ?? []) {
      if (content?.includes(stop)) {
        out.push(finding('stop.sequence', `the content contains the stop sequence ${JSON.stringify(stop)}`, { path: `${path}.message.content`, value: content.slice(0, 200) }));
      }
    }
  });
  return out;
}
