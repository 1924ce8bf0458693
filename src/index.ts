// The library entry: the runtime-neutral core and its pieces.
export { createFake, type Fake, type HandleInit } from './core/fake.js';
export type { FakeOptions } from './core/options.js';
export { systemClock, frozenClock, VirtualClock, type Clock } from './core/clock.js';
export { FakeError, apiError, envelope, errorResponse, type ApiError } from './core/errors.js';
export { compileContract, type Contract } from './contract/compile.js';
export { messages as deepseekMessages } from './contract/deepseek-messages.js';
export { profiles, getProfile, type Profile, type ModelSpec } from './profiles/index.js';
export { estimateTokenizer, type Tokenizer } from './generate/tokenizer.js';
export type * from './core/types.js';
// streaming (issue 3)
export { accumulateChunks } from './serialize/accumulate.js';
export { parseFault, faultSyntax } from './serialize/faults.js';
export type { StreamOptions } from './serialize/respond.js';
export type { UsagePlacement } from './serialize/chunks.js';
export type { StreamFault, Timing } from './core/scenario-types.js';
