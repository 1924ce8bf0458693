// Whether the answer is a tool call, and which. tool_choice `none` never calls; a named function
// is always called; `required` always calls; `auto` calls until the conversation carries the
// results of the latest calls, then answers with text, so an agent loop ends.
import { contentText, lastUserText } from '../core/message-text.js';
import type { Rng } from '../core/random.js';
import type { AssistantMessage, ChatRequest, Tool, ToolCall, ToolMessage } from '../core/types.js';
import type { Language } from './language.js';
import { generateArguments } from './tool-arguments.js';

/** The tools to call for this request; empty for a text answer. */
export function chooseTools(body: ChatRequest, rng: Rng): Tool[] {
  const tools = body.tools ?? [];
  const choice = body.tool_choice ?? 'auto';
  if (!tools.length || choice === 'none') return [];
  if (typeof choice === 'object') return tools.filter((t) => t.function.name === choice.function.name).slice(0, 1);
  if (choice === 'auto' && latestCallsAnswered(body)) return [];
  const prompt = lastUserText(body.messages).toLowerCase();
  // Tools the prompt names (by name or by a word of it) are called together, in their listed order.
  const mentioned = tools.filter((t) => nameWords(t.function.name).some((w) => prompt.includes(w)));
  if (mentioned.length) return mentioned.slice(0, 4);
  return [rng.pick(tools)];
}

function nameWords(name: string): string[] {
  const lower = name.toLowerCase();
  const words = lower.split(/[_\-\s]+|(?<=[a-z])(?=[A-Z])/).filter((w) => w.length >= 4 && !['get', 'set', 'list', 'fetch', 'find', 'create', 'update', 'delete', 'search'].includes(w));
  return [lower, ...words];
}

/** True when the last message is a tool result and every call of the latest tool-calling turn has one. */
export function latestCallsAnswered(body: ChatRequest): boolean {
  const msgs = body.messages;
  if (msgs[msgs.length - 1]?.role !== 'tool') return false;
  for (let i = msgs.length - 1; i >= 0; i--) {
    const m = msgs[i]!;
    const calls = m.role === 'assistant' ? ((m as AssistantMessage).tool_calls ?? []) : [];
    if (!calls.length) continue;
    const answered = new Set(msgs.slice(i + 1).filter((x) => x.role === 'tool').map((x) => (x as ToolMessage).tool_call_id));
    return calls.every((c) => answered.has(c.id));
  }
  return false;
}

/** Tool results of the latest turn, for an answer that uses them. */
export function latestToolResults(body: ChatRequest): string[] {
  const out: string[] = [];
  for (let i = body.messages.length - 1; i >= 0 && body.messages[i]!.role === 'tool'; i--) {
    out.unshift(contentText((body.messages[i] as ToolMessage).content));
  }
  return out;
}

/** Calls with ids in DeepSeek's V3 form (`call_0_<uuid>`) and schema-valid JSON arguments. */
export function generateToolCalls(tools: readonly Tool[], rng: Rng, language: Language): ToolCall[] {
  return tools.map((tool) => {
    const { value } = generateArguments(tool.function.parameters as Record<string, unknown> | undefined, rng, language);
    return { id: `call_0_${rng.uuid()}`, type: 'function', function: { name: tool.function.name, arguments: JSON.stringify(value) } };
  });
}
