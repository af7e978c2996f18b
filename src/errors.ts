/** One problem with an input, named by a JSON-style path such as `items[0].quantity`. */
export interface HrddIssue {
  path: string;
  message: string;
}

/**
 * What kind of problem an `HrddError` reports, so callers can branch without parsing messages:
 * - `invalid-input`: a transaction, answers, list, data set or other input fails its schema or checks;
 * - `invalid-ruleset`, `invalid-questionnaire`: a rule set or questionnaire does not load (every problem listed);
 * - `logic-invalid`: a JsonLogic expression uses an unknown operator or breaks a limit; `logic-budget`: a rule ran
 *   past its work budget while evaluating;
 * - `unreadable-file`, `bad-json`: a file could not be read, or is not JSON (Node entry and CLI).
 */
export const HRDD_ERROR_CODES = [
  'invalid-input',
  'invalid-ruleset',
  'invalid-questionnaire',
  'logic-invalid',
  'logic-budget',
  'unreadable-file',
  'bad-json',
  'rule-failed',
  'unwritable-file',
] as const;
export type HrddErrorCode = (typeof HRDD_ERROR_CODES)[number];

/**
 * The one error type hrdd throws for bad input (a transaction, a rule set, a questionnaire, a list, a rule that
 * exceeds its limits). `issues` lists every problem found, each with the path of the offending field.
 */
export class HrddError extends Error {
  override readonly name = 'HrddError';
  readonly issues: HrddIssue[];
  readonly code: HrddErrorCode;

  constructor(message: string, issues: HrddIssue[] = [], code: HrddErrorCode = 'invalid-input') {
    super(issues.length > 0 ? `${message}\n${formatIssues(issues)}` : message);
    this.issues = issues;
    this.code = code;
  }
}

/** `path: message` lines, one per issue — the form the CLI prints. */
export function formatIssues(issues: readonly HrddIssue[]): string {
  return issues.map((i) => `  ${i.path || '(root)'}: ${i.message}`).join('\n');
}

export function isHrddError(value: unknown): value is HrddError {
  return value instanceof HrddError;
}

/** Renders a path of keys and indices as `a.b[0].c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'symbol') out += `[${String(key)}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}
