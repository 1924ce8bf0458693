// Which language to answer in: a prompt written mostly in Chinese gets a Chinese answer.
import { contentText } from '../core/message-text.js';
import type { ChatRequest, TextContent } from '../core/types.js';

export type Language = 'en' | 'zh';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/gu;
const LATIN_WORD = /[A-Za-z]+/g;

/**
 * Chinese when Han characters outnumber Latin words in the text the user wrote (user messages,
 * else system): one Han character carries about as much as one English word.
 */
export function detectLanguage(body: ChatRequest): Language {
  const users = body.messages.filter((m) => m.role === 'user');
  const source = users.length ? users : body.messages.filter((m) => m.role === 'system');
  const text = source.map((m) => contentText((m as { content?: TextContent | null }).content)).join('\n');
  return languageOf(text);
}

export function languageOf(text: string): Language {
  const han = text.match(HAN)?.length ?? 0;
  const latin = text.match(LATIN_WORD)?.length ?? 0;
  return han > latin ? 'zh' : 'en';
}
