import { isCountryCode } from '../model/index.js';
import type { AnswerPattern } from './pattern.js';
import type { Question } from './schema.js';

export type IssueCode =
  | 'required'
  | 'hidden'
  | 'type'
  | 'option'
  | 'range'
  | 'pattern'
  | 'unknown-question'
  | 'facts-required';
export interface AnswerIssue {
  questionId: string;
  code: IssueCode;
  message: string;
}

/** An answer that counts as given: not undefined, null, "" or []. */
export function isAnswered(value: unknown): boolean {
  return !(value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1]!;
}

const issue = (q: Question, code: IssueCode, message: string): AnswerIssue => ({ questionId: q.id, code, message });

const NO_VALIDATION: NonNullable<Question['validation']> = Object.freeze({});

/** Checks one given answer against its question's type, options and validation: its problem, if it has one. */
export function checkAnswer(q: Question, value: unknown, pattern: AnswerPattern | undefined): AnswerIssue | undefined {
  const v = q.validation ?? NO_VALIDATION;
  switch (q.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : issue(q, 'type', 'expected true or false');
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return issue(q, 'type', 'expected a number');
      if ((v.min !== undefined && value < v.min) || (v.max !== undefined && value > v.max))
        return issue(q, 'range', `expected a number from ${v.min ?? '−∞'} to ${v.max ?? '∞'}`);
      return undefined;
    case 'date':
      if (typeof value !== 'string' || !isRealDate(value)) return issue(q, 'type', 'expected a date YYYY-MM-DD');
      return undefined;
    case 'country':
      return isCountryCode(value) ? undefined : issue(q, 'type', 'expected an ISO 3166-1 alpha-2 country code');
    case 'text':
      if (typeof value !== 'string') return issue(q, 'type', 'expected text');
      if (v.maxLength !== undefined && value.length > v.maxLength)
        return issue(q, 'range', `at most ${v.maxLength} characters`);
      if (pattern && !pattern.test(value)) return issue(q, 'pattern', `does not match ${v.pattern}`);
      return undefined;
    case 'single': {
      if (typeof value !== 'string') return issue(q, 'type', 'expected one option value');
      return (q.options ?? []).some((o) => o.value === value)
        ? undefined
        : issue(q, 'option', `"${value}" is not an option (${(q.options ?? []).map((o) => o.value).join(', ')})`);
    }
    case 'multi': {
      if (!Array.isArray(value) || !value.every((x) => typeof x === 'string'))
        return issue(q, 'type', 'expected a list of option values');
      const unknown = value.filter((x) => !(q.options ?? []).some((o) => o.value === x));
      if (unknown.length > 0) return issue(q, 'option', `not options: ${unknown.join(', ')}`);
      if (new Set(value).size !== value.length) return issue(q, 'option', 'options repeated');
      if (
        (v.minItems !== undefined && value.length < v.minItems) ||
        (v.maxItems !== undefined && value.length > v.maxItems)
      ) {
        return issue(q, 'range', `choose ${v.minItems ?? 0} to ${v.maxItems ?? value.length} options`);
      }
      return undefined;
    }
  }
}
