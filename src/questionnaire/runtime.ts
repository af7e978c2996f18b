import { canonicalJson } from '../digest/index.js';
import {
  type CompiledLogic,
  compileWith,
  completeReads,
  type EvaluatorKind,
  ruleOperations,
  truthy,
} from '../logic/index.js';
import { type AnswerIssue, checkAnswer, isAnswered } from './answers.js';
import { answersJsonSchema } from './json-schema.js';
import { type AnswerPattern, compilePattern } from './pattern.js';
import type { Question, QuestionnaireDefinition, Text } from './schema.js';

export interface Progress {
  visible: number;
  answered: number;
  required: number;
  requiredAnswered: number;
  complete: boolean;
}

/**
 * The facts conditions read besides answers: `engine.facts(transaction, { asOf })` is one as it is. Conditions see
 * `transaction.…`, `derived.…`, `params.…` and `asOf`; answers always come from the `answers` argument.
 */
export interface QuestionnaireFacts {
  transaction: unknown;
  asOf?: string;
  params?: unknown;
  derived?: unknown;
}

/** An unanswered visible required question, as missing information (`answers.<id>`). */
export interface MissingAnswer {
  questionId: string;
  path: string;
  reason: string;
  blocking: boolean;
}

/** What a set of answers is, question by question: the one classification `validate` and `assess` both use. */
export interface AnswerReview {
  /** Ids of answers given to questions that are not shown, sorted. */
  hidden: string[];
  /** Answers to unknown questions, and answers of the wrong type, option, range or pattern. */
  invalid: AnswerIssue[];
  /** Unanswered visible required questions. */
  missing: MissingAnswer[];
}

/** How a loaded questionnaire relates to the bundled default (recorded in provenance). */
export interface QuestionnaireOrigin {
  /** The questionnaire this one was layered on (`extends`, or the default when neither `extends` nor `replaces`). */
  base?: { id: string; version: string; hash: string };
  /** Set when the definition said `replaces: true`. */
  replaces?: true;
}

export interface Questionnaire extends QuestionnaireOrigin {
  id: string;
  version: string;
  /** Canonical hash of the merged definition (and of its base, for an overlay). */
  hash: string;
  /** The merged definition (an overlay's base questions included). */
  definition: QuestionnaireDefinition;
  /**
   * Whether visibility or requirement reads the transaction or other facts: then `validate` needs the facts
   * (`engine.facts(…)`) to know which questions are shown and required.
   */
  readsFacts: boolean;
  /** Questions shown for these answers and facts, in definition order (answers to hidden questions are ignored). */
  visibleQuestions(answers: Record<string, unknown>, facts?: QuestionnaireFacts): Question[];
  /** Checks a submission; never throws. Without facts, a questionnaire that reads them reports `facts-required`. */
  validate(answers: unknown, facts?: QuestionnaireFacts): { ok: boolean; issues: AnswerIssue[] };
  progress(answers: Record<string, unknown>, facts?: QuestionnaireFacts): Progress;
  /** Weighted score over visible questions with scored options; `null` until every visible required question is answered. */
  score(answers: Record<string, unknown>, facts?: QuestionnaireFacts): { value: number; max: number } | null;
  /** The same questionnaire with every text in one locale (falling back to the default locale). */
  localize(locale: string): Questionnaire;
  /** JSON Schema of the answers object, for forms in any stack (visibility is checked by `validate`). */
  answersJsonSchema(): Record<string, unknown>;
  /** Unanswered visible required questions, as missing information (`answers.<id>`). */
  missing(answers: Record<string, unknown>, facts?: QuestionnaireFacts): MissingAnswer[];
  /** Ids of answers given to questions that are not shown. */
  hiddenAnswers(answers: Record<string, unknown>, facts?: QuestionnaireFacts): string[];
  /** Classifies answers in one pass: hidden, invalid, and missing (what an assessment needs). Throws on bad facts. */
  review(answers: Record<string, unknown>, facts?: QuestionnaireFacts): AnswerReview;
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
  blockingSlot: number;
  blocking?: CompiledLogic | boolean;
  /** Whether a condition reads this question's answer: only those are copied into the data conditions see. */
  read: boolean;
  pattern?: AnswerPattern;
  /** The missing-information entry's path and reason when unanswered (fixed per question). */
  missing: { path: string; reason: string };
}

