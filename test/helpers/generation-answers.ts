// Asks a fake the same request in JSON and streamed form, checks every body and chunk against the
// contract, and folds the stream back into one answer so the two forms can be compared.
import { expect } from 'vitest';
import type { Fake } from '../../src/core/fake.js';
import { post } from './fake-client.js';

export interface StreamedAnswer {
  chunks: any[];
  content: string | null;
  reasoning: string | null;
  toolCalls: { id: string; type: string; function: { name: string; arguments: string } }[];
  finishReason: string | null;
  logprobs: any[] | null;
  usage: any;
}

export function parseSse(text: string): any[] {
  const frames = text.split('\n\n').filter((f) => f.startsWith('data: '));
  expect(frames.at(-1)).toBe('data: [DONE]');
  return frames.slice(0, -1).map((f) => JSON.parse(f.slice(6)));
}

/** Folds chunks into one answer, as a client would. */
export function foldChunks(chunks: any[]): StreamedAnswer {
  let content: string | null = null;
  let reasoning: string | null = null;
  const calls: StreamedAnswer['toolCalls'] = [];
  let finishReason: string | null = null;
  let logprobs: any[] | null = null;
  let usage: any = null;
  for (const c of chunks) {
    if (c.usage) usage = c.usage;
    const choice = c.choices[0];
    if (!choice) continue;
    const d = choice.delta;
    if (typeof d.content === 'string' && (d.content !== '' || content !== null)) content = (content ?? '') + d.content;
    if (typeof d.reasoning_content === 'string') reasoning = (reasoning ?? '') + d.reasoning_content;
    for (const t of d.tool_calls ?? []) {
      if (t.id) calls[t.index] = { id: t.id, type: t.type, function: { name: t.function.name, arguments: t.function.arguments ?? '' } };
      else calls[t.index]!.function.arguments += t.function?.arguments ?? '';
    }
    if (choice.logprobs?.content) logprobs = [...(logprobs ?? []), ...choice.logprobs.content];
    if (choice.finish_reason) finishReason = choice.finish_reason;
  }
  return { chunks, content, reasoning, toolCalls: calls, finishReason, logprobs, usage };
}

/** The JSON body and the folded stream of the same request, both checked against the contract. */
export async function askBoth(fake: Fake, body: Record<string, unknown>, init: { path?: string } = {}) {
  // Fresh keys, so the context cache of one request does not change the other's usage.
  const key = () => ({ authorization: `Bearer sk-${crypto.randomUUID()}` });
  const res = await post(fake, body, { ...init, headers: key() });
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(200);
  expect(fake.contract.completion(json), JSON.stringify(fake.contract.completion.errors)).toBe(true);
  const sres = await post(fake, { ...body, stream: true, stream_options: { include_usage: true } }, { ...init, headers: key() });
  expect(sres.status).toBe(200);
  const chunks = parseSse(await sres.text());
  for (const c of chunks) expect(fake.contract.chunk(c), JSON.stringify(fake.contract.chunk.errors)).toBe(true);
  return { json, message: json.choices[0].message, choice: json.choices[0], stream: foldChunks(chunks) };
}

/** The stream carries the same answer as the JSON body. */
export function expectSameAnswer(a: Awaited<ReturnType<typeof askBoth>>): void {
  expect(a.stream.content ?? '').toBe(a.message.content ?? '');
  expect(a.stream.reasoning).toBe(a.message.reasoning_content ?? null);
  expect(a.stream.toolCalls).toEqual(a.message.tool_calls ?? []);
  expect(a.stream.finishReason).toBe(a.choice.finish_reason);
  expect(a.stream.usage).toEqual(a.json.usage);
}
