/**
 * hrdd — human-rights due diligence for exports of dual-use and surveillance technology.
 * The isomorphic core: no Node built-ins are imported from here (see `hrdd/node` for files, streams and batch).
 */
export * from './audit/index.js';
export * from './data/index.js';
export * from './digest/index.js';
export * from './engine/index.js';
export { formatIssues, formatPath, HrddError, type HrddIssue, isHrddError } from './errors.js';
export * from './logic/index.js';
export * from './model/index.js';
export * from './questionnaire/index.js';
export * from './report/index.js';
export * from './rules/index.js';
export { isSchemaName, jsonSchema, schemaNames } from './schemas/index.js';
export * from './screening/index.js';
export { VERSION } from './version.js';
