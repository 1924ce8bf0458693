// deepseek-fake/conformance: check any DeepSeek-compatible provider, or single answers in your tests.
export { runConformance, runCase, selectCases, probeProvider, type RunOptions } from './runner.js';
export { validateCompletion, validateSse, type ValidateOptions } from './validate.js';
export { builtinCases, INVALID_KEY } from './builtin-cases.js';
export { rules, type RuleId, type Rule } from './rules.js';
export { parseSse, type ParsedStream } from './sse-parse.js';
export { accumulateChunksLoose as accumulateChunks } from '../serialize/accumulate-loose.js';
export { humanReport, progressLine } from './report-human.js';
export { jsonReport } from './report-json.js';
export { junitReport } from './report-junit.js';
export type * from './types.js';
