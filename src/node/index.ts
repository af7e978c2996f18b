/** Node-only helpers: files, locks, streams and the worker-thread batch. */
export { appendToLog, readLogLines, verifyLogFile, withFileLock } from './decision-log.js';
