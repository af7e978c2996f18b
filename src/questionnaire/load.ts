import { canonicalHash, canonicalJson } from '../digest/index.js';
import { HrddError, type HrddIssue } from '../errors.js';
import {
  type CompiledLogic,
  compileWith,
  completeReads,
  type EvaluatorKind,
  truthy,
  validateLogic,
} from '../logic/index.js';
import { safeParseWith } from '../model/index.js';
import { ruleOperations } from '../rules/index.js';
import { type AnswerIssue, checkAnswer, isAnswered } from './answers.js';
import { answersJsonSchema } from './json-schema.js';
import { type AnswerPattern, compilePattern } from './pattern.js';
import { type Question, type QuestionnaireDefinition, QuestionnaireSchema, type Text } from './schema.js';

const FACT_ROOTS = ['transaction', 'derived', 'params', 'asOf', 'answers'];

export interface Progress {
  visible: number;
  answered: number;
  required: number;
  requiredAnswered: number;
  complete: boolean;
}

export interface Questionnaire {
  id: string;
  version: string;
  hash: string;
  definition: QuestionnaireDefinition;
  /** Questions shown for these answers and facts, in definition order (answers to hidden questions are ignored). */
  visibleQuestions(answers: Record<string, unknown>, facts?: Record<string, unknown>): Question[];
  /** Checks a submission; never throws. */
  validate(answers: unknown, facts?: Record<string, unknown>): { ok: boolean; issues: AnswerIssue[] };
  progress(answers: Record<string, unknown>, facts?: Record<string, unknown>): Progress;
  /** Weighted score over visible questions with scored options; `null` until every visible required question is answered. */
  score(answers: Record<string, unknown>, facts?: Record<string, unknown>): { value: number; max: number } | null;
  /** The same questionnaire with every text in one locale (falling back to the default locale). */
  localize(locale: string): Questionnaire;
  /** JSON Schema of the answers object, for forms in any stack (visibility is checked by `validate`). */
  answersJsonSchema(): Record<string, unknown>;
  /** Unanswered visible required questions, as missing information (`answers.<id>`). */
  missing(
    answers: Record<string, unknown>,
    facts?: Record<string, unknown>,
  ): { questionId: string; path: string; reason: string; blocking: boolean }[];
  /** Ids of answers given to questions that are not shown. */
  hiddenAnswers(answers: Record<string, unknown>, facts?: Record<string, unknown>): string[];
  /**
   * What an assessment needs, in one pass: answers to hidden questions (ignored), answers that are invalid, and
   * unanswered visible required questions (missing information).
   */
  review(answers: Record<string, unknown>, facts?: Record<string, unknown>): AnswerReview;
}

export interface AnswerReview {
  hidden: string[];
  invalid: AnswerIssue[];
  missing: ReturnType<Questionnaire['missing']>;
}

/** The text for a locale, falling back to the default locale, then to any. */
export function textIn(text: Text | undefined, locale: string, fallback: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}

interface Prepared {
  question: Question;
  visibleIf?: CompiledLogic;
  requiredIf?: CompiledLogic;
  /** Slots of conditions shared between questions (see `sharedSlot`), -1 when evaluated on their own. */
  visibleSlot: number;
  requiredSlot: number;
  blocking?: CompiledLogic | boolean;
  pattern?: AnswerPattern;
  /** The missing-information entry's path and reason when unanswered (fixed per question). */
  missing: { path: string; reason: string };
}

function answerDeps(reads: readonly string[]): string[] {
  return reads.filter((r) => r.startsWith('answers.')).map((r) => r.split('.')[1]!);
}

