export { type Difference, diffValues } from './diff-values.js';
export {
  entryHash,
  GENESIS_HASH,
  type LogEntry,
  nextEntry,
  parseReview,
  type Review,
  ReviewSchema,
  type VerifyResult,
  verifyLog,
} from './log.js';
export * from './record.js';
export { type ReplayOptions, type ReplayResult, replayAssessment } from './replay.js';
