/** Node-only helpers: files, locks, streams and the worker-thread batch. */
export { type BatchOptions, type BatchSummary, BatchWriteError, runBatch, WorkerCrashError } from './batch.js';
export { errorRecord, MAX_LINE_BYTES, processLine } from './batch-line.js';
export { appendToLog, readLogLines, verifyLogFile, withFileLock } from './decision-log.js';
export {
  type EngineFiles,
  engineFromFiles,
  loadIndexFile,
  loadLists,
  loadScreening,
} from './engine-files.js';
export { checkWritable, MAX_FILE_DEPTH, readJsonFile, readTextFile, writeTextFile } from './files.js';
export { type AssessStreamOptions, assessStream } from './stream.js';
