// Friendly names for the types generated from schemas/deepseek.openapi.yaml, so the rest of
// the code never restates the contract by hand.
import type { components } from '../contract/generated/deepseek-openapi-types.js';

type S = components['schemas'];
export type ChatRequest = S['ChatCompletionRequest'];
export type RequestMessage = S['RequestMessage'];
export type SystemMessage = S['SystemMessage'];
export type UserMessage = S['UserMessage'];
export type AssistantMessage = S['AssistantMessage'];
export type ToolMessage = S['ToolMessage'];
export type TextContent = S['TextContent'];
export type Tool = S['Tool'];
export type FunctionDefinition = S['FunctionDefinition'];
export type ToolChoice = NonNullable<ChatRequest['tool_choice']>;
export type ChatCompletion = S['ChatCompletion'];
export type Choice = S['Choice'];
export type FinishReason = S['FinishReason'];
export type ResponseMessage = S['ResponseMessage'];
export type ToolCall = S['ToolCall'];
export type ChoiceLogprobs = S['ChoiceLogprobs'];
export type TokenLogprob = S['TokenLogprob'];
export type TopLogprob = S['TopLogprob'];
export type Usage = S['Usage'];
export type ChatCompletionChunk = S['ChatCompletionChunk'];
export type ChunkChoice = S['ChunkChoice'];
export type Delta = S['Delta'];
export type ToolCallDelta = S['ToolCallDelta'];
export type ErrorResponse = S['ErrorResponse'];
export type ModelList = S['ModelList'];
export type Balance = S['Balance'];
