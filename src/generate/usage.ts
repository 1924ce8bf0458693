// Token usage whose numbers add up: total = prompt + completion, prompt = cache hit + miss.
import { contentText } from '../core/message-text.js';
import type { ChatRequest, Usage } from '../core/types.js';
import type { Tokenizer } from './tokenizer.js';

/**
 * The prompt as DeepSeek V3's chat template lays it out:
 * <｜begin▁of▁sentence｜>{system}<｜User｜>{user}<｜Assistant｜>{assistant}<｜end▁of▁sentence｜>…<｜Assistant｜>
 */
export function renderChatTemplate(body: ChatRequest): string {
  let out = '<｜begin▁of▁sentence｜>';
  for (const m of body.messages) {
    const text = contentText((m as { content?: never }).content);
    if (m.role === 'system') out += text;
    else if (m.role === 'user') out += `<｜User｜>${text}`;
    else if (m.role === 'assistant') out += `<｜Assistant｜>${text}<｜end▁of▁sentence｜>`;
    else out += `<｜tool▁output▁begin｜>${text}<｜tool▁output▁end｜>`;
  }
  return `${out}<｜Assistant｜>`;
}

export function promptTokens(body: ChatRequest, tokenizer: Tokenizer): number {
  return tokenizer.count(renderChatTemplate(body));
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
