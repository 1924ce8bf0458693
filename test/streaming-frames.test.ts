// The exact bytes of one small stream, for a reviewer to read: seeded ids + frozen clock make it stable.
import { describe, expect, it } from 'vitest';
import { frozenClock } from '../src/core/clock.js';
import { hi, newFake, post } from './helpers/fake-client.js';

describe('SSE bytes', () => {
  it('one small completion with include_usage, frame by frame', async () => {
    const fake = newFake({ seed: 1, ids: 'seeded', clock: frozenClock(1_700_000_000_000), resolveScenario: () => ({ source: 'test', respond: { content: 'Hi there!' } }) });
    const res = await post(fake, { ...hi, stream: true, stream_options: { include_usage: true } });
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toMatchInlineSnapshot(`
      "data: {"id":"8c7a7bc7-229c-492d-af4c-69dd57135d7b","object":"chat.completion.chunk","created":1700000000,"model":"deepseek-chat","system_fingerprint":"fp_eaab8d114b_prod0820_fp8_kvcache","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}],"usage":null}

      data: {"id":"8c7a7bc7-229c-492d-af4c-69dd57135d7b","object":"chat.completion.chunk","created":1700000000,"model":"deepseek-chat","system_fingerprint":"fp_eaab8d114b_prod0820_fp8_kvcache","choices":[{"index":0,"delta":{"content":"Hi"},"logprobs":null,"finish_reason":null}],"usage":null}

      data: {"id":"8c7a7bc7-229c-492d-af4c-69dd57135d7b","object":"chat.completion.chunk","created":1700000000,"model":"deepseek-chat","system_fingerprint":"fp_eaab8d114b_prod0820_fp8_kvcache","choices":[{"index":0,"delta":{"content":" there"},"logprobs":null,"finish_reason":null}],"usage":null}

      data: {"id":"8c7a7bc7-229c-492d-af4c-69dd57135d7b","object":"chat.completion.chunk","created":1700000000,"model":"deepseek-chat","system_fingerprint":"fp_eaab8d114b_prod0820_fp8_kvcache","choices":[{"index":0,"delta":{"content":"!"},"logprobs":null,"finish_reason":null}],"usage":null}

      data: {"id":"8c7a7bc7-229c-492d-af4c-69dd57135d7b","object":"chat.completion.chunk","created":1700000000,"model":"deepseek-chat","system_fingerprint":"fp_eaab8d114b_prod0820_fp8_kvcache","choices":[{"index":0,"delta":{"content":""},"logprobs":null,"finish_reason":"stop"}],"usage":null}

      data: {"id":"8c7a7bc7-229c-492d-af4c-69dd57135d7b","object":"chat.completion.chunk","created":1700000000,"model":"deepseek-chat","system_fingerprint":"fp_eaab8d114b_prod0820_fp8_kvcache","choices":[],"usage":{"prompt_tokens":4,"completion_tokens":3,"total_tokens":7,"prompt_tokens_details":{"cached_tokens":0},"prompt_cache_hit_tokens":0,"prompt_cache_miss_tokens":4}}

      data: [DONE]

      "
    `);
  });

  it('thinking model, queued: keep-alives, then reasoning deltas (content null), then content', async () => {
    const fake = newFake({
      seed: 1,
      ids: 'seeded',
      clock: frozenClock(1_700_000_000_000, { instant: true }),
      resolveScenario: () => ({ source: 'test', respond: { reasoning: 'Greet back.', content: 'Hello!', timing: { queueWaitMs: 2000 } } }),
    });
    const res = await post(fake, { model: 'deepseek-reasoner', messages: hi.messages, stream: true });
    expect(await res.text()).toMatchInlineSnapshot(`
      ": keep-alive

      : keep-alive

      data: {"id":"47ad8d5e-7690-4785-a8ae-057e4104734f","object":"chat.completion.chunk","created":1700000000,"model":"deepseek-reasoner","system_fingerprint":"fp_eaab8d114b_prod0820_fp8_kvcache","choices":[{"index":0,"delta":{"role":"assistant","content":null,"reasoning_content":""},"logprobs":null,"finish_reason":null}],"usage":null}

      data: {"id":"47ad8d5e-7690-4785-a8ae-057e4104734f","object":"chat.completion.chunk","created":1700000000,"model":"deepseek-reasoner","system_fingerprint":"fp_eaab8d114b_prod0820_fp8_kvcache","choices":[{"index":0,"delta":{"content":null,"reasoning_content":"Greet"},"logprobs":null,"finish_reason":null}],"usage":null}

      data: {"id":"47ad8d5e-7690-4785-a8ae-057e4104734f","object":"chat.completion.chunk","created":1700000000,"model":"deepseek-reasoner","system_fingerprint":"fp_eaab8d114b_prod0820_fp8_kvcache","choices":[{"index":0,"delta":{"content":null,"reasoning_content":" back"},"logprobs":null,"finish_reason":null}],"usage":null}

      data: {"id":"47ad8d5e-7690-4785-a8ae-057e4104734f","object":"chat.completion.chunk","created":1700000000,"model":"deepseek-reasoner","system_fingerprint":"fp_eaab8d114b_prod0820_fp8_kvcache","choices":[{"index":0,"delta":{"content":null,"reasoning_content":"."},"logprobs":null,"finish_reason":null}],"usage":null}

      data: {"id":"47ad8d5e-7690-4785-a8ae-057e4104734f","object":"chat.completion.chunk","created":1700000000,"model":"deepseek-reasoner","system_fingerprint":"fp_eaab8d114b_prod0820_fp8_kvcache","choices":[{"index":0,"delta":{"content":"Hello"},"logprobs":null,"finish_reason":null}],"usage":null}

      data: {"id":"47ad8d5e-7690-4785-a8ae-057e4104734f","object":"chat.completion.chunk","created":1700000000,"model":"deepseek-reasoner","system_fingerprint":"fp_eaab8d114b_prod0820_fp8_kvcache","choices":[{"index":0,"delta":{"content":"!"},"logprobs":null,"finish_reason":null}],"usage":null}

      data: {"id":"47ad8d5e-7690-4785-a8ae-057e4104734f","object":"chat.completion.chunk","created":1700000000,"model":"deepseek-reasoner","system_fingerprint":"fp_eaab8d114b_prod0820_fp8_kvcache","choices":[{"index":0,"delta":{"content":""},"logprobs":null,"finish_reason":"stop"}],"usage":null}

      data: [DONE]

      "
    `);
  });
});
