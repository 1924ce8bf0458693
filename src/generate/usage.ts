// Token usage whose numbers add up: total = prompt + completion, prompt = cache hit + miss.
import { contentText } from '../core/message-text.js';
import type { AssistantMessage, ChatRequest, ToolCall, Usage } from '../core/types.js';
import type { Tokenizer } from './tokenizer.js';

export interface TemplateOptions {
  /** R1-style thinking: `<think>\n` follows the final assistant tag. */
  thinking?: boolean;
  /** Beta prefix completion: the last assistant message is left open, to be continued. */
  prefix?: boolean;
}

/** How DeepSeek V3's template writes an assistant's tool calls. */
export function renderToolCalls(calls: readonly Pick<ToolCall, 'function'>[]): string {
  const each = calls.map((c) => `<｜tool▁call▁begin｜>function<｜tool▁sep｜>${c.function.name}\n\`\`\`json\n${c.function.arguments}\n\`\`\`<｜tool▁call▁end｜>`);
  return `<｜tool▁calls▁begin｜>${each.join('')}<｜tool▁calls▁end｜>`;
}

/**
 * The prompt as DeepSeek V3's chat template lays it out (facts page; tool parts from V3's
 * tokenizer_config.json):
 * <｜begin▁of▁sentence｜>{system}<｜User｜>{user}<｜Assistant｜>{assistant}<｜end▁of▁sentence｜>…<｜Assistant｜>
 * Tool definitions, which the template leaves to the server, follow the system text as JSON.
 */
export function renderChatTemplate(body: ChatRequest, options: TemplateOptions = {}): string {
  let out = '<｜begin▁of▁sentence｜>';
  if (body.tools?.length) out += `\n\n## Tools\n\n${body.tools.map((t) => JSON.stringify(t.function)).join('\n')}\n\n`;
  const last = body.messages.length - 1;
  let inToolOutputs = false;
  body.messages.forEach((m, i) => {
    const text = contentText((m as { content?: never }).content);
    if (m.role !== 'tool' && inToolOutputs) {
      out += '<｜tool▁outputs▁end｜>';
      inToolOutputs = false;
    }
    if (m.role === 'system') out += text;
    else if (m.role === 'user') out += `<｜User｜>${text}`;
    else if (m.role === 'assistant') {
      const calls = (m as AssistantMessage).tool_calls ?? [];
      if (options.prefix && i === last) out += `<｜Assistant｜>${text}`;
      else out += `<｜Assistant｜>${text}${calls.length ? renderToolCalls(calls) : ''}<｜end▁of▁sentence｜>`;
    } else {
      if (!inToolOutputs) out += '<｜tool▁outputs▁begin｜>';
      inToolOutputs = true;
      out += `<｜tool▁output▁begin｜>${text}<｜tool▁output▁end｜>`;
    }
  });
  if (inToolOutputs) out += '<｜tool▁outputs▁end｜>';
  if (options.prefix) return out;
  return `${out}<｜Assistant｜>${options.thinking ? '<think>\n' : ''}`;
}

export function promptTokens(body: ChatRequest, tokenizer: Tokenizer, options: TemplateOptions = {}): number {
  return tokenizer.count(renderChatTemplate(body, options));
}

export function buildUsage(prompt: number, completion: number, cacheHit = 0, reasoning?: number): Usage {
  const usage: Usage = {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: cacheHit },
    prompt_cache_hit_tokens: cacheHit,
    prompt_cache_miss_tokens: prompt - cacheHit,
  };
  if (reasoning !== undefined) usage.completion_tokens_details = { reasoning_tokens: reasoning };
  return usage;
}
