// The built-in suite, as data. Each case is one request and what must come back; every answer is
// also checked against the contract and the stream rules. Users add cases as JSON files of the
// same shape (`conform --cases DIR`).
import { messages } from '../contract/deepseek-messages.js';
import type { ConformanceCase } from './types.js';

const hi = [{ role: 'user', content: 'Hi' }];
const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};
const askWeather = [{ role: 'user', content: 'What is the weather in Hangzhou right now?' }];
const toolRoundTrip = [
  ...askWeather,
  {
    role: 'assistant',
    content: '',
    // Carried back as a thinking-mode client must (DeepSeek refuses the turn without it when
    // thinking is on); providers that do not think accept and ignore it.
    reasoning_content: 'The user wants the current weather in Hangzhou, so I should call get_weather.',
    tool_calls: [{ id: 'call_0_conformance', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Hangzhou"}' } }],
  },
  { role: 'tool', tool_call_id: 'call_0_conformance', content: '{"city":"Hangzhou","temperature_c":24,"sky":"sunny"}' },
];
const usage = { include_usage: true };

/** The key the `bad-api-key` case sends; it must be refused. */
export const INVALID_KEY = 'sk-conformance-invalid-0000';

export const builtinCases: readonly ConformanceCase[] = [
  { id: 'basic', title: 'basic chat', body: { messages: hi } },
  {
    id: 'multi-turn',
    title: 'multi-turn chat',
    body: { messages: [{ role: 'user', content: 'My name is Lin.' }, { role: 'assistant', content: 'Nice to meet you, Lin.' }, { role: 'user', content: 'What is my name?' }] },
  },
  { id: 'system-prompt', title: 'system prompt', body: { messages: [{ role: 'system', content: 'You are a terse assistant.' }, ...hi] } },
  { id: 'stream', title: 'stream without include_usage', body: { messages: hi, stream: true } },
  { id: 'stream-usage', title: 'stream with include_usage', body: { messages: hi, stream: true, stream_options: usage } },
  {
    id: 'max-tokens-length',
    title: 'max_tokens forces finish_reason length',
    body: { messages: [{ role: 'user', content: 'Write a long story about a lighthouse keeper.' }], max_tokens: 5 },
    expect: { finishReason: 'length' },
  },
  {
    id: 'max-tokens-length-stream',
    title: 'max_tokens forces length, streamed',
    body: { messages: [{ role: 'user', content: 'Write a long story about a lighthouse keeper.' }], max_tokens: 5, stream: true, stream_options: usage },
    expect: { finishReason: 'length' },
  },
  {
    id: 'stop-sequence',
    title: 'stop sequence is not returned',
    body: { messages: [{ role: 'user', content: 'Count from 1 to 20, separated by commas.' }], stop: ['7'] },
    expect: { notContains: ['7'] },
  },
  {
    id: 'json-mode',
    title: 'JSON mode returns JSON',
    body: { messages: [{ role: 'user', content: 'Reply in json: an object with a "greeting" string.' }], response_format: { type: 'json_object' } },
    expect: { jsonContent: true },
  },
  { id: 'tools-auto', title: 'tools with tool_choice auto', body: { messages: askWeather, tools: [weatherTool], tool_choice: 'auto' } },
  {
    id: 'tools-required',
    title: 'tools with tool_choice required',
    body: { messages: askWeather, tools: [weatherTool], tool_choice: 'required' },
    expect: { toolCall: true, finishReason: 'tool_calls' },
  },
  {
    id: 'tools-named',
    title: 'tools with a named tool_choice',
    body: { messages: askWeather, tools: [weatherTool], tool_choice: { type: 'function', function: { name: 'get_weather' } } },
    expect: { toolCall: { name: 'get_weather' } },
  },
  {
    id: 'tools-required-stream',
    title: 'tool_choice required, streamed',
    body: { messages: askWeather, tools: [weatherTool], tool_choice: 'required', stream: true, stream_options: usage },
    expect: { toolCall: true, finishReason: 'tool_calls' },
  },
  {
    id: 'tools-named-stream',
    title: 'named tool_choice, streamed',
    body: { messages: askWeather, tools: [weatherTool], tool_choice: { type: 'function', function: { name: 'get_weather' } }, stream: true },
    expect: { toolCall: { name: 'get_weather' } },
  },
  { id: 'tool-result', title: 'tool result round trip', body: { messages: toolRoundTrip, tools: [weatherTool] } },
  { id: 'tool-result-stream', title: 'tool result round trip, streamed', body: { messages: toolRoundTrip, tools: [weatherTool], stream: true, stream_options: usage } },
  { id: 'logprobs', title: 'logprobs with top_logprobs', body: { messages: hi, logprobs: true, top_logprobs: 3 } },
  { id: 'logprobs-stream', title: 'logprobs with top_logprobs, streamed', body: { messages: hi, logprobs: true, top_logprobs: 2, stream: true } },
  { id: 'reasoner', title: 'thinking model returns reasoning', model: 'reasoner', body: { messages: hi }, expect: { reasoning: true } },
  {
    id: 'reasoner-stream',
    title: 'thinking model, streamed',
    model: 'reasoner',
    body: { messages: hi, stream: true, stream_options: usage },
    expect: { reasoning: true },
  },
  {
    id: 'bad-api-key',
    title: 'an invalid API key is refused',
    auth: 'invalid',
    body: { messages: hi },
    expect: { status: 401, errorMessage: messages.authInvalidKey(`****${INVALID_KEY.slice(-4)}`) },
  },
  {
    id: 'unknown-model',
    title: 'an unknown model is refused',
    body: { model: 'deepseek-no-such-model', messages: hi },
    expect: { status: 400, errorMessage: messages.modelNotExist },
  },
  { id: 'empty-messages', title: 'empty messages are refused', body: { messages: [] }, expect: { status: 400, errorMessage: messages.emptyMessages } },
  {
    id: 'temperature-range',
    title: 'temperature out of range is refused',
    body: { messages: hi, temperature: 3 },
    expect: { status: 400, errorMessage: messages.range('temperature', '{range:temperature}') },
  },
  {
    id: 'top-logprobs-without-logprobs',
    title: 'top_logprobs without logprobs is refused',
    body: { messages: hi, top_logprobs: 3 },
    expect: { status: 400, errorMessage: messages.topLogprobsNeedsLogprobs },
  },
];
