import { canonicalHash } from '../digest/index.js';
import { HrddError, type HrddIssue } from '../errors.js';
import type { EvaluatorKind, FactShape } from '../logic/index.js';
import { safeParseWith } from '../model/index.js';
import { bundledQuestionnaire, defaultQuestionnaire } from './bundled.js';
import { checkDefinition } from './check.js';
import { applyQuestionnaireOverlay, type QuestionSource } from './overlay.js';
import { buildQuestionnaire, type Questionnaire, type QuestionnaireOrigin } from './runtime.js';
import { type QuestionnaireDefinition, QuestionnaireSchema } from './schema.js';

export interface LoadQuestionnaireOptions {
  evaluator?: EvaluatorKind;
  /** The questionnaire an overlay adds to (definition or loaded); default: the one its `extends` names. */
  base?: unknown;
  /** Resolves an `extends` id when no `base` is given; default: the bundled questionnaires. */
  resolveBase?: (id: string) => unknown;
  /**
   * The facts conditions read (the engine's `factsShape`): every fixed path they read must exist there, with the
   * merged questionnaire's questions as `answers.<id>`.
   */
  facts?: FactShape;
}

function isLoaded(value: unknown): value is Questionnaire {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Questionnaire).hash === 'string' &&
    typeof (value as Questionnaire).review === 'function'
  );
}

/** An issue path of the merged definition, told as a path of the file the user wrote. */
function sourcePath(path: string, sources: readonly QuestionSource[]): string {
  return path.replace(/^questions\[(\d+)\]/, (whole, i: string) => {
    const source = sources[Number(i)];
    if (!source) return whole;
    return source.from === 'overlay' ? `questions[${source.index}]` : `(base question "${source.id}")`;
  });
}

/**
 * Validates a questionnaire definition and prepares it; throws `HrddError` with the path of every problem.
 *
 * Like a rule-set overlay, a definition adds to a base: the one its `extends` names, or the bundled default when it
 * names none — its questions are added, a question with a base question's id replaces it, `disable` removes base
 * questions. `replaces: true` makes a definition stand alone instead. The bundled default itself stands alone.
 */
export function loadQuestionnaire(def: unknown, options: LoadQuestionnaireOptions = {}, depth = 0): Questionnaire {
  if (isLoaded(def)) return def;
  const parsed = safeParseWith(QuestionnaireSchema, def, 'questionnaire', 'invalid-questionnaire');
  if (!parsed.success) throw parsed.error;
  const own = parsed.data;
  const issues: HrddIssue[] = [];
  const resolve = options.resolveBase ?? bundledQuestionnaire;
  const baseId =
    own.extends ?? (own.replaces || own.id === defaultQuestionnaire.id ? undefined : defaultQuestionnaire.id);
  if (own.replaces && own.extends !== undefined)
    issues.push({ path: 'replaces', message: 'a questionnaire either extends another or replaces it, not both' });
  let definition: QuestionnaireDefinition = own;
  let sources: QuestionSource[] = own.questions.map((_, index) => ({ from: 'overlay', index }));
  const origin: QuestionnaireOrigin = own.replaces ? { replaces: true } : {};
  if (baseId !== undefined && issues.length === 0) {
    if (depth > 4)
      throw new HrddError(
        'Invalid questionnaire',
        [{ path: 'extends', message: 'too many levels of extends' }],
        'invalid-questionnaire',
      );
    const baseJson = options.base ?? resolve(baseId);
    if (baseJson === undefined)
      throw new HrddError('Invalid questionnaire', [
        { path: 'extends', message: `unknown base questionnaire "${baseId}"` },
      ]);
    const base = loadQuestionnaire(
      baseJson,
      {
        ...(options.evaluator ? { evaluator: options.evaluator } : {}),
        ...(options.resolveBase ? { resolveBase: options.resolveBase } : {}),
      },
      depth + 1,
    );
    if (base.id !== baseId)
      issues.push({ path: 'extends', message: `extends "${baseId}" but the base questionnaire given is "${base.id}"` });
    ({ definition, sources } = applyQuestionnaireOverlay(base.definition, own, issues));
    origin.base = { id: base.id, version: base.version, hash: base.hash };
  } else if (own.disable?.length) {
    issues.push({ path: 'disable', message: 'disable needs a base questionnaire (it replaces the default)' });
  }
  if (definition.questions.length === 0) issues.push({ path: 'questions', message: 'no questions' });
  const checked = checkDefinition(definition, options.facts);
  for (const issue of checked.issues) issues.push({ ...issue, path: sourcePath(issue.path, sources) });
  if (issues.length > 0) throw new HrddError(`Invalid questionnaire "${own.id}"`, issues, 'invalid-questionnaire');
  return buildQuestionnaire({
    definition,
    order: checked.order,
    readsFacts: checked.readsFacts,
    // A standalone definition is hashed as it is (the default's hash is unchanged); an overlay with its base.
    hash: canonicalHash(origin.base ? { base: origin.base, definition } : definition),
    evaluator: options.evaluator ?? 'compiled',
    ...origin,
  });
}
