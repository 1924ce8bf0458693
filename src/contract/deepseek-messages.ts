// DeepSeek's own error messages, exact as observed (shared/reference/deepseek-api-facts.md).
// Kept in one table so the fake, the fixtures and the conformance checker quote the same text.

export const messages = {
  modelNotExist: 'Model Not Exist',
  emptyMessages: 'Empty input messages',
  insufficientBalance: 'Insufficient Balance',
  authInvalidKey: (masked: string) => `Authentication Fails, Your api key: ${masked} is invalid`,
  authNoSuchUser: 'Authentication Fails (no such user)',
  authHeaderFormat: 'Authentication Fails (auth header format should be Bearer sk-...)',
  range: (field: string, range: string) => `Invalid ${field} value, the valid range of ${field} is ${range}`,
  topLogprobsRange: (max: number) => `Invalid top_logprobs value, the valid range of top_logprobs is [0, ${max}].`,
  topLogprobsNeedsLogprobs: 'Invalid top_logprobs and logprobs value, logprobs must be set to true if top_logprobs is used.',
  jsonWordRequired: "Prompt must contain the word 'json' in some form to use 'response_format' of type 'json_object'.",
  // Seen from the live API in many public bug reports (2025–26) when a tool_calls turn is not
  // followed, at once, by a tool message for each of its ids.
  insufficientToolMessages:
    "An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. (insufficient tool messages following tool_calls message)",
  toolWithoutToolCalls: "Messages with role 'tool' must be a response to a preceding message with 'tool_calls'",
  reasonerLastMessage:
    'The last message of deepseek-reasoner must be a user message, or an assistant message with prefix mode on (refer to https://api-docs.deepseek.com/guides/chat_prefix_completion).',
  missingReasoningContent: (index: number) =>
    `Missing \`reasoning_content\` field in the assistant message at message index ${index}. For more information, please refer to https://api-docs.deepseek.com/guides/thinking_mode#tool-calls`,
  contextLength: (limit: number, total: number, prompt: number, completion: number) =>
    `This model's maximum context length is ${limit} tokens. However, you requested ${total} tokens (${prompt} in the messages, ${completion} in the completion). Please reduce the length of the messages or completion.`,
  concurrency: (current: number, limit: number) =>
    `Too many requests. Your current concurrency is ${current}, which exceeds your concurrency limit of ${limit} based on your remaining balance. Please top up your balance to restore your concurrency.`,
  // Beta features (profiles issue). DeepSeek's exact wording for these is not on record; these
  // follow its "Invalid X value" style and name the rule, the function and the schema path.
  prefixNeedsBeta:
    'Invalid prefix value, chat prefix completion (`prefix: true`) is a beta feature: send the request to the beta base URL (https://api.deepseek.com/beta).',
  prefixUnsupported: 'Invalid prefix value, chat prefix completion (`prefix: true`) is not supported by this API.',
  prefixNotLast: (index: number) =>
    `Invalid prefix value, only the last message can be an assistant message with \`prefix: true\` (found at message index ${index}).`,
  strictMixed: (name: string) => `Invalid strict value, in strict mode every function in tools must set \`strict: true\`; function '${name}' does not.`,
  strictSchema: (name: string, rule: string, path: string) => `Invalid parameters of function '${name}' for strict mode: ${rule} (at ${path}).`,
  strictAdditionalProperties: 'every object must set `additionalProperties: false`',
  strictAllRequired: (property: string) => `every property must be listed in \`required\`, and \`${property}\` is not`,
  strictTooDeep: (max: number) => `schemas nested deeper than ${max} levels are not supported`,
  strictUnsupportedKeyword: (keyword: string) => `\`${keyword}\` is not supported`,
  /** Observed for the reasoner's rejected parameters (early 2025: presence_penalty; logprobs still). */
  unsupportedParameter: (model: string, field: string) => `${model} does not support the parameter \`${field}\``,
  serverError: 'Server Error',
  serverOverloaded: 'Server Overloaded',
  // Scenarios (issue 5). The content-policy block: seed 002 documents it as 503, the wire says 400.
  contentRisk: 'Content Exists Risk',
  // Seed 002's 403 ("no permission for this resource, or the balance is insufficient"), in English.
  forbidden: 'Forbidden: your API key has no permission to access this resource, or your balance is insufficient',
  // The serde message DeepSeek sent as a 422 before mid-2025 (facts page), for 400/422 shorthands.
  // DeepSeek publishes no RPM/TPM limits, so these two are the fake's own wording (README "Rate limits").
  rpmLimit: (limit: number) => `Too many requests. Your request rate exceeds the limit of ${limit} requests per minute. Please retry later.`,
  tpmLimit: (limit: number) => `Too many requests. Your token usage exceeds the limit of ${limit} tokens per minute. Please retry later.`,
  deserializeFailed: 'Failed to deserialize the JSON body into the target type: missing field `messages` at line 1 column 2',

  // Input limits (hardening). DeepSeek's wording for these is not observed; the JSON ones follow
  // serde_json's style ("... at line L column C") behind the fake's usual parse-error prefix.
  bodyTooLarge: (limit: number) => `Request body too large: the limit is ${limit} bytes`,
  bodyNotUtf8: (offset: number) => `Failed to parse the request body as JSON: invalid UTF-8 at byte ${offset}`,
  jsonParse: (detail: string) => `Failed to parse the request body as JSON: ${detail}`,
  jsonTooDeep: (limit: number, line: number, column: number) =>
    `Failed to parse the request body as JSON: recursion limit exceeded (nesting deeper than ${limit}) at line ${line} column ${column}`,
  jsonLoneSurrogate: (escape: string, line: number, column: number) =>
    `Failed to parse the request body as JSON: lone surrogate ${escape} in a string (not valid Unicode) at line ${line} column ${column}`,
  jsonNul: (line: number, column: number) => `Failed to parse the request body as JSON: NUL character (\\u0000) at line ${line} column ${column}`,
} as const;
