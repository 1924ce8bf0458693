// Deliberately broken providers: each is the correct provider with one mutation, the case(s) that
// expose it, and the one rule the checker must report for it.
import { INVALID_KEY } from '../../src/conformance/builtin-cases.js';
import type { RuleId } from '../../src/conformance/rules.js';
import { logprobsFor, mapChunks, type Exchange, type Mutation } from './correct-provider.js';

type Obj = Record<string, any>;

export interface BrokenProvider {
  name: string;
  rule: RuleId;
  cases: string[];
  mutate: Mutation;
  /** Per-request timeout for the checker, ms (only the hanging provider needs a short one). */
  timeoutMs?: number;
}

const json = (fn: (body: Obj, x: Exchange) => void): Mutation => (x) => {
  const body = JSON.parse(x.text);
  fn(body, x);
  return { ...x, text: JSON.stringify(body) };
};
const chunks = (fn: (chunks: Obj[]) => Obj[] | void): Mutation => (x) => ({ ...x, text: mapChunks(x.text, (cs) => fn(cs) ?? cs) });
const sse = (fn: (text: string) => string): Mutation => (x) => ({ ...x, text: fn(x.text) });
const toolDeltas = (cs: Obj[]) => cs.filter((c) => c.choices[0]?.delta.tool_calls);
const finishChunk = (cs: Obj[]) => cs.find((c) => c.choices[0]?.finish_reason)!;

