// The generator: from a validated request to a CompletionDraft. Everything random comes from an
// Rng seeded by the request, so the same request and seed give the same answer. A scenario's
// `respond` overrides what it names; the rest is generated. Each behaviour lives in its own file;
// this one only decides the order: prompt → reasoning → tool calls or text → stop/length → logprobs.
import { invalidRequest } from '../core/errors.js';
import { contentText } from '../core/message-text.js';
import { createRng, type Rng } from '../core/random.js';
import type { ScenarioResponse } from '../core/scenario-types.js';
import type { AssistantMessage, ChatRequest, FinishReason, ToolCall } from '../core/types.js';
import { messages } from '../contract/deepseek-messages.js';
import type { ModelSpec } from '../profiles/profile.js';
import type { PrefixCache } from './context-cache.js';
import type { CompletionDraft } from './draft.js';
import { generateJsonContent } from './json-mode.js';
import { detectLanguage, type Language } from './language.js';
import { generateLogprobs } from './logprobs.js';
import { generateReasoning, thinks } from './reasoning.js';
import { cutAtStop, truncateTokens } from './stop.js';
import { generateProse } from './text.js';
import { chooseTools, generateToolCalls, latestCallsAnswered, latestToolResults } from './tool-calls.js';
import { tokenPieces, type Tokenizer } from './tokenizer.js';
import { buildUsage, renderChatTemplate, renderToolCalls } from './usage.js';

export interface GenerateInput {
  body: ChatRequest;
  model: ModelSpec;
  rng: Rng;
  tokenizer: Tokenizer;
  id: string;
  created: number;
  systemFingerprint: string;
  /** What a scenario asked for; fields it leaves out are generated. */
  respond?: ScenarioResponse;
  /** The caller's key: context-cache hits are per key. */
  apiKey?: string;
  /** Prompt prefixes seen so far (the fake's store); without it nothing is a cache hit. */
  cache?: PrefixCache;
  /** The request came in under /beta: an assistant message with `prefix: true` is continued. */
  beta?: boolean;
}

export function generateDraft(input: GenerateInput): CompletionDraft {
  const { body, model, rng, tokenizer, respond = {} } = input;
  const language = detectLanguage(body);
  const prefix = input.beta ? prefixMessage(body) : undefined;
  const thinking = thinks(body, model);

  // Prompt: count it under the chat template, refuse what does not fit, look up the cache.
  const promptPieces = tokenizer.tokenize(renderChatTemplate(body, { thinking, prefix: prefix !== undefined }));
  const limit = body.max_tokens ?? model.maxTokens.default;
  if (promptPieces.length + limit > model.contextWindow) {
    throw invalidRequest(messages.contextLength(model.contextWindow, promptPieces.length + limit, promptPieces.length, limit));
  }
  const cacheHit = input.cache && input.apiKey !== undefined ? input.cache.lookupAndRemember(input.apiKey, promptPieces) : 0;

  const reasoningText = respond.reasoning ?? (thinking ? generateReasoning(body, rng, language) : undefined);
  const reasoning = reasoningText === undefined ? null : tokenizer.tokenize(reasoningText);

  const toolCalls: ToolCall[] = respond.toolCalls
    ? respond.toolCalls.map((call) => ({
        id: call.id ?? `call_0_${rng.uuid()}`,
        type: 'function',
        function: { name: call.name, arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments) },
      }))
    : respond.content === undefined
      ? generateToolCalls(chooseTools(body, rng), rng, language)
      : [];

  let text = respond.content ?? (toolCalls.length ? null : answerText(body, rng, language, prefix));
  let finishReason: FinishReason = toolCalls.length ? 'tool_calls' : 'stop';
  // Calls are generated in order like text: max_tokens cuts the arguments at a token boundary
  // (they no longer parse) and drops the calls that would have come after.
  const cutCalls = respond.toolCalls ? { calls: toolCalls, truncated: false } : truncateToolCalls(toolCalls, tokenizer, limit);
  if (cutCalls.truncated) {
    toolCalls.splice(0, toolCalls.length, ...cutCalls.calls);
    finishReason = 'length';
  }
  if (text !== null) text = cutAtStop(text, body.stop).text;
  let pieces = text === null ? null : tokenPieces(tokenizer, text);
  if (pieces) {
    const cut = truncateTokens(pieces, limit);
    pieces = cut.tokens;
    if (cut.truncated) finishReason = 'length';
  }
  if (respond.finishReason) {
    // A filtered or resource-starved answer stops part-way, unless the scenario gave the text.
    if (pieces && respond.content === undefined && (respond.finishReason === 'content_filter' || respond.finishReason === 'insufficient_system_resource')) {
      pieces = pieces.slice(0, Math.max(1, Math.floor(pieces.length * (0.3 + rng.next() * 0.4))));
    }
    finishReason = respond.finishReason;
  }

  const logprobs = body.logprobs === true && pieces ? generateLogprobs(pieces, body.top_logprobs ?? 0, createRng(rng.seed()), language) : null;
  const callTokens = cutCalls.truncated ? limit : toolCalls.length ? tokenizer.count(renderToolCalls(toolCalls)) : 0;
  const completionTokens = (pieces?.length ?? 0) + (reasoning?.length ?? 0) + callTokens;
  const usage = buildUsage(promptPieces.length, completionTokens, cacheHit, reasoning ? reasoning.length : undefined);
  return {
    id: input.id,
    created: input.created,
    model: body.model,
    systemFingerprint: input.systemFingerprint,
    reasoning,
    content: pieces ? pieces.map((p) => p.text) : null,
    toolCalls,
    finishReason,
    logprobs,
    usage: { ...usage, ...respond.usage },
  };
}