/** Checks a definition: ids, options, conditions, references, cycles, locales, patterns. */
function check(def: QuestionnaireDefinition): { issues: HrddIssue[]; order: number[] } {
  const issues: HrddIssue[] = [];
  const operations = ruleOperations();
  const ids = new Map<string, number>();
  const sections = new Set((def.sections ?? []).map((s) => s.id));
  const locales = new Set([def.defaultLocale, ...(def.locales ?? [])]);
  const checkText = (text: Text | undefined, path: string) => {
    if (text && typeof text !== 'string') {
      if (!(def.defaultLocale in text))
        issues.push({ path, message: `no text in the default locale "${def.defaultLocale}"` });
      for (const l of Object.keys(text))
        if (!locales.has(l)) issues.push({ path: `${path}.${l}`, message: `locale "${l}" is not declared in locales` });
    }
  };
  checkText(def.title, 'title');
  def.questions.forEach((q, i) => {
    if (ids.has(q.id)) issues.push({ path: `questions[${i}].id`, message: `duplicate question id "${q.id}"` });
    ids.set(q.id, i);
  });
  const deps: string[][] = [];
  def.questions.forEach((q, i) => {
    const base = `questions[${i}]`;
    checkText(q.prompt, `${base}.prompt`);
    checkText(q.help, `${base}.help`);
    if (q.section && !sections.has(q.section))
      issues.push({ path: `${base}.section`, message: `unknown section "${q.section}"` });
    const choice = q.type === 'single' || q.type === 'multi';
    if (choice && !q.options) issues.push({ path: `${base}.options`, message: `a ${q.type} question needs options` });
    if (!choice && q.options) issues.push({ path: `${base}.options`, message: `a ${q.type} question has no options` });
    const values = new Set<string>();
    (q.options ?? []).forEach((o, j) => {
      if (values.has(o.value))
        issues.push({ path: `${base}.options[${j}].value`, message: `duplicate option "${o.value}"` });
      values.add(o.value);
      checkText(o.label, `${base}.options[${j}].label`);
    });
    if (q.validation?.pattern !== undefined) {
      const compiled = compilePattern(q.validation.pattern);
      if ('error' in compiled) issues.push({ path: `${base}.validation.pattern`, message: compiled.error });
    }
    const qDeps: string[] = [];
    for (const field of ['visibleIf', 'requiredIf', 'blocking'] as const) {
      const logic = q[field];
      if (logic === undefined || typeof logic === 'boolean') continue;
      const found = validateLogic(logic, { operations });
      for (const issue of found)
        issues.push({ path: `${base}.${field}${issue.path ? `.${issue.path}` : ''}`, message: issue.message });
      if (found.length > 0) continue;
      const reads = compileWith('compiled', logic, { operations }).reads;
      for (const r of reads) {
        const root = r.split('.')[0]!;
        if (!FACT_ROOTS.includes(root))
          issues.push({
            path: `${base}.${field}`,
            message: `reads "${r}", which is neither answers.<id> nor a transaction fact`,
          });
        else if (root === 'answers' && !ids.has(r.split('.')[1] ?? ''))
          issues.push({ path: `${base}.${field}`, message: `reads "${r}": no question "${r.split('.')[1]}"` });
      }
      if (field !== 'blocking') qDeps.push(...answerDeps(reads));
    }
    deps.push(qDeps.filter((d) => ids.has(d)));
  });
  // Order questions so each comes after the questions its conditions read; a cycle is an error.
  const order: number[] = [];
  const state = new Array<number>(def.questions.length).fill(0);
  const visit = (i: number, trail: string[]): void => {
    if (state[i] === 2) return;
    if (state[i] === 1) {
      issues.push({
        path: `questions[${i}].visibleIf`,
        message: `visibility depends on itself: ${[...trail, def.questions[i]!.id].join(' → ')}`,
      });
      return;
    }
    state[i] = 1;
    for (const d of deps[i]!) visit(ids.get(d)!, [...trail, def.questions[i]!.id]);
    state[i] = 2;
    order.push(i);
  };
  for (let i = 0; i < def.questions.length; i++) visit(i, []);
  return { issues, order };
}

/** Whether a condition reads facts only, never answers: then it has one value for a whole evaluation. */
function readsFactsOnly(logic: unknown): boolean {
  return completeReads(logic)?.every((path) => path !== 'answers' && !path.startsWith('answers.')) ?? false;
}

