// Asks a fake the same request in JSON and streamed form, checks every body and chunk against the
// contract, and folds the stream back into one answer so the two forms can be compared.
import { expect } from 'vitest';
import type { Fake } from '../../src/core/fake.js';
import { accumulateChunksLoose } from '../../src/serialize/accumulate-loose.js';
import { post } from './fake-client.js';
import { sseChunks } from './sse.js';

export interface StreamedAnswer {
  chunks: any[];
  content: string | null;
  reasoning: string | null;
  toolCalls: { id: string; type: string; function: { name: string; arguments: string } }[];
  finishReason: string | null;
  logprobs: any[] | null;
  usage: any;
}

/** Folds chunks into one answer, as a client would (with the checker's fold). */
export function foldChunks(chunks: any[]): StreamedAnswer {
  const sum = accumulateChunksLoose(chunks) as any;
  const choice = sum.choices[0] ?? {};
  return {
    chunks,
    content: choice.message?.content ?? null,
    reasoning: choice.message?.reasoning_content ?? null,
    toolCalls: choice.message?.tool_calls ?? [],
    finishReason: choice.finish_reason ?? null,
    logprobs: choice.logprobs?.content ?? null,
    usage: sum.usage ?? null,
  };
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
  const chunks = sseChunks(await sres.text());
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
