// fast-check arbitraries for chat requests: mostly plausible bodies (so the deep pipeline runs),
// salted with wrong types, out-of-range numbers, hostile strings and prototype keys.
import fc from 'fast-check';

const hostileText = fc.constantFrom('', ' ', 'json', 'JSON please', '\u0000', '\ud800', '\udfff', '😀', '你好', '<｜User｜>', '__proto__', '\\u0000', 'a'.repeat(3000), '{"a":1}', '\r\n', '\u202e');
const text = fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: 40 }) }, { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) }, { weight: 2, arbitrary: hostileText });

/** A value of the right kind most of the time, anything at all sometimes. */
function mostly<T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: fc.anything({ maxDepth: 2, maxKeys: 3 }) });
}

const content = fc.oneof(text, fc.array(fc.record({ type: fc.constantFrom('text', 'image_url', 'x'), text }, { requiredKeys: ['type'] }), { maxLength: 3 }), fc.constant(null));

const toolCall = fc.record({
  id: fc.constantFrom('call_0', 'call_1', ''),
  type: fc.constantFrom('function', 'other'),
  function: fc.record({ name: fc.constantFrom('get_weather', 'f', ''), arguments: fc.constantFrom('{}', '{"city":"x"}', 'not json') }),
});

const message = fc.oneof(
  fc.record({ role: fc.constant('system'), content: mostly(text), name: text }, { requiredKeys: ['role', 'content'] }),
  fc.record({ role: fc.constant('user'), content: mostly(content), name: text }, { requiredKeys: ['role', 'content'] }),
  fc.record(
    { role: fc.constant('assistant'), content: mostly(content), prefix: fc.boolean(), reasoning_content: text, tool_calls: fc.array(toolCall, { maxLength: 2 }) },
    { requiredKeys: ['role'] },
  ),
  fc.record({ role: fc.constant('tool'), content: mostly(text), tool_call_id: fc.constantFrom('call_0', 'call_1', 'zzz') }, { requiredKeys: ['role'] }),
  fc.record({ role: fc.constantFrom('developer', 'function', '', 'USER'), content: text }, { requiredKeys: [] }),
);

const jsonSchemaish = fc.oneof(
  fc.constant({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }),
  fc.constant({ type: 'object', properties: { __proto__: { type: 'string' }, constructor: { type: 'number' } } }),
  fc.anything({ maxDepth: 3, maxKeys: 3 }),
);

const tool = fc.record(
  { type: fc.constantFrom('function', 'retrieval'), function: fc.record({ name: fc.constantFrom('get_weather', 'f', 'bad name!', ''), description: text, parameters: jsonSchemaish, strict: fc.boolean() }, { requiredKeys: ['name'] }) },
  { requiredKeys: ['type', 'function'] },
);

const number = (min: number, max: number) =>
  fc.oneof(fc.double({ min, max, noNaN: true }), fc.integer({ min: Math.ceil(min) - 3, max: Math.floor(max) + 3 }), fc.constantFrom(-0, 1e308, -1e308, Number.MAX_SAFE_INTEGER));

export const chatBody = fc.record(
  {
    model: mostly(fc.constantFrom('deepseek-chat', 'deepseek-chat', 'deepseek-reasoner', 'deepseek-coder', '', 'gpt-4o')),
    messages: mostly(fc.array(message, { minLength: 0, maxLength: 5 })),
    temperature: mostly(number(-1, 3)),
    top_p: mostly(number(-0.5, 1.5)),
    max_tokens: mostly(fc.oneof(fc.integer({ min: -5, max: 70_000 }), fc.constantFrom(1, 2, 256))),
    frequency_penalty: mostly(number(-3, 3)),
    presence_penalty: mostly(number(-3, 3)),
    stream: mostly(fc.boolean()),
    stream_options: mostly(fc.record({ include_usage: fc.boolean() })),
    stop: mostly(fc.oneof(text, fc.array(text, { maxLength: 20 }))),
    logprobs: mostly(fc.boolean()),
    top_logprobs: mostly(fc.integer({ min: -2, max: 25 })),
    response_format: mostly(fc.record({ type: fc.constantFrom('text', 'json_object', 'json_schema') })),
    tools: mostly(fc.array(tool, { maxLength: 3 })),
    tool_choice: mostly(fc.oneof(fc.constantFrom('none', 'auto', 'required', 'sometimes'), fc.record({ type: fc.constant('function'), function: fc.record({ name: fc.constantFrom('get_weather', 'nope') }) }))),
    thinking: mostly(fc.record({ type: fc.constantFrom('enabled', 'disabled', 'auto', 'maybe') })),
    user: text,
    ['__proto__']: fc.anything({ maxDepth: 1 }),
    constructor: fc.anything({ maxDepth: 1 }),
    unknown_field: fc.anything({ maxDepth: 2 }),
  },
  { requiredKeys: [] },
);

