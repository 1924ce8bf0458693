// Real clients nobody here wrote, pointed at a listening fake: the Vercel AI SDK's DeepSeek
// provider and LangChain's ChatDeepSeek. They parse responses their own way, so a shape the
// openai SDK forgives would break here.
import { createDeepSeek } from '@ai-sdk/deepseek';
import { ChatDeepSeek } from '@langchain/deepseek';
import { generateText, streamText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type RunningServer } from '../src/server/listen.js';

let server: RunningServer;
beforeAll(async () => {
  server = await listen({ port: 0, seed: 'clients' });
});
afterAll(async () => {
  await server?.close();
});

describe('Vercel AI SDK (@ai-sdk/deepseek)', () => {
  const provider = () => createDeepSeek({ baseURL: server.url, apiKey: 'sk-test' });

  it('generateText returns the text and the usage the fake reported', async () => {
    const result = await generateText({ model: provider()('deepseek-chat'), prompt: 'Hello there' });
    expect(result.text.length).toBeGreaterThan(10);
    expect(result.finishReason).toBe('stop');
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
    expect(result.usage.totalTokens).toBe(result.usage.inputTokens! + result.usage.outputTokens!);
  });

  it('streamText yields the same text as generateText for the same request', async () => {
    const whole = await generateText({ model: provider()('deepseek-chat'), prompt: 'Stream me' });
    const streamed = streamText({ model: provider()('deepseek-chat'), prompt: 'Stream me' });
    let text = '';
    for await (const part of streamed.textStream) text += part;
    expect(text).toBe(whole.text);
    expect(await streamed.finishReason).toBe('stop');
  });

  it('surfaces DeepSeek errors as API call errors with the message', async () => {
    const error = await generateText({ model: provider()('no-such-model'), prompt: 'x', maxRetries: 0 }).catch((e: unknown) => e);
    expect(String((error as Error).message)).toContain('Model Not Exist');
    expect((error as { statusCode?: number }).statusCode).toBe(400);
  });
});

describe('LangChain (@langchain/deepseek)', () => {
  const model = (fields: Record<string, unknown> = {}) =>
    new ChatDeepSeek({ model: 'deepseek-chat', apiKey: 'sk-test', configuration: { baseURL: server.url }, maxRetries: 0, ...fields });

  it('invoke returns an AIMessage with content and token usage', async () => {
    const message = await model().invoke('Hello from LangChain');
    expect(typeof message.content).toBe('string');
    expect((message.content as string).length).toBeGreaterThan(10);
    expect(message.usage_metadata?.total_tokens).toBe(message.usage_metadata!.input_tokens + message.usage_metadata!.output_tokens);
  });

  it('stream concatenates to the invoke answer', async () => {
    const whole = await model().invoke('Same question');
    let text = '';
    for await (const chunk of await model().stream('Same question')) text += chunk.content as string;
    expect(text).toBe(whole.content);
  });

  it('rejects with the DeepSeek error message', async () => {
    const error = await model({ temperature: 5 }).invoke('x').catch((e: unknown) => e);
    expect(String((error as Error).message)).toContain('Invalid temperature value, the valid range of temperature is [0, 2]');
  });
});
