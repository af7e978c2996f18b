export { type Difference, diffValues } from './diff-values.js';
export {
  entryHash,
  GENESIS_HASH,
  type LogEntry,
  LogEntrySchema,
  nextEntry,
  parseLogLine,
  parseReview,
  type Review,
  ReviewSchema,
  type VerifyResult,
  verifyLog,
} from './log.js';
export * from './record.js';
export { type ReplayOptions, type ReplayResult, replayAssessment } from './replay.js';
export { checkReview, MIN_OVERRIDE_JUSTIFICATION, type ReviewStanding, reviewStanding } from './review.js';
export {
  type Checkpoint,
  CheckpointSchema,
  checkpointMessage,
  type RecordSignature,
  RecordSignatureSchema,
  recordMessage,
  signCheckpoint,
  signRecord,
  verifyCheckpoint,
  verifyRecordSignature,
} from './signature.js';
export { duplicateKey, parseStrictJson } from './strict-json.js';
export { type RecordVerification, verifyRecord } from './verify-record.js';
