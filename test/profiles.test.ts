// Each profile end to end, in process: its seed's request example is answered with a response valid
// against its own contract (JSON and SSE), and requests valid in another dialect get this one's 400.
import { describe, expect, it } from 'vitest';
import { createFake, type Fake } from '../src/core/fake.js';
import { getProfile, profiles, type Profile } from '../src/profiles/index.js';
import { BASE, get, post } from './helpers/fake-client.js';
import { sseChunks } from './helpers/sse.js';

/** The request example each profile's document carries for its seed (`seed`, or the official allNulls). */
function seedExample(profile: Profile): Record<string, any> {
  const examples = (profile.document as any).paths['/chat/completions'].post.requestBody.content['application/json'].examples;
  return structuredClone((examples.seed ?? examples.allNulls).value);
}

/** Where a profile's chat route answers: its first prefix. */
const chatPath = (p: Profile) => `${p.prefixes[0]}/chat/completions`;

async function expect400(res: Response, message: string | RegExp, param?: string | null) {
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(400);
  if (typeof message === 'string') expect(body.error.message).toBe(message);
  else expect(body.error.message).toMatch(message);
  if (param !== undefined) expect(body.error.param).toBe(param);
  expect(body.error.type).toBe('invalid_request_error');
}

const fakes = new Map<string, Fake>(profiles.map((p) => [p.name, createFake({ profile: p.name, seed: 1 })]));
const fakeFor = (name: string) => fakes.get(name)!;

