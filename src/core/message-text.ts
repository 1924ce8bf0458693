import type { RequestMessage, TextContent } from './types.js';

/** The plain text of a message's content: a string, or its text parts joined. */
export function contentText(content: TextContent | null | undefined): string {
  if (content == null) return '';
  if (typeof content === 'string') return content;
  return content.map((part) => (typeof part.text === 'string' ? part.text : '')).join('');
}

export function lastUserText(messages: readonly RequestMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.role === 'user') return contentText((m as { content: TextContent }).content);
  }
  return '';
}