export const brokenProviders: BrokenProvider[] = [
  { name: 'status-500', rule: 'status', cases: ['basic'], mutate: (x) => ({ ...x, status: 500 }) },
  { name: 'bad-key-accepted', rule: 'status', cases: ['bad-api-key'], mutate: (x) => (x.status === 401 ? { ...x, status: 200 } : x) },
  { name: 'json-as-text-plain', rule: 'content-type', cases: ['basic'], mutate: (x) => ({ ...x, headers: { ...x.headers, 'content-type': 'text/plain' } }) },
  { name: 'body-not-json', rule: 'body.json', cases: ['basic'], mutate: (x) => ({ ...x, text: x.text.slice(0, -1) }) },
  { name: 'no-object-field', rule: 'schema.completion', cases: ['basic'], mutate: json((b) => delete b.object) },
  { name: 'usage-missing', rule: 'usage.missing', cases: ['basic'], mutate: json((b) => delete b.usage) },
  { name: 'usage-total-wrong', rule: 'usage.total', cases: ['basic'], mutate: json((b) => (b.usage.total_tokens += 1)) },
  {
    name: 'usage-cache-split',
    rule: 'usage.cache-split',
    cases: ['basic'],
    mutate: json((b) => (b.usage.prompt_cache_miss_tokens += 1)),
  },
  {
    name: 'reasoning-tokens-exceed',
    rule: 'usage.reasoning',
    cases: ['reasoner-stream'],
    mutate: chunks((cs) => void (cs.at(-1)!.usage.completion_tokens_details.reasoning_tokens = cs.at(-1)!.usage.completion_tokens + 1)),
  },
  { name: 'chunk-without-created', rule: 'schema.chunk', cases: ['stream'], mutate: chunks((cs) => void delete cs[2]!.created) },
  { name: 'sse-event-lines', rule: 'sse.framing', cases: ['stream'], mutate: sse((t) => t.replace(/^data: /gm, 'event: message\ndata: ')) },
  { name: 'sse-broken-json', rule: 'sse.json', cases: ['stream'], mutate: sse((t) => t.replace('data: {', 'data: {{')) },
  { name: 'no-done', rule: 'sse.done', cases: ['stream'], mutate: sse((t) => t.replace('data: [DONE]\n\n', '')) },
  {
    name: 'data-after-done',
    rule: 'sse.after-done',
    cases: ['stream'],
    mutate: sse((t) => `${t}${t.split('\n\n')[1]}\n\n`),
  },
  { name: 'id-changes', rule: 'stream.same-id', cases: ['stream'], mutate: chunks((cs) => void (cs.at(-1)!.id = 'another-id')) },
  { name: 'created-changes', rule: 'stream.same-created', cases: ['stream'], mutate: chunks((cs) => void (cs[1]!.created += 1)) },
  { name: 'model-changes', rule: 'stream.same-model', cases: ['stream'], mutate: chunks((cs) => void (cs[1]!.model = 'deepseek-v3')) },
  { name: 'early-finish-reason', rule: 'stream.finish-reason', cases: ['stream'], mutate: chunks((cs) => void (cs[1]!.choices[0].finish_reason = 'stop')) },
  {
    name: 'no-usage-chunk',
    rule: 'stream.usage-chunk',
    cases: ['stream-usage'],
    mutate: chunks((cs) => cs.filter((c) => c.choices.length > 0)),
  },
  {
    name: 'usage-on-finish-chunk',
    rule: 'stream.usage-on-final-chunk',
    cases: ['stream-usage'],
    mutate: chunks((cs) => {
      const usage = cs.at(-1)!.usage;
      finishChunk(cs).usage = usage;
      return cs.slice(0, -1);
    }),
  },
  { name: 'usage-on-every-chunk', rule: 'stream.usage-null', cases: ['stream-usage'], mutate: chunks((cs) => void (cs[0]!.usage = cs.at(-1)!.usage)) },
  { name: 'role-never-sent', rule: 'stream.accumulated', cases: ['stream'], mutate: chunks((cs) => void delete cs[0]!.choices[0].delta.role) },
  {
    name: 'tool-delta-without-index',
    rule: 'tool-delta.index',
    cases: ['tools-required-stream'],
    mutate: chunks((cs) => void delete toolDeltas(cs)[1]!.choices[0].delta.tool_calls[0].index),
  },
  {
    name: 'tool-first-delta-without-id',
    rule: 'tool-delta.first',
    cases: ['tools-required-stream'],
    mutate: chunks((cs) => void delete toolDeltas(cs)[0]!.choices[0].delta.tool_calls[0].id),
  },
  {
    name: 'streamed-arguments-not-json',
    rule: 'tool-call.arguments',
    cases: ['tools-named-stream'],
    mutate: chunks((cs) => void (toolDeltas(cs)[1]!.choices[0].delta.tool_calls[0].function.arguments = '{city:')),
  },
  {
    name: 'arguments-not-json',
    rule: 'tool-call.arguments',
    cases: ['tools-required'],
    mutate: json((b) => (b.choices[0].message.tool_calls[0].function.arguments = "{'city': 'Hangzhou'}")),
  },
  {
    name: 'no-tool-call',
    rule: 'tools.call-expected',
    cases: ['tools-named'],
    mutate: json((b) => {
      b.choices[0].message = { role: 'assistant', content: 'It is sunny in Hangzhou.' };
    }),
  },
  { name: 'max-tokens-ignored', rule: 'finish-reason', cases: ['max-tokens-length'], mutate: json((b) => (b.choices[0].finish_reason = 'stop')) },
  { name: 'json-mode-prose', rule: 'json-mode.content', cases: ['json-mode'], mutate: json((b) => (b.choices[0].message.content = 'Sure! {"greeting":"hello"}')) },
  { name: 'stop-sequence-returned', rule: 'stop.sequence', cases: ['stop-sequence'], mutate: json((b) => (b.choices[0].message.content += '7')) },
  { name: 'reasoning-dropped', rule: 'reasoning.missing', cases: ['reasoner'], mutate: json((b) => delete b.choices[0].message.reasoning_content) },
  {
    name: 'logprobs-dropped',
    rule: 'logprobs.missing',
    cases: ['logprobs-stream'],
    mutate: chunks((cs) => cs.map((c) => ({ ...c, choices: c.choices.map((ch: Obj) => ({ ...ch, logprobs: null })) }))),
  },
  {
    name: 'logprobs-wrong-token',
    rule: 'logprobs.join',
    cases: ['logprobs'],
    mutate: json((b) => {
      const [entry] = logprobsFor('Hallo', 3) as Obj[];
      b.choices[0].logprobs.content[0] = entry;
    }),
  },
  { name: 'logprobs-wrong-bytes', rule: 'logprobs.bytes', cases: ['logprobs'], mutate: json((b) => (b.choices[0].logprobs.content[1].bytes = [0])) },
  { name: 'logprob-positive', rule: 'logprobs.range', cases: ['logprobs'], mutate: json((b) => (b.choices[0].logprobs.content[0].logprob = 0.5)) },
  { name: 'top-logprobs-unsorted', rule: 'logprobs.top-sorted', cases: ['logprobs'], mutate: json((b) => b.choices[0].logprobs.content[0].top_logprobs.reverse()) },
  { name: 'top-logprobs-short', rule: 'logprobs.top-size', cases: ['logprobs'], mutate: json((b) => b.choices[0].logprobs.content[2].top_logprobs.pop()) },
  { name: 'error-not-json', rule: 'error.envelope', cases: ['unknown-model'], mutate: (x) => (x.status === 400 ? { ...x, text: 'Model Not Exist' } : x) },
  {
    name: 'error-other-wording',
    rule: 'error.message',
    cases: ['unknown-model'],
    mutate: json((b) => (b.error.message = 'The model `deepseek-no-such-model` does not exist')),
  },
  {
    name: 'invalid-key-wrong-envelope',
    rule: 'error.envelope',
    cases: ['bad-api-key'],
    mutate: (x) => (x.status === 401 ? { ...x, text: JSON.stringify({ message: `bad key ${INVALID_KEY}` }) } : x),
  },
  { name: 'hangs', rule: 'transport', cases: ['basic'], mutate: () => 'hang', timeoutMs: 300 },
];
