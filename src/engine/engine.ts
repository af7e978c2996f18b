import {
  type CountryData,
  type CountryGroups,
  dataIdentity,
  defaultCountryData,
  defaultCountryGroups,
  defaultSanctionedRegions,
  overlayCountryData,
  type SanctionedRegions,
} from '../data/index.js';
import { canonicalJson, orderedJson, sha256Hex } from '../digest/index.js';
import { HrddError } from '../errors.js';
import { type EvaluatorKind, ruleOperations } from '../logic/index.js';
import { type Assessment, checkDepth, IsoDateSchema, parseTransaction, type Transaction } from '../model/index.js';
import { defaultQuestionnaire, loadQuestionnaire } from '../questionnaire/index.js';
import { defaultRuleset, loadRuleset, type Ruleset } from '../rules/index.js';
import { ENGINE_NAME, VERSION } from '../version.js';
import { assuranceSlots, requiredAssurances } from './assurances.js';
import { compileRules } from './compile-rules.js';
import { addDaysIso } from './dates.js';
import { decide, scoreBand } from './decide.js';
import { compareFindings, evaluateRules } from './evaluate.js';
import { deriveFacts, euMemberStates, type FactContext, highRiskSet, indexGroupInfo, indexGroups } from './facts.js';
import { factsRuleCheck, factsShape } from './facts-shape.js';
import { hardStops } from './hard-stops.js';
import type { DataIdentity, QuestionnairePort, ScreeningIndexPort } from './ports.js';
import { buildGazetteer } from './regions.js';
import { compileResponses, respond } from './responses.js';
import { screenParties } from './screen.js';
import { compareText, sortShort } from './sort-short.js';
import type { Facts } from './types.js';

export interface EngineOptions {
  /** A rule set (definition, overlay or loaded); default: the bundled `hrdd-default`. */
  ruleset?: unknown;
  /** A questionnaire (definition or loaded); `false` for none. Default: the bundled one. */
  questionnaire?: QuestionnairePort | false | unknown;
  /** Restricted-party screening: an index, and the identity of the lists it holds for provenance. */
  screening?: ScreeningIndexPort | { index: ScreeningIndexPort; lists: DataIdentity[] };
  countryData?: CountryData;
  countryGroups?: CountryGroups;
  /** Gazetteer of comprehensively sanctioned regions; default: the bundled one (Crimea, occupied Ukraine). */
  sanctionedRegions?: SanctionedRegions;
  /** `compiled` (default: closures) or `reference` (json-logic-js). Both give the same assessments. */
  evaluator?: EvaluatorKind;
}

export interface AssessOptions {
  answers?: Record<string, unknown>;
  /** The date the assessment is made for (`YYYY-MM-DD`); the engine never reads the clock. */
  asOf: string;
  /** Adds every rule evaluated, matched or not, with the facts it read. */
  trace?: boolean;
}

export interface Engine {
  readonly ruleset: Ruleset;
  readonly evaluator: EvaluatorKind;
  readonly questionnaire?: QuestionnairePort;
  /** Data sets recorded in provenance (country data, country groups, screening lists). */
  readonly data: readonly DataIdentity[];
  assess(input: unknown, options: AssessOptions): Assessment;
  /** The facts object rules would see (for questionnaires, debugging and docs). */
  facts(input: unknown, options: AssessOptions): Facts;
}

function isQuestionnairePort(value: unknown): value is QuestionnairePort {
  return typeof value === 'object' && value !== null && typeof (value as QuestionnairePort).review === 'function';
}

/** Ids of a questionnaire's questions (loaded or a definition), or undefined when there is none to read. */
function questionIdsOf(questionnaire: unknown): string[] | undefined {
  if (questionnaire === false || typeof questionnaire !== 'object' || questionnaire === null) return undefined;
  const definition = (questionnaire as { definition?: unknown }).definition ?? questionnaire;
  const questions = (definition as { questions?: unknown }).questions;
  if (!Array.isArray(questions)) return undefined;
  return questions.flatMap((q) => (typeof q?.id === 'string' ? [q.id as string] : []));
}

function checkAsOf(asOf: unknown): string {
  const parsed = IsoDateSchema.safeParse(asOf);
  if (!parsed.success)
    throw new HrddError('Invalid asOf', [{ path: 'asOf', message: 'expected a real calendar date YYYY-MM-DD' }]);
  return parsed.data;
}

function checkAnswers(answers: unknown): Record<string, unknown> {
  if (answers === undefined) return {};
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    throw new HrddError('Invalid answers', [
      { path: 'answers', message: 'expected an object of answers by question id' },
    ]);
  }
  checkDepth(answers, 'answers', 'answers');
  return answers as Record<string, unknown>;
}

