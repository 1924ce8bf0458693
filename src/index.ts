// The library entry: the runtime-neutral core and its pieces.
export { createFake, type Fake, type HandleInit, type RequestNotes } from './core/fake.js';
export type { FakeOptions } from './core/options.js';
export { systemClock, frozenClock, VirtualClock, type Clock } from './core/clock.js';
export { FakeError, apiError, envelope, errorResponse, type ApiError } from './core/errors.js';
export { compileContract, type Contract } from './contract/compile.js';
export { messages as deepseekMessages } from './contract/deepseek-messages.js';
export {
  profiles,
  profileNames,
  getProfile,
  profileContract,
  applyOverlay,
  DEFAULT_PROFILE,
  type Profile,
  type ModelSpec,
  type ProfileError,
  type ProfileErrorKind,
  type OverlayDocument,
} from './profiles/index.js';
export { estimateTokenizer, type Tokenizer, type TokenPiece } from './generate/tokenizer.js';
export { createExactTokenizer, type ExactTokenizer } from './generate/exact-tokenizer.js';
export type * from './core/types.js';
// Scenarios (issue 5): fixtures, control header, queue, journal, error catalogue.
export { FixtureError } from './scenario/fixture-validate.js';
export { prepareFixtures } from './scenario/fixture-set.js';
export { catalogueFor, errorCatalogue, expandError, type ErrorInput } from './scenario/error-catalogue.js';
export { parseControlHeader, CONTROL_HEADER } from './scenario/header-control.js';
export type { FixtureRule, FixtureMatch, TextMatch, LoadedFixture } from './scenario/fixture-types.js';
export type { RespondInput } from './scenario/respond.js';
export type { Journal, JournalEntry, CountFilter } from './scenario/journal.js';
export type { Scenario, ScenarioResponse, ScenarioError, StreamFault, Timing } from './core/scenario-types.js';
// streaming (issue 3)
export { accumulateChunks } from './serialize/accumulate.js';
export { parseFault, faultSyntax } from './serialize/faults.js';
export type { StreamOptions } from './serialize/respond.js';
export type { UsagePlacement } from './serialize/chunks.js';