/** Visibility and requirement of each question by index, and the data its conditions were evaluated on. */
interface States {
  visible: boolean[];
  required: boolean[];
  /** Whether the answers hold a given answer (not empty) for each question, by index. */
  answered: boolean[];
  data: unknown;
  /** Values of shared conditions evaluated so far (see `sharedSlot`). */
  shared: (boolean | undefined)[];
}

/** Whether a condition reads facts only, never answers: then it has one value for a whole evaluation. */
function readsFactsOnly(logic: unknown): boolean {
  return completeReads(logic)?.every((path) => path !== 'answers' && !path.startsWith('answers.')) ?? false;
}

/** What `build` needs besides the definition: its checked evaluation order and identity. */
export interface RuntimeSpec extends QuestionnaireOrigin {
  definition: QuestionnaireDefinition;
  order: number[];
  readsFacts: boolean;
  hash: string;
  evaluator: EvaluatorKind;
}

/** Compiles a checked definition into the questionnaire's runtime: visibility, the answer classifier, progress. */
export function buildQuestionnaire(spec: RuntimeSpec): Questionnaire {
  const { definition: def, order, evaluator } = spec;
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
  // The answers conditions read: the answers given to other questions are never looked at, so not copied. A
  // condition whose reads are not all known (a computed path, the whole answers object) sees every answer.
  let answersRead: Set<string> | undefined = new Set<string>();
  for (const question of def.questions) {
    for (const logic of [question.visibleIf, question.requiredIf, question.blocking]) {
      if (typeof logic !== 'object' || logic === null || answersRead === undefined) continue;
      const reads = completeReads(logic);
      if (reads === undefined || reads.includes('answers')) answersRead = undefined;
      else for (const path of reads) if (path.startsWith('answers.')) answersRead?.add(path.split('.')[1]!);
    }
  }
  const prepared: Prepared[] = def.questions.map((question) => ({
    question,
    visibleSlot: sharedSlot(question.visibleIf),
    requiredSlot: sharedSlot(question.requiredIf),
    blockingSlot: typeof question.blocking === 'object' ? sharedSlot(question.blocking) : -1,
    read: answersRead === undefined || answersRead.has(question.id),
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
  /** A condition's truth on the data; one shared between questions is evaluated once per call (`shared`). */
  const test = (condition: CompiledLogic, slot: number, data: unknown, shared: (boolean | undefined)[]): boolean => {
    if (slot < 0) return truthy(condition(data));
    let value = shared[slot];
    if (value === undefined) {
      value = truthy(condition(data));
      shared[slot] = value;
    }
    return value;
  };
  const byId = new Map(prepared.map((p) => [p.question.id, p]));
  const indexOf = new Map(prepared.map((p, i) => [p.question.id, i]));

  /**
   * Visibility and requirement of every question by its index, evaluated in dependency order, and the data the
   * conditions saw (the facts with the answers to visible questions).
   */
  function states(answers: Record<string, unknown>, facts: QuestionnaireFacts | undefined): States {
    const effective: Record<string, unknown> = {};
    const data = { ...facts, answers: effective };
    const n = prepared.length;
    const visible = new Array<boolean>(n);
    const required = new Array<boolean>(n);
    const answered = new Array<boolean>(n);
    const shared = new Array<boolean | undefined>(slots.size);
    for (let k = 0; k < order.length; k++) {
      const i = order[k]!;
      const p = prepared[i]!;
      const shown = p.visibleIf ? test(p.visibleIf, p.visibleSlot, data, shared) : true;
      visible[i] = shown;
      required[i] =
        shown &&
        (p.question.required === true || (p.requiredIf ? test(p.requiredIf, p.requiredSlot, data, shared) : false));
      const id = p.question.id;
      const own = Object.hasOwn(answers, id);
      answered[i] = own && isAnswered(answers[id]);
      if (shown && own && p.read) effective[id] = answers[id];
    }
    return { visible, required, answered, data, shared };
  }

  function missingEntry(p: Prepared, s: States): MissingAnswer {
    const blocking =
      typeof p.blocking === 'boolean'
        ? p.blocking
        : p.blocking
          ? test(p.blocking, p.blockingSlot, s.data, s.shared)
          : false;
    return { questionId: p.question.id, path: p.missing.path, reason: p.missing.reason, blocking };
  }

  /** The one classifier of answers. One pass, no per-question records: `assess` calls it for every transaction. */
  function review(answers: Record<string, unknown>, facts?: QuestionnaireFacts): AnswerReview {
    const s = states(answers, facts);
    const { visible, required, answered } = s;
    const invalid: AnswerIssue[] = [];
    for (const key in answers) {
      if (Object.hasOwn(answers, key) && !byId.has(key))
        invalid.push({ questionId: key, code: 'unknown-question', message: `no question "${key}"` });
    }
    const hidden: string[] = [];
    const missing: MissingAnswer[] = [];
    for (let i = 0; i < prepared.length; i++) {
      const p = prepared[i]!;
      if (answered[i]) {
        const id = p.question.id;
        if (!visible[i]) hidden.push(id);
        else {
          const problem = checkAnswer(p.question, answers[id], p.pattern);
          if (problem) invalid.push(problem);
        }
      } else if (required[i]) missing.push(missingEntry(p, s));
    }
    return { hidden: hidden.length > 1 ? hidden.sort() : hidden, invalid, missing };
  }

  /** A submission's issues from its review, in definition order (unknown questions first). */
  function issuesOf(found: AnswerReview): AnswerIssue[] {
    const rank = (id: string) => indexOf.get(id) ?? -1;
    const issues: AnswerIssue[] = [
      ...found.invalid,
      ...found.hidden.map((questionId) => ({
        questionId,
        code: 'hidden' as const,
        message: 'answer to a question that is not shown for these answers',
      })),
      ...found.missing.map((m) => ({
        questionId: m.questionId,
        code: 'required' as const,
        message: 'an answer is required',
      })),
    ];
    // Stable: the problems of one answer keep their order.
    return issues.length > 1 ? issues.sort((a, b) => rank(a.questionId) - rank(b.questionId)) : issues;
  }

  const q: Questionnaire = {
    id: def.id,
    version: def.version,
    hash: spec.hash,
    ...(spec.base ? { base: spec.base } : {}),
    ...(spec.replaces ? { replaces: true as const } : {}),
    definition: def,
    readsFacts: spec.readsFacts,
    visibleQuestions(answers, facts) {
      const { visible } = states(answers ?? {}, facts);
      return def.questions.filter((_, i) => visible[i]);
    },
    validate(answers, facts) {
      if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
        return {
          ok: false,
          issues: [{ questionId: '', code: 'type', message: 'answers must be an object keyed by question id' }],
        };
      }
      if (spec.readsFacts && facts === undefined) {
        const message =
          'facts required: which questions are shown or required depends on the transaction (pass engine.facts(…))';
        return { ok: false, issues: [{ questionId: '', code: 'facts-required', message }] };
      }
      let found: AnswerReview;
      try {
        found = review(answers as Record<string, unknown>, facts);
      } catch (error) {
        const message = `answers could not be evaluated: ${(error as Error).message.split('\n')[0]}`;
        return { ok: false, issues: [{ questionId: '', code: 'type', message }] };
      }
      const issues = issuesOf(found);
      return { ok: issues.length === 0, issues };
    },
    progress(answers, facts) {
      const s = states(answers, facts);
      let visible = 0;
      let answered = 0;
      let required = 0;
      let requiredAnswered = 0;
      for (let i = 0; i < prepared.length; i++) {
        if (!s.visible[i]) continue;
        visible++;
        const a = isAnswered(answers[prepared[i]!.question.id]);
        if (a) answered++;
        if (s.required[i]) {
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
        if (!opts || !s.visible[i] || !opts.some((o) => o.score !== undefined)) continue;
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
      return buildQuestionnaire({ ...spec, definition: localized });
    },
    answersJsonSchema: () => answersJsonSchema(def),
    missing: (answers, facts) => review(answers, facts).missing,
    hiddenAnswers: (answers, facts) => review(answers, facts).hidden,
    review,
  };
  return q;
}
