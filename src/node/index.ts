/** Node-only helpers: files, locks, streams and the worker-thread batch. */
export { type BatchOptions, type BatchSummary, runBatch, WorkerCrashError } from './batch.js';
export { MAX_LINE_BYTES, processLine } from './batch-line.js';
export { appendToLog, readLogLines, verifyLogFile, withFileLock } from './decision-log.js';
export {
  type EngineFiles,
  engineFromFiles,
  loadIndexFile,
  loadLists,
  loadScreening,
} from './engine-files.js';
export { readJsonFile, readTextFile } from './files.js';
export { type AssessStreamOptions, assessStream } from './stream.js';
