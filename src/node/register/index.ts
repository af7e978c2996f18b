/** The ongoing due-diligence register (Node only: it holds a database client). */
export type { RegisterVerifyResult } from './chain.js';
export { type Db, defaultDbLocation, openDb, type Sql } from './db.js';
export { MIGRATIONS } from './migrations.js';
export type { Attention, MonitorChange, MonitorOptions, MonitorReport } from './monitor.js';
export {
  type AssuranceInput,
  AssuranceInputSchema,
  CREDIBILITY,
  type Credibility,
  LEVERAGE_ACTIONS,
  type LeverageAction,
  type LeverageInput,
  LeverageInputSchema,
  type MisuseReportInput,
  MisuseReportInputSchema,
  type PartyMatch,
  type RemediationInput,
  RemediationInputSchema,
  type ReviewInput,
  ReviewInputSchema,
} from './records.js';
export { regionOf } from './regions.js';
export {
  type AddResult,
  DEFAULT_RETENTION_DAYS,
  type OpenRegisterOptions,
  openRegister,
  Register,
  type TransactionView,
  type Written,
} from './register.js';
export {
  renderTransparencyHtml,
  renderTransparencyMarkdown,
  type TransparencyReport,
} from './transparency.js';
