// The public resolveScenario hook: a scenario's respond fields shape the answer, JSON and stream alike.
import { describe, expect, it } from 'vitest';
import { hi, newFake, post } from '../../test/helpers/fake-client.js';
import { sseChunks } from '../../test/helpers/sse.js';

describe('resolveScenario option', () => {
  it('overrides content, finish reason and usage; errors become the envelope', async () => {
    const fake = newFake({
      resolveScenario: (ctx) =>
        ctx.body.messages.some((m) => m.content === 'fail')
          ? { source: 'test', respond: { error: { status: 503, type: 'service_unavailable_error', message: 'Server Overloaded', headers: { 'retry-after': '1' } } } }
          : { source: 'test', respond: { content: 'Exactly this.', finishReason: 'content_filter', usage: { completion_tokens: 3, total_tokens: 4 + 3 } } },
    });
    const ok = await (await post(fake, hi)).json();
    expect(ok.choices[0].message.content).toBe('Exactly this.');
    expect(ok.choices[0].finish_reason).toBe('content_filter');
    expect(ok.usage.completion_tokens).toBe(3);
    const bad = await post(fake, { ...hi, messages: [{ role: 'user', content: 'fail' }] });
    expect(bad.status).toBe(503);
    expect(bad.headers.get('retry-after')).toBe('1');
    expect((await bad.json()).error).toEqual({ message: 'Server Overloaded', type: 'service_unavailable_error', param: null, code: 'invalid_request_error' });
  });

  it('tool calls come out in JSON and as stream deltas that add up to the same calls', async () => {
    const fake = newFake({ resolveScenario: () => ({ source: 'test', respond: { toolCalls: [{ name: 'get_weather', arguments: { city: 'Hangzhou' } }] } }) });
    const json = await (await post(fake, hi)).json();
    const call = json.choices[0].message.tool_calls[0];
    expect(call.id).toMatch(/^call_0_[0-9a-f-]{36}$/);
    expect(json.choices[0].finish_reason).toBe('tool_calls');
    expect(JSON.parse(call.function.arguments)).toEqual({ city: 'Hangzhou' });
    const sse = await (await post(fake, { ...hi, stream: true })).text();
    const chunks = sseChunks(sse);
    for (const c of chunks) expect(fake.contract.chunk(c)).toBe(true);
    const deltas = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
    expect(deltas[0]).toMatchObject({ index: 0, type: 'function', function: { name: 'get_weather', arguments: '' } });
    expect(deltas.slice(1).every((d: any) => Object.keys(d).sort().join() === 'function,index')).toBe(true);
    expect(JSON.parse(deltas.map((d: any) => d.function.arguments).join(''))).toEqual({ city: 'Hangzhou' });
  });
});
