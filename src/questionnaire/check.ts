import type { HrddIssue } from '../errors.js';
import {
  checkPaths,
  compileWith,
  completeReads,
  type FactShape,
  parseLogic,
  ruleOperations,
  shapes,
  validateLogic,
} from '../logic/index.js';
import { compilePattern } from './pattern.js';
import type { QuestionnaireDefinition, Text } from './schema.js';

const FACT_ROOTS = ['transaction', 'derived', 'params', 'asOf', 'answers'];

/** What checking a definition found: its problems, the evaluation order of its questions, what it reads. */
export interface CheckedDefinition {
  issues: HrddIssue[];
  /** Question indices, each after the questions its conditions read. */
  order: number[];
  /** Whether a visibility or requirement condition reads the transaction or other facts, not only answers. */
  readsFacts: boolean;
}

/** Whether a condition reads anything but answers (a computed path counts: it may). */
export function readsBeyondAnswers(logic: unknown): boolean {
  const reads = completeReads(logic);
  return reads === undefined || reads.some((path) => path !== 'answers' && !path.startsWith('answers.'));
}

function answerDeps(reads: readonly string[]): string[] {
  return reads.filter((r) => r.startsWith('answers.')).map((r) => r.split('.')[1]!);
}

/** Checks a merged definition: ids, options, conditions, references, cycles, locales, patterns. */
export function checkDefinition(def: QuestionnaireDefinition, facts?: FactShape): CheckedDefinition {
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
  let readsFacts = false;
  // With the facts shape given, every fixed path a condition reads must exist there (answers: these questions).
  const shape =
    facts?.kind === 'object'
      ? shapes.object({
          ...facts.fields,
          answers: shapes.object(Object.fromEntries(def.questions.map((q) => [q.id, shapes.any]))),
        })
      : undefined;
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
      if (shape)
        for (const issue of checkPaths(parseLogic(logic, { operations }).parsed!, shape))
          issues.push({
            path: `${base}.${field}${issue.path.startsWith('[') ? '' : '.'}${issue.path}`,
            message: issue.message,
          });
      for (const r of shape ? [] : reads) {
        const root = r.split('.')[0]!;
        if (!FACT_ROOTS.includes(root))
          issues.push({
            path: `${base}.${field}`,
            message: `reads "${r}", which is neither answers.<id> nor a transaction fact`,
          });
        else if (root === 'answers' && !ids.has(r.split('.')[1] ?? ''))
          issues.push({ path: `${base}.${field}`, message: `reads "${r}": no question "${r.split('.')[1]}"` });
      }
      if (field !== 'blocking') {
        qDeps.push(...answerDeps(reads));
        if (readsBeyondAnswers(logic)) readsFacts = true;
      }
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
  return { issues, order, readsFacts };
}
