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
// The ongoing due-diligence register (PGlite or Postgres).
export {
  type AddResult,
  type AssuranceInput,
  AssuranceInputSchema,
  type Attention,
  type Credibility,
  type Db,
  DEFAULT_RETENTION_DAYS,
  type LeverageAction,
  type LeverageInput,
  LeverageInputSchema,
  type MisuseReportInput,
  MisuseReportInputSchema,
  type MonitorChange,
  type MonitorOptions,
  type MonitorReport,
  type OpenRegisterOptions,
  openRegister,
  type PartyMatch,
  Register,
  type RegisterVerifyResult,
  type RemediationInput,
  RemediationInputSchema,
  type ReviewInput,
  ReviewInputSchema,
  renderTransparencyHtml,
  renderTransparencyMarkdown,
  type Sql,
  type TransactionView,
  type TransparencyReport,
  type Written,
} from './register/index.js';
export { type AssessStreamOptions, assessStream } from './stream.js';