/** Bodies that should pass validation: in-range values, optional fields often left out. */
export const validBody = fc
  .record(
    {
      model: fc.constantFrom('deepseek-chat', 'deepseek-chat', 'deepseek-reasoner'),
      system: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
      users: fc.array(fc.oneof({ weight: 5, arbitrary: fc.string({ maxLength: 60 }) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) }), { minLength: 1, maxLength: 3 }),
      temperature: fc.double({ min: 0, max: 2, noNaN: true }),
      top_p: fc.double({ min: 0.01, max: 1, noNaN: true }),
      max_tokens: fc.oneof(fc.integer({ min: 1, max: 8192 }), fc.constantFrom(1, 5, 256)),
      frequency_penalty: fc.double({ min: -2, max: 2, noNaN: true }),
      presence_penalty: fc.double({ min: -2, max: 2, noNaN: true }),
      stream: fc.boolean(),
      include_usage: fc.boolean(),
      stop: fc.oneof(fc.string({ maxLength: 5 }), fc.array(fc.string({ maxLength: 5 }), { maxLength: 4 })),
      tools: fc.array(fc.record({ type: fc.constant('function'), function: fc.record({ name: fc.constantFrom('get_weather', 'lookup', 'f_1'), parameters: fc.constant({ type: 'object', properties: { q: { type: 'string' } } }) }) }), { minLength: 1, maxLength: 2 }),
      tool_choice: fc.constantFrom('none', 'auto', 'required'),
      user: fc.string({ maxLength: 10 }),
      extra: fc.anything({ maxDepth: 2, maxKeys: 3 }),
    },
    { requiredKeys: ['model', 'users'] },
  )
  .map((r) => {
    const body: Record<string, unknown> = { model: r.model, messages: [...(r.system !== undefined ? [{ role: 'system', content: r.system }] : []), ...r.users.map((content) => ({ role: 'user', content }))] };
    for (const k of ['temperature', 'top_p', 'max_tokens', 'frequency_penalty', 'presence_penalty', 'stop', 'tools', 'tool_choice', 'user'] as const) if (r[k] !== undefined) body[k] = r[k];
    if (r.tool_choice !== undefined && r.tools === undefined) delete body.tool_choice;
    if (r.stream !== undefined) body.stream = r.stream;
    if (r.stream && r.include_usage !== undefined) body.stream_options = { include_usage: r.include_usage };
    if (r.extra !== undefined) body.some_future_field = r.extra;
    return body;
  });

/** Mostly valid bodies (so generation and streaming get fuzzed), the rest salted with every kind of wrong. */
export const plausibleBody = fc.oneof({ weight: 3, arbitrary: validBody }, { weight: 2, arbitrary: chatBody });

const splice = fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '\\', '\\u', '\\ud800', '\\u0000', '\u0000', 'null', '1e999', '-', '"__proto__":', '[[[[[[[[', 'true', '\ufeff', '\ud800');

export interface Mutation {
  kind: 'delete' | 'insert' | 'replace' | 'truncate' | 'duplicate';
  at: number;
  length: number;
  insert: string;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'insert', 'replace', 'truncate', 'duplicate'),
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 12 }),
  insert: fc.oneof(splice, fc.string({ unit: 'binary', maxLength: 4 })),
});

export function applyMutation(text: string, m: Mutation): string {
  const at = text.length ? m.at % (text.length + 1) : 0;
  switch (m.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'insert':
      return text.slice(0, at) + m.insert + text.slice(at);
    case 'replace':
      return text.slice(0, at) + m.insert + text.slice(at + m.length);
    case 'truncate':
      return text.slice(0, at);
    case 'duplicate':
      return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
  }
}

/** A plausible body's JSON text with one to four textual mutations. */
export const mutatedText = fc.tuple(plausibleBody, fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([body, ms]) => ms.reduce(applyMutation, JSON.stringify(body)));

/** A plausible body's UTF-8 bytes with some bytes overwritten (invalid UTF-8 included), or random bytes. */
export const mutatedBytes = fc.oneof(
  fc
    .tuple(plausibleBody, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }))
    .map(([body, edits]) => {
      const bytes = new TextEncoder().encode(JSON.stringify(body));
      for (const [at, value] of edits) if (bytes.length) bytes[at % bytes.length] = value;
      return bytes;
    }),
  fc.uint8Array({ maxLength: 200 }),
);

const token = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,60}$/).map((v) => v.trim());

export const requestShape = fc.record({
  method: fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
  path: fc.oneof(
    fc.constantFrom('/chat/completions', '/v1/chat/completions', '/beta/chat/completions', '/chat/completions/', '/models', '/v1/models', '/user/balance', '/', '/chat', '/v2/chat/completions', '/chat/completions?x=1', '/%00', '/..%2f..%2fetc/passwd'),
    fc.array(token, { maxLength: 4 }).map((parts) => `/${parts.join('/')}`),
  ),
  contentType: fc.oneof(fc.constantFrom('application/json', 'application/json; charset=utf-8', 'Application/JSON', 'text/plain', 'application/jsonl', 'multipart/form-data', ''), headerValue),
  authorization: fc.oneof(fc.constantFrom('Bearer sk-test', 'bearer sk-test', 'Bearer  sk-test ', 'Bearer', 'Basic abc', '', 'Bearer sk-a b'), headerValue),
  extra: fc.dictionary(token, headerValue, { maxKeys: 4 }),
});