/**
 * `canonicalHash({ transaction, answers })`, with the parsed transaction's JSON text taken as it is: its keys are
 * already in canonical order (`canonicalObject`), so only the answers are sorted.
 */
function inputHash(transaction: Transaction, answers: Record<string, unknown>): string {
  return `sha256:${sha256Hex(`{"answers":${canonicalJson(answers)},"transaction":${orderedJson(transaction)}}`)}`;
}

/** The country data an engine uses: the bundle, a data set laid over it, or one that replaces it. */
function countryDataOf(given: CountryData | undefined): { data: CountryData; identity: DataIdentity } {
  const bundle = defaultCountryData;
  if (given === undefined || given === bundle)
    return { data: bundle, identity: dataIdentity(bundle.id, bundle.version, bundle) };
  const identity: DataIdentity = dataIdentity(given.id, given.version, given);
  if (given.replaces) return { data: given, identity: { ...identity, replaces: true } };
  return {
    data: overlayCountryData(bundle, given),
    identity: { ...identity, base: dataIdentity(bundle.id, bundle.version, bundle) },
  };
}

type Band = ReturnType<typeof scoreBand>;

/** Compiles a rule set, country data and screening once; `assess` then runs per transaction. */
export function createEngine(options: EngineOptions = {}): Engine {
  const evaluator = options.evaluator ?? 'compiled';
  const questionnaireInput = options.questionnaire === undefined ? defaultQuestionnaire : options.questionnaire;
  // The questionnaire's conditions are checked against this rule set's parameters, and the rules against the
  // answers this questionnaire (with any base it extends) can give.
  const rulesetInput = options.ruleset ?? defaultRuleset;
  const structural = loadRuleset(rulesetInput);
  const questionnaire: QuestionnairePort | undefined =
    questionnaireInput === false
      ? undefined
      : isQuestionnairePort(questionnaireInput)
        ? questionnaireInput
        : loadQuestionnaire(questionnaireInput, {
            evaluator,
            facts: factsShape({ parameters: structural.parameters }),
          });
  const questionIds = questionIdsOf(questionnaire);
  const ruleset = loadRuleset(rulesetInput, {
    checkRule: factsRuleCheck(questionIds ? { questionIds } : {}),
  });
  const country = countryDataOf(options.countryData);
  const countryData = country.data;
  const countryGroups = options.countryGroups ?? defaultCountryGroups;
  const groupTable: Record<string, string[]> = {};
  for (const g of countryGroups.groups) groupTable[g.id] = [...g.countries];
  const rules = compileRules(ruleset, evaluator, ruleOperations(groupTable));
  const responses = compileResponses(ruleset, assuranceSlots(ruleset.assurances));
  const screening =
    options.screening && 'index' in options.screening
      ? options.screening
      : options.screening
        ? { index: options.screening, lists: [] }
        : undefined;
  const sanctionedRegions = options.sanctionedRegions ?? defaultSanctionedRegions;
  const groupsByCountry = indexGroups(countryGroups);
  const context: FactContext = {
    countryData,
    groupsByCountry,
    groupInfo: indexGroupInfo(countryGroups),
    euMembers: euMemberStates(groupsByCountry),
    gazetteer: buildGazetteer(sanctionedRegions),
    gazetteerInfo: { id: sanctionedRegions.id, reviewBy: sanctionedRegions.source.reviewBy },
    countryCache: new Map(),
    highRisk: highRiskSet(ruleset.parameters),
    validityDays: new Map(ruleset.assurances.map((a) => [a.type, a.validityDays])),
    ...(screening ? { screen: screenParties(screening.index, ruleset.parameters) } : {}),
  };
  const data: DataIdentity[] = [
    country.identity,
    dataIdentity(countryGroups.id ?? 'country-groups', countryGroups.version ?? 'unversioned', countryGroups),
    dataIdentity(sanctionedRegions.id, sanctionedRegions.version, sanctionedRegions),
    ...(screening?.lists ?? []),
  ];

  const questionnaireIdentity: DataIdentity | undefined = questionnaire && {
    id: questionnaire.id,
    version: questionnaire.version,
    hash: questionnaire.hash,
    ...(questionnaire.base ? { base: questionnaire.base } : {}),
    ...(questionnaire.replaces ? { replaces: true as const } : {}),
  };

  // A stream of orders is assessed for one date: the last date checked is not checked again, and the regular
  // review date of each score band is worked out once for it.
  let checkedAsOf: string | undefined;
  let reviewAsOf: string | undefined;
  let reviewDates = new Map<Band, string>();
  function regularReview(asOf: string, band: Band): string {
    if (asOf !== reviewAsOf) {
      reviewAsOf = asOf;
      reviewDates = new Map();
    }
    let date = reviewDates.get(band);
    if (date === undefined) {
      date = addDaysIso(asOf, ruleset.decision.reviewIntervalDays[band]);
      reviewDates.set(band, date);
    }
    return date;
  }

  function facts(input: unknown, opts: AssessOptions): Facts {
    const given = opts?.asOf;
    const asOf = given === checkedAsOf && given !== undefined ? given : checkAsOf(given);
    checkedAsOf = asOf;
    const transaction = parseTransaction(input);
    return deriveFacts(transaction, checkAnswers(opts.answers), asOf, ruleset.parameters, context);
  }

  function assess(input: unknown, opts: AssessOptions): Assessment {
    const f = facts(input, opts);
    // The answers as given (checked once, by `facts`): the input hash covers them even when hidden ones are dropped.
    const answersGiven = f.answers;
    const notes: string[] = [];
    const missingFromQuestions: Assessment['missingInformation'] = [];
    if (questionnaire) {
      const review = questionnaire.review(f.answers, f);
      if (review.invalid.length > 0) {
        throw new HrddError(
          'Invalid answers',
          review.invalid.map((i) => ({ path: `answers.${i.questionId}`, message: i.message })),
        );
      }
      if (review.hidden.length > 0) {
        // Copied without the hidden answers rather than deleted from a copy: an object with deleted keys turns into
        // a slow dictionary for every rule that reads an answer.
        const kept: Record<string, unknown> = {};
        for (const id of Object.keys(f.answers)) {
          if (review.hidden.includes(id)) continue;
          // Defined, not assigned: an answer keyed `__proto__` stays an ordinary key.
          if (id === '__proto__')
            Object.defineProperty(kept, id, {
              value: f.answers[id],
              enumerable: true,
              writable: true,
              configurable: true,
            });
          else kept[id] = f.answers[id];
        }
        f.answers = kept;
        notes.push(`answers to questions not shown for this transaction were ignored: ${review.hidden.join(', ')}`);
      }
      for (const m of review.missing)
        missingFromQuestions.push({ path: m.path, reason: m.reason, blocking: m.blocking });
    }
    const evaluation = evaluateRules(rules, f, opts.trace === true);
    if (responses.length > 0)
      for (const m of evaluation.matches) {
        const { floor, assurances } = respond(m.finding, responses);
        m.floor = floor;
        m.extra = assurances;
      }
    const findings = sortShort(
      evaluation.matches.map((m) => m.finding),
      compareFindings,
    );
    const missingInformation: Assessment['missingInformation'] = [];
    for (const { path, reason, blocking } of evaluation.missing) missingInformation.push({ path, reason, blocking });
    for (const m of missingFromQuestions) missingInformation.push(m);
    let required = requiredAssurances(evaluation.matches, f.derived.parties, f.derived.assurancesObtained);
    let decision = decide(evaluation.matches, missingInformation, required, ruleset.decision);
    const stops = hardStops(evaluation.matches);
    if (stops.length > 0) {
      // Nothing to obtain and nothing to answer: no assurance or answer changes a hard stop.
      decision = 'decline';
      required = [];
      missingInformation.length = 0;
    }
    let value = 0;
    for (const x of findings) if (x.risk > value) value = x.risk;
    const band = scoreBand(value);
    // The review date: the regular interval for the band, or the first expiry of a satisfied assurance if sooner.
    let reviewBy = regularReview(f.asOf, band);
    for (const r of required)
      if (r.status === 'satisfied' && r.validUntil !== undefined && r.validUntil < reviewBy) reviewBy = r.validUntil;
    // Fields assigned in the published order, the optional ones only when present.
    const assessment = {
      transactionId: f.transaction.id,
      asOf: f.asOf,
      decision,
      score: { value, band },
      reviewBy,
      findings,
      requiredAssurances: required,
      missingInformation,
    } as Assessment;
    if (stops.length > 0) assessment.hardStops = sortShort(stops, (a, b) => compareText(a.ruleId, b.ruleId));
    if (evaluation.notEvaluated.length > 0)
      assessment.notEvaluated = sortShort(evaluation.notEvaluated, (a, b) => compareText(a.ruleId, b.ruleId));
    if (f.derived.dataReview.length > 0) assessment.dataReview = f.derived.dataReview;
    if (notes.length > 0) assessment.notes = notes;
    if (opts.trace) assessment.trace = evaluation.trace;
    const provenance = {
      engine: { name: ENGINE_NAME, version: VERSION },
      ruleset: { id: ruleset.id, version: ruleset.version, hash: ruleset.hash },
    } as Assessment['provenance'];
    if (questionnaire) provenance.questionnaire = questionnaireIdentity;
    provenance.data = data;
    provenance.inputHash = inputHash(f.transaction, answersGiven);
    provenance.asOf = f.asOf;
    assessment.provenance = provenance;
    return assessment;
  }

  return { ruleset, evaluator, ...(questionnaire ? { questionnaire } : {}), data, assess, facts };
}