describe.each(profiles.map((p) => [p.name, p] as const))('profile %s', (name, profile) => {
  const fake = fakeFor(name);

  it('answers its seed request example, non-streaming, valid against its own contract', async () => {
    const res = await post(fake, { ...seedExample(profile), stream: false, stream_options: null }, { path: chatPath(profile) });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(fake.contract.completion(body), JSON.stringify(fake.contract.completion.errors)).toBe(true);
    expect(body.model).toBe(seedExample(profile).model);
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
  });

  it('answers its seed request example streamed, every chunk valid, usage chunk when asked', async () => {
    const res = await post(fake, { ...seedExample(profile), stream: true, stream_options: { include_usage: true } }, { path: chatPath(profile) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const chunks = sseChunks(await res.text());
    for (const c of chunks) expect(fake.contract.chunk(c), JSON.stringify(fake.contract.chunk.errors)).toBe(true);
    const last = chunks[chunks.length - 1];
    expect(last.choices).toEqual([]);
    expect(last.usage.completion_tokens).toBeGreaterThan(0);
    expect(chunks.some((c) => c.choices[0]?.finish_reason === 'stop')).toBe(true);
  });

  it('GET /models lists exactly its models, at each of its prefixes', async () => {
    for (const prefix of profile.prefixes) {
      const res = await get(fake, `${prefix}/models`);
      expect(res.status, prefix).toBe(200);
      const list = await res.json();
      expect(fake.contract.models(list)).toBe(true);
      expect(list.data.map((m: any) => m.id)).toEqual(profile.models.map((m) => m.id));
    }
  });

  it("another profile's model is Model Not Exist here", async () => {
    const foreign = profiles.flatMap((p) => p.models.map((m) => m.id)).find((id) => !profile.models.some((m) => m.id === id))!;
    await expect400(await post(fake, { ...seedExample(profile), model: foreign, stream: false, stream_options: null }, { path: chatPath(profile) }), 'Model Not Exist');
  });
});

describe('routes per profile', () => {
  const cases: [string, string, number][] = [
    ['deepseek', '/chat/completions', 200],
    ['deepseek', '/v1/chat/completions', 200],
    ['deepseek', '/beta/chat/completions', 200],
    ['openai-compatible', '/chat/completions', 200],
    ['openai-compatible', '/v1/chat/completions', 404],
    ['openai-compatible', '/beta/chat/completions', 404],
    ['multimodal-v3.2', '/chat/completions', 200],
    ['multimodal-v3.2', '/v1/chat/completions', 200],
    ['thinking-switch', '/v1/chat/completions', 200],
    ['thinking-switch', '/chat/completions', 404],
  ];
  it.each(cases)('%s POST %s → %i', async (name, path, status) => {
    const profile = getProfile(name);
    const res = await post(fakeFor(name), { model: profile.models[0]!.id, messages: [{ role: 'user', content: 'Hi' }] }, { path });
    expect(res.status).toBe(status);
  });

  it('only the official API has /user/balance', async () => {
    expect((await get(fakeFor('deepseek'), '/user/balance')).status).toBe(200);
    expect((await get(fakeFor('openai-compatible'), '/user/balance')).status).toBe(404);
    expect((await get(fakeFor('multimodal-v3.2'), '/v1/user/balance')).status).toBe(404);
    expect((await get(fakeFor('thinking-switch'), '/v1/user/balance')).status).toBe(404);
  });
});

describe('what one dialect accepts and another rejects', () => {
  const v32 = { model: 'deepseek-v3.2', messages: [{ role: 'user', content: 'Hi' }] };
  const chat = { model: 'deepseek-chat', messages: [{ role: 'user', content: 'Hi' }] };
  const imageParts = [
    { type: 'text', text: 'What is this?' },
    { type: 'image_url', image_url: { url: 'https://example.com/a.png' } },
  ];

  it('temperature 1.5: fine on the official API, out of range on V3.2', async () => {
    expect((await post(fakeFor('deepseek'), { ...chat, temperature: 1.5 })).status).toBe(200);
    await expect400(await post(fakeFor('multimodal-v3.2'), { ...v32, temperature: 1.5 }), 'Invalid temperature value, the valid range of temperature is [0, 1]', 'temperature');
    await expect400(await post(fakeFor('multimodal-v3.2'), { ...v32, top_p: 1.2 }), 'Invalid top_p value, the valid range of top_p is [0, 1]', 'top_p');
    // top_p 0 is in V3.2's closed range but outside DeepSeek's (0, 1.0].
    expect((await post(fakeFor('multimodal-v3.2'), { ...v32, top_p: 0 })).status).toBe(200);
    await expect400(await post(fakeFor('deepseek'), { ...chat, top_p: 0 }), 'Invalid top_p value, the valid range of top_p is (0, 1.0]');
  });

  it('a 5-item stop: fine on the official API (≤ 16), too many on V3.2 (≤ 4); V3.2 wants an array', async () => {
    const stop = ['a', 'b', 'c', 'd', 'e'];
    expect((await post(fakeFor('deepseek'), { ...chat, stop })).status).toBe(200);
    expect((await post(fakeFor('multimodal-v3.2'), { ...v32, stop: stop.slice(0, 4) })).status).toBe(200);
    await expect400(await post(fakeFor('multimodal-v3.2'), { ...v32, stop }), 'Invalid stop value, stop must have at most 4 items', 'stop');
    await expect400(await post(fakeFor('multimodal-v3.2'), { ...v32, stop: 'END' }), /^stop: invalid type: string "END", expected a sequence at line 1 column \d+$/, 'stop');
  });

  it('image_url and file parts: accepted on V3.2, unknown variants on the official API and the reseller', async () => {
    const file = { type: 'file', file: { filename: 'a.pdf', file_data: 'https://example.com/a.pdf' } };
    const res = await post(fakeFor('multimodal-v3.2'), { ...v32, messages: [{ role: 'user', content: [...imageParts, file] }] });
    expect(res.status).toBe(200);
    for (const name of ['deepseek', 'openai-compatible']) {
      await expect400(
        await post(fakeFor(name), { ...chat, messages: [{ role: 'user', content: imageParts }] }),
        /^messages\[0\]\.content\[1\]\.type: unknown variant `image_url`, expected `text` at line 1 column \d+$/,
      );
    }
  });

  it('V3.2 part shapes: an unknown part type and a part without its field are serde errors', async () => {
    await expect400(
      await post(fakeFor('multimodal-v3.2'), { ...v32, messages: [{ role: 'user', content: [{ type: 'video', video: {} }] }] }),
      /^messages\[0\]\.content\[0\]\.type: unknown variant `video`, expected one of `text`, `image_url`, `file` at line 1 column \d+$/,
    );
    await expect400(
      await post(fakeFor('multimodal-v3.2'), { ...v32, messages: [{ role: 'user', content: [{ type: 'image_url' }] }] }),
      /^messages\[0\]\.content\[0\]: missing field `image_url` at line 1 column \d+$/,
    );
  });

  it('thinking: on/off on DeepSeek itself, on/off/auto on the thinking-switch provider, an unknown field on the resellers', async () => {
    const v31 = { model: 'deepseek-v3-1-250821', messages: [{ role: 'user', content: 'Hi' }] };
    for (const type of ['enabled', 'disabled', 'auto']) {
      const res = await post(fakeFor('thinking-switch'), { ...v31, thinking: { type } }, { path: '/v1/chat/completions' });
      expect(res.status, type).toBe(200);
    }
    await expect400(
      await post(fakeFor('thinking-switch'), { ...v31, thinking: { type: 'sometimes' } }, { path: '/v1/chat/completions' }),
      /^thinking\.type: unknown variant `sometimes`, expected one of `enabled`, `disabled`, `auto` at line 1 column \d+$/,
      'thinking.type',
    );
    // DeepSeek's own API: deepseek-chat thinks when asked, not otherwise; `auto` is not DeepSeek's.
    const on = await (await post(fakeFor('deepseek'), { ...chat, thinking: { type: 'enabled' } })).json();
    expect(on.choices[0].message.reasoning_content).toBeTruthy();
    const off = await (await post(fakeFor('deepseek'), { ...chat, thinking: { type: 'disabled' } })).json();
    expect(off.choices[0].message.reasoning_content).toBeUndefined();
    const unset = await (await post(fakeFor('deepseek'), chat)).json();
    expect(unset.choices[0].message.reasoning_content).toBeUndefined();
    await expect400(
      await post(fakeFor('deepseek'), { ...chat, thinking: { type: 'auto' } }),
      /^thinking\.type: unknown variant `auto`, expected one of `enabled`, `disabled` at line 1 column \d+$/,
      'thinking.type',
    );
    for (const [name, body] of [
      ['openai-compatible', chat],
      ['multimodal-v3.2', v32],
    ] as const) {
      const res = await post(fakeFor(name), { ...body, thinking: { type: 'enabled' } });
      const err = (await res.json()).error;
      expect(res.status, name).toBe(400);
      expect(err.param).toBe('thinking');
      expect(err.message).toMatch(/^unknown field `thinking`, expected one of `messages`, `model`, .*`top_p`.* at line 1 column \d+$/);
      expect(err.message).not.toContain('`thinking`, `');
    }
  });

  it('other unknown fields are still ignored, as DeepSeek does', async () => {
    expect((await post(fakeFor('deepseek'), { ...chat, user: 'u-1', seed: 4, n: 1 })).status).toBe(200);
    expect((await post(fakeFor('multimodal-v3.2'), { ...v32, user: 'u-1' })).status).toBe(200);
  });

  it('thinking-switch: usage is in every non-streamed response', async () => {
    const res = await post(fakeFor('thinking-switch'), { model: 'deepseek-v3-1-250821', messages: [{ role: 'user', content: 'Hi' }] }, { path: '/v1/chat/completions' });
    const body = await res.json();
    expect(body.usage).toMatchObject({ prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number), total_tokens: expect.any(Number) });
    const withoutUsage = structuredClone(body);
    delete withoutUsage.usage;
    expect(fakeFor('thinking-switch').contract.completion(withoutUsage)).toBe(false);
    expect(fakeFor('deepseek').contract.completion(withoutUsage)).toBe(true);
  });
});

describe('profile data', () => {
  it('limits and defaults come from each contract document', () => {
    const v32 = getProfile('multimodal-v3.2');
    expect(v32.defaults).toMatchObject({ temperature: 0.95, top_p: 0.7 });
    expect(v32.ranges).toMatchObject({ temperature: '[0, 1]', top_p: '[0, 1]', top_logprobs_max: '20' });
    expect(getProfile('deepseek').defaults).toMatchObject({ temperature: 1, top_p: 1 });
    expect(getProfile('thinking-switch').defaults).toMatchObject({ thinking: { type: 'enabled' } });
    expect(getProfile('thinking-switch').models[0]!.reasoning).toBe('switchable');
  });

  it('V3.2 documents its content-policy error as 503 but sends 400', () => {
    const errors = getProfile('multimodal-v3.2').errors;
    expect(errors['content-policy']).toMatchObject({ status: 400, documentedStatus: 503 });
    expect(errors.permission?.status).toBe(403);
    expect(getProfile('deepseek').errors.balance).toMatchObject({ status: 402, message: 'Insufficient Balance' });
  });

  it('unknown profile names are refused with the list of known ones', () => {
    expect(() => getProfile('nope')).toThrow(/deepseek, openai-compatible, multimodal-v3.2, thinking-switch/);
  });

  it('two fakes with different profiles in one process do not mix', async () => {
    const a = createFake({ profile: 'deepseek' });
    const b = createFake({ profile: 'multimodal-v3.2' });
    const req = { model: 'deepseek-v3.2', messages: [{ role: 'user', content: 'Hi' }] };
    expect((await post(a, req)).status).toBe(400);
    expect((await post(b, req)).status).toBe(200);
    expect(BASE).toMatch(/^https:/);
  });
});

describe('openai-compatible stream', () => {
  it('carries reasoning_content deltas, valid against the reseller chunk schema', async () => {
    const fake = createFake({ profile: 'openai-compatible', resolveScenario: () => ({ source: 'test', respond: { reasoning: 'First, think.', content: 'Hello.' } }) });
    const res = await post(fake, { model: 'deepseek-reasoner', messages: [{ role: 'user', content: 'Hi' }], stream: true });
    const chunks = sseChunks(await res.text());
    for (const c of chunks) expect(fake.contract.chunk(c)).toBe(true);
    const reasoning = chunks.map((c) => c.choices[0]?.delta.reasoning_content ?? '').join('');
    const content = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(reasoning).toBe('First, think.');
    expect(content).toBe('Hello.');
  });
});