/** Keeps calls while their arguments fit in `limit` tokens; the first that does not is cut there. */
function truncateToolCalls(calls: ToolCall[], tokenizer: Tokenizer, limit: number): { calls: ToolCall[]; truncated: boolean } {
  let left = limit;
  const kept: ToolCall[] = [];
  for (const call of calls) {
    const pieces = tokenizer.tokenize(call.function.arguments);
    if (pieces.length <= left) {
      kept.push(call);
      left -= pieces.length;
      continue;
    }
    if (left > 0) kept.push({ ...call, function: { ...call.function, arguments: pieces.slice(0, left).join('') } });
    return { calls: kept, truncated: true };
  }
  return { calls, truncated: false };
}

/** The text of a final assistant message with `prefix: true`, the part the answer continues. */
function prefixMessage(body: ChatRequest): string | undefined {
  const last = body.messages[body.messages.length - 1];
  if (last?.role !== 'assistant' || (last as AssistantMessage).prefix !== true) return undefined;
  return contentText((last as AssistantMessage).content);
}

function answerText(body: ChatRequest, rng: Rng, language: Language, prefix: string | undefined): string {
  if (body.response_format?.type === 'json_object') return generateJsonContent(body, rng, language);
  if (prefix !== undefined) return continuation(prefix, rng, language);
  const words = rng.int(12, 60);
  if (latestCallsAnswered(body)) {
    // The end of an agent loop: an answer that uses what the tools returned.
    const results = latestToolResults(body).map((r) => r.replace(/\s+/g, ' ').slice(0, 120)).join('; ');
    const lead = language === 'zh' ? `根据工具返回的结果（${results}），` : `Based on the tool results (${results}), here is the answer. `;
    return lead + generateProse(rng, words, language);
  }
  return generateProse(rng, words, language);
}

/** What follows a prefix: code closing an open fence, else prose that joins it cleanly. */
function continuation(prefix: string, rng: Rng, language: Language): string {
  const fences = prefix.match(/```/g)?.length ?? 0;
  if (fences % 2 === 1) {
    const name = `step_${rng.int(1, 99)}`;
    return `${prefix.endsWith('\n') ? '' : '\n'}def ${name}(value):\n    return value * ${rng.int(2, 9)}\n\`\`\`\n`;
  }
  const prose = generateProse(rng, rng.int(10, 40), language);
  const joinWithSpace = language === 'en' && prefix.length > 0 && !/\s$/.test(prefix);
  return joinWithSpace ? ` ${prose}` : prose;
}