function build(def: QuestionnaireDefinition, order: number[], evaluator: EvaluatorKind, hash: string): Questionnaire {
  const operations = ruleOperations();
  const compile = (logic: unknown) => compileWith(evaluator, logic, { operations });
  // Questions often share a condition ("shown for surveillance items"): one that reads facts only is evaluated once
  // per call, its value kept in a slot.
  const slots = new Map<string, number>();
  const sharedSlot = (logic: unknown): number => {
    if (logic === undefined || !readsFactsOnly(logic)) return -1;
    const key = canonicalJson(logic);
    let slot = slots.get(key);
    if (slot === undefined) {
      slot = slots.size;
      slots.set(key, slot);
    }
    return slot;
  };
  const prepared: Prepared[] = def.questions.map((question) => ({
    question,
    visibleSlot: sharedSlot(question.visibleIf),
    requiredSlot: sharedSlot(question.requiredIf),
    ...(question.visibleIf ? { visibleIf: compile(question.visibleIf) } : {}),
    ...(question.requiredIf ? { requiredIf: compile(question.requiredIf) } : {}),
    ...(question.blocking !== undefined
      ? { blocking: typeof question.blocking === 'boolean' ? question.blocking : compile(question.blocking) }
      : {}),
    ...(question.validation?.pattern !== undefined
      ? { pattern: compilePattern(question.validation.pattern) as AnswerPattern }
      : {}),
    missing: {
      path: `answers.${question.id}`,
      reason: `unanswered: ${textIn(question.prompt, def.defaultLocale, def.defaultLocale)}`,
    },
  }));
  const byId = new Map(prepared.map((p) => [p.question.id, p]));

  /** Visibility and requirement of every question by its index, evaluated in dependency order. */
  function states(answers: Record<string, unknown>, facts: Record<string, unknown> = {}) {
    const effective: Record<string, unknown> = {};
    const data = { ...facts, answers: effective };
    const result = new Array<{ visible: boolean; required: boolean; data: unknown }>(prepared.length);
    const shared = new Array<boolean | undefined>(slots.size);
    const test = (condition: CompiledLogic, slot: number): boolean => {
      if (slot < 0) return truthy(condition(data));
      let value = shared[slot];
      if (value === undefined) {
        value = truthy(condition(data));
        shared[slot] = value;
      }
      return value;
    };
    for (const i of order) {
      const p = prepared[i]!;
      const visible = p.visibleIf ? test(p.visibleIf, p.visibleSlot) : true;
      const required =
        visible && (p.question.required === true || (p.requiredIf ? test(p.requiredIf, p.requiredSlot) : false));
      const id = p.question.id;
      if (visible && Object.hasOwn(answers, id)) effective[id] = answers[id];
      result[i] = { visible, required, data };
    }
    return result;
  }

  /** Each question's state for a set of answers, in definition order, with the problems of its answer. */
  function examine(answers: Record<string, unknown>, facts?: Record<string, unknown>) {
    const s = states(answers, facts);
    const unknown: AnswerIssue[] = Object.keys(answers)
      .filter((key) => !byId.has(key))
      .map((key) => ({ questionId: key, code: 'unknown-question' as const, message: `no question "${key}"` }));
    const questions = prepared.map((p, i) => {
      const st = s[i]!;
      const answered = Object.hasOwn(answers, p.question.id) && isAnswered(answers[p.question.id]);
      const status = answered ? (st.visible ? 'answered' : 'hidden') : st.required ? 'unanswered-required' : 'open';
      return {
        p,
        st,
        status,
        problems: status === 'answered' ? checkAnswer(p.question, answers[p.question.id], p.pattern) : [],
      };
    });
    return { unknown, questions };
  }

  function missingEntry(p: Prepared, data: unknown): ReturnType<Questionnaire['missing']>[number] {
    const blocking = typeof p.blocking === 'boolean' ? p.blocking : p.blocking ? truthy(p.blocking(data)) : false;
    return { questionId: p.question.id, path: p.missing.path, reason: p.missing.reason, blocking };
  }

  const q: Questionnaire = {
    id: def.id,
    version: def.version,
    hash,
    definition: def,
    visibleQuestions(answers, facts) {
      const s = states(answers ?? {}, facts);
      return def.questions.filter((_, i) => s[i]!.visible);
    },
    validate(answers, facts) {
      if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
        return {
          ok: false,
          issues: [{ questionId: '', code: 'type', message: 'answers must be an object keyed by question id' }],
        };
      }
      let examined: ReturnType<typeof examine>;
      try {
        examined = examine(answers as Record<string, unknown>, facts);
      } catch (error) {
        const message = `answers could not be evaluated: ${(error as Error).message.split('\n')[0]}`;
        return { ok: false, issues: [{ questionId: '', code: 'type', message }] };
      }
      const issues: AnswerIssue[] = [...examined.unknown];
      for (const { p, status, problems } of examined.questions) {
        const id = p.question.id;
        if (status === 'hidden')
          issues.push({
            questionId: id,
            code: 'hidden',
            message: 'answer to a question that is not shown for these answers',
          });
        else if (status === 'unanswered-required')
          issues.push({ questionId: id, code: 'required', message: 'an answer is required' });
        else issues.push(...problems);
      }
      return { ok: issues.length === 0, issues };
    },
    progress(answers, facts) {
      const s = states(answers, facts);
      let visible = 0;
      let answered = 0;
      let required = 0;
      let requiredAnswered = 0;
      for (let i = 0; i < prepared.length; i++) {
        const st = s[i]!;
        if (!st.visible) continue;
        visible++;
        const a = isAnswered(answers[prepared[i]!.question.id]);
        if (a) answered++;
        if (st.required) {
          required++;
          if (a) requiredAnswered++;
        }
      }
      return { visible, answered, required, requiredAnswered, complete: requiredAnswered === required };
    },
    score(answers, facts) {
      if (!q.progress(answers, facts).complete) return null;
      const s = states(answers, facts);
      let value = 0;
      let max = 0;
      for (let i = 0; i < prepared.length; i++) {
        const p = prepared[i]!;
        const opts = p.question.options;
        if (!opts || !s[i]!.visible || !opts.some((o) => o.score !== undefined)) continue;
        const weight = p.question.weight ?? 1;
        const scoreOf = (v: unknown) => opts.find((o) => o.value === v)?.score ?? 0;
        const a = answers[p.question.id];
        value += weight * (Array.isArray(a) ? a.reduce((sum: number, v) => sum + scoreOf(v), 0) : scoreOf(a));
        max +=
          weight *
          (p.question.type === 'multi'
            ? opts.reduce((sum, o) => sum + Math.max(0, o.score ?? 0), 0)
            : Math.max(...opts.map((o) => o.score ?? 0)));
      }
      return { value, max };
    },
    localize(locale) {
      const t = (text: Text | undefined) => textIn(text, locale, def.defaultLocale);
      const localized: QuestionnaireDefinition = {
        ...def,
        title: t(def.title),
        defaultLocale: locale,
        ...(def.sections ? { sections: def.sections.map((s) => ({ ...s, title: t(s.title) })) } : {}),
        questions: def.questions.map((question) => ({
          ...question,
          prompt: t(question.prompt),
          ...(question.help !== undefined ? { help: t(question.help) } : {}),
          ...(question.options ? { options: question.options.map((o) => ({ ...o, label: t(o.label) })) } : {}),
        })),
      };
      delete localized.locales;
      return build(localized, order, evaluator, hash);
    },
    answersJsonSchema: () => answersJsonSchema(def),
    missing(answers, facts) {
      return q.review(answers, facts).missing;
    },
    hiddenAnswers(answers, facts) {
      return q.review(answers, facts).hidden;
    },
    review(answers, facts) {
      // One pass, no per-question records: `assess` calls this for every transaction.
      const s = states(answers, facts);
      const invalid: AnswerIssue[] = [];
      for (const key in answers) {
        if (Object.hasOwn(answers, key) && !byId.has(key))
          invalid.push({ questionId: key, code: 'unknown-question', message: `no question "${key}"` });
      }
      const hidden: string[] = [];
      const missing: ReturnType<Questionnaire['missing']> = [];
      for (let i = 0; i < prepared.length; i++) {
        const p = prepared[i]!;
        const st = s[i]!;
        const id = p.question.id;
        if (Object.hasOwn(answers, id) && isAnswered(answers[id])) {
          if (!st.visible) hidden.push(id);
          else for (const problem of checkAnswer(p.question, answers[id], p.pattern)) invalid.push(problem);
        } else if (st.required) missing.push(missingEntry(p, st.data));
      }
      return { hidden: hidden.length > 1 ? hidden.sort() : hidden, invalid, missing };
    },
  };
  return q;
}

/** Validates a questionnaire definition and prepares it; throws `HrddError` with the path of every problem. */
export function loadQuestionnaire(def: unknown, options: { evaluator?: EvaluatorKind } = {}): Questionnaire {
  const parsed = safeParseWith(QuestionnaireSchema, def, 'questionnaire');
  if (!parsed.success) throw parsed.error;
  const { issues, order } = check(parsed.data);
  if (issues.length > 0) throw new HrddError(`Invalid questionnaire "${parsed.data.id}"`, issues);
  return build(parsed.data, order, options.evaluator ?? 'compiled', canonicalHash(parsed.data));
}
