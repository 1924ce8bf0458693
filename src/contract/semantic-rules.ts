// The rules a JSON Schema cannot say. Each throws DeepSeek's answer for the first broken rule,
// in the order DeepSeek appears to check them.
import { FakeError, apiError, invalidRequest } from '../core/errors.js';
import { contentText } from '../core/message-text.js';
import type { AssistantMessage, ChatRequest, ToolMessage } from '../core/types.js';
import { thinks } from '../generate/reasoning.js';
import type { ModelSpec, Profile } from '../profiles/profile.js';
import { messages } from './deepseek-messages.js';
import { checkPrefixCompletion } from './prefix-completion.js';
import { checkStrictFunctions } from './strict-functions.js';

export interface RuleContext {
  body: ChatRequest;
  profile: Profile;
  /** True when the request came in under `/beta`. */
  beta: boolean;
}

/** Resolves the model, or answers `Model Not Exist`. */
export function requireModel(ctx: RuleContext): ModelSpec {
  const model = ctx.profile.models.find((m) => m.id === ctx.body.model);
  if (!model) throw invalidRequest(messages.modelNotExist);
  return model;
}

export function checkRequestRules(ctx: RuleContext, model: ModelSpec): void {
  const { body } = ctx;

  if (body.max_tokens != null && body.max_tokens > model.maxTokens.max) {
    throw invalidRequest(messages.range('max_tokens', `[1, ${model.maxTokens.max}]`), 'max_tokens');
  }

  for (const field of model.rejects ?? []) {
    const value = (body as Record<string, unknown>)[field];
    if (value != null && value !== false) {
      throw new FakeError(apiError(400, 'invalid_request_error', messages.unsupportedParameter(model.id, field)));
    }
  }

  if (body.top_logprobs != null && body.logprobs !== true) {
    throw invalidRequest(messages.topLogprobsNeedsLogprobs, 'top_logprobs');
  }

  if (body.stream_options != null && body.stream !== true) {
    throw invalidRequest('Invalid stream_options value, stream_options can only be set when stream is true.', 'stream_options');
  }

  checkToolMessages(body);
  checkToolChoice(body);
  // Outside /beta `strict` is accepted and not enforced: SDKs (openai's zodFunction, the AI SDK)
  // send it routinely, and DeepSeek only turns strict mode on under /beta.
  if (ctx.beta) checkStrictFunctions(body.tools);
  checkPrefixCompletion({ body, beta: ctx.beta, hasBeta: ctx.profile.prefixes.includes('/beta') });

  if (body.response_format?.type === 'json_object') {
    const mentionsJson = body.messages.some((m) => /json/i.test(contentText((m as { content?: never }).content)));
    if (!mentionsJson) throw invalidRequest(messages.jsonWordRequired, 'response_format');
  }

  checkThinkingToolTurns(body, model);

  if (model.reasoning === 'always') {
    const last = body.messages[body.messages.length - 1]!;
    const prefixed = last.role === 'assistant' && (last as AssistantMessage).prefix === true;
    // A tool result may end the conversation too: thinking-mode tool calls (V3.2) continue after
    // it, which is what the missing-reasoning_content rule is about (docs/decisions/006).
    if (last.role !== 'user' && last.role !== 'tool' && !prefixed) throw invalidRequest(messages.reasonerLastMessage);
  }
}

/**
 * Tool results must follow the assistant turn that made the calls, at once and one per call id:
 * a tool message that answers no open call is refused, and so is any other message (or the end of
 * the conversation) while some call of the last tool_calls turn is still unanswered.
 */
function checkToolMessages(body: ChatRequest): void {
  let open: Set<string> | null = null;
  for (const message of body.messages) {
    if (message.role === 'tool') {
      const id = (message as ToolMessage).tool_call_id;
      if (!open || !open.delete(id)) throw invalidRequest(messages.toolWithoutToolCalls);
      continue;
    }
    if (open && open.size > 0) throw invalidRequest(messages.insufficientToolMessages);
    const calls = message.role === 'assistant' ? ((message as AssistantMessage).tool_calls ?? []) : [];
    open = calls.length ? new Set(calls.map((call) => call.id)) : null;
  }
  if (open && open.size > 0) throw invalidRequest(messages.insufficientToolMessages);
}

function checkToolChoice(body: ChatRequest): void {
  const choice = body.tool_choice;
  const tools = body.tools ?? [];
  if (choice && typeof choice === 'object') {
    const name = choice.function.name;
    if (!tools.some((t) => t.function.name === name)) {
      throw invalidRequest(`Invalid tool_choice: function \`${name}\` is not among the given tools`, 'tool_choice');
    }
  } else if (choice === 'required' && tools.length === 0) {
    throw invalidRequest("Invalid tool_choice: 'required' needs at least one tool in tools", 'tool_choice');
  }
}

/**
 * Thinking mode with tools: the assistant turns that made tool calls since the last user message
 * must carry their reasoning_content back, or DeepSeek refuses with the index of the first one.
 */
function checkThinkingToolTurns(body: ChatRequest, model: ModelSpec): void {
  if (!thinks(body, model)) return;
  let lastUser = -1;
  body.messages.forEach((m, i) => {
    if (m.role === 'user') lastUser = i;
  });
  for (let i = lastUser + 1; i < body.messages.length; i++) {
    const m = body.messages[i]!;
    if (m.role !== 'assistant') continue;
    const a = m as AssistantMessage;
    if ((a.tool_calls ?? []).length && (a.reasoning_content == null)) throw invalidRequest(messages.missingReasoningContent(i));
  }
}
