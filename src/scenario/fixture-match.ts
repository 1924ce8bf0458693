// Does a fixture's `match` fit a validated chat request? First fitting rule wins (resolver-chain.ts).
import type { ChatContext } from '../core/chat.js';
import { contentText, lastUserText } from '../core/message-text.js';
import type { TextContent } from '../core/types.js';
import type { FixtureMatch, TextMatch } from './fixture-types.js';

export function textMatches(rule: TextMatch, text: string): boolean {
  if (typeof rule === 'string') return text.includes(rule);
  if (rule.equals !== undefined && text !== rule.equals) return false;
  if (rule.contains !== undefined && !text.includes(rule.contains)) return false;
  if (rule.regex !== undefined && !new RegExp(rule.regex, rule.flags ?? '').test(text)) return false;
  return true;
}

export function systemText(ctx: ChatContext): string {
  return ctx.body.messages
    .filter((m) => m.role === 'system')
    .map((m) => contentText((m as { content: TextContent }).content))
    .join('\n');
}

/** Every field except `nth`, which needs the store's counters (see resolver-chain.ts). */
export function fitsMatch(match: FixtureMatch | undefined, ctx: ChatContext): boolean {
  if (!match) return true;
  const { body } = ctx;
  if (match.model !== undefined && !(Array.isArray(match.model) ? match.model : [match.model]).includes(body.model)) return false;
  if (match.userMessage !== undefined && !textMatches(match.userMessage, lastUserText(body.messages))) return false;
  if (match.systemPrompt !== undefined && !textMatches(match.systemPrompt, systemText(ctx))) return false;
  const tools = body.tools ?? [];
  if (match.tools !== undefined && match.tools !== tools.length > 0) return false;
  if (match.tool !== undefined && !tools.some((t) => t.function.name === match.tool)) return false;
  if (match.toolResults !== undefined && match.toolResults !== body.messages.some((m) => m.role === 'tool')) return false;
  if (match.stream !== undefined && match.stream !== (body.stream === true)) return false;
  for (const [name, rule] of Object.entries(match.headers ?? {})) {
    const value = ctx.request.headers.get(name);
    if (value === null || !textMatches(rule, value)) return false;
  }
  return true;
}
