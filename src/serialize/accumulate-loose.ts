// Adds a stream's chunks up into the chat.completion they stand for, the way SDKs do, so the
// result can be validated against the contract like a JSON body. Tolerant of anything a provider
// may send (the conformance checker feeds it untrusted chunks): it never throws, and keeps what it
// found, one entry per choice index; accumulateChunks (accumulate.ts) is the typed, strict form.
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

interface ChoiceAcc {
  index: number;
  role?: unknown;
  content: string | null;
  reasoning: string | null;
  calls: Map<number, { id?: unknown; type?: unknown; name?: unknown; arguments: string }>;
  logprobs: unknown[] | null;
  finish: unknown;
}

export function accumulateChunksLoose(chunks: readonly unknown[]): Obj {
  const head = chunks.find(isObj) ?? {};
  const choices = new Map<number, ChoiceAcc>();
  let usage: unknown;
  for (const chunk of chunks) {
    if (!isObj(chunk)) continue;
    if (isObj(chunk.usage)) usage = chunk.usage;
    for (const c of Array.isArray(chunk.choices) ? chunk.choices : []) {
      if (!isObj(c)) continue;
      const index = typeof c.index === 'number' ? c.index : 0;
      let acc = choices.get(index);
      if (!acc) choices.set(index, (acc = { index, content: null, reasoning: null, calls: new Map(), logprobs: null, finish: null }));
      const d = isObj(c.delta) ? c.delta : {};
      if (d.role !== undefined && acc.role === undefined) acc.role = d.role;
      if (typeof d.content === 'string') acc.content = (acc.content ?? '') + d.content;
      if (typeof d.reasoning_content === 'string') acc.reasoning = (acc.reasoning ?? '') + d.reasoning_content;
      for (const t of Array.isArray(d.tool_calls) ? d.tool_calls : []) {
        if (!isObj(t)) continue;
        const ti = typeof t.index === 'number' ? t.index : 0;
        let call = acc.calls.get(ti);
        if (!call) acc.calls.set(ti, (call = { arguments: '' }));
        const fn = isObj(t.function) ? t.function : {};
        if (t.id !== undefined && call.id === undefined) call.id = t.id;
        if (t.type !== undefined && call.type === undefined) call.type = t.type;
        if (fn.name !== undefined && call.name === undefined) call.name = fn.name;
        if (typeof fn.arguments === 'string') call.arguments += fn.arguments;
      }
      const lp = isObj(c.logprobs) && Array.isArray(c.logprobs.content) ? c.logprobs.content : null;
      if (lp) acc.logprobs = [...(acc.logprobs ?? []), ...lp];
      if (c.finish_reason != null) acc.finish = c.finish_reason;
    }
  }
  const out: Obj = {
    id: head.id,
    object: 'chat.completion',
    created: head.created,
    model: head.model,
    system_fingerprint: head.system_fingerprint,
    choices: [...choices.values()]
      .sort((a, b) => a.index - b.index)
      .map((acc) => {
        const message: Obj = { content: acc.content };
        if (acc.role !== undefined) message.role = acc.role;
        if (acc.reasoning !== null) message.reasoning_content = acc.reasoning;
        if (acc.calls.size) {
          message.tool_calls = [...acc.calls.entries()]
            .sort(([a], [b]) => a - b)
            .map(([, c]) => ({ id: c.id, type: c.type, function: { name: c.name, arguments: c.arguments } }));
        }
        return { index: acc.index, message, logprobs: acc.logprobs ? { content: acc.logprobs } : null, finish_reason: acc.finish };
      }),
  };
  if (usage !== undefined) out.usage = usage;
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}
