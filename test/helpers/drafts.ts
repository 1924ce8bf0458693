// Small hand-written drafts for the serializer tests (imported by *.test.ts only).
import type { CompletionDraft } from '../../src/generate/draft.js';
import { buildUsage } from '../../src/generate/usage.js';

export function draft(over: Partial<CompletionDraft> = {}): CompletionDraft {
  return {
    id: '5f0c2a4e-1d5b-4c7e-9a0b-3c2d1e0f9a8b',
    created: 1_700_000_000,
    model: 'deepseek-chat',
    systemFingerprint: 'fp_test',
    reasoning: null,
    content: ['Hello', ' there', '!'],
    toolCalls: [],
    finishReason: 'stop',
    logprobs: null,
    usage: buildUsage(9, 3),
    ...over,
  };
}
