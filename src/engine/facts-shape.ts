import type { HrddIssue } from '../errors.js';
import {
  checkPaths,
  elementOf,
  type FactShape,
  parseLogic,
  resolvePath,
  ruleOperations,
  shapeOfSchema,
  shapeOfValue,
  shapes,
} from '../logic/index.js';
import { ClassificationSchema, ItemFeaturesSchema, OwnershipSchema, TransactionSchema } from '../model/index.js';
import type { MergedRuleset, Rule } from '../rules/index.js';
import { templatePaths } from './rationale.js';
import type { RegionMatchFact } from './regions.js';
import type {
  AssumedFeatureFact,
  CountryFact,
  DataReviewFact,
  DerivedFacts,
  ItemFact,
  JurisdictionsFact,
  NameScriptFact,
  ObtainedAssuranceFact,
  PartyFact,
  ScreeningHitFact,
} from './types.js';

const { value, any, object, record, array } = shapes;

/** A shape for every field of a fact type: adding a field to the type without adding it here does not compile. */
const fieldsOf = <T>(fields: { [K in keyof T]-?: FactShape }): FactShape => object(fields);

const screeningHit = fieldsOf<ScreeningHitFact>({
  partyId: value,
  role: value,
  queryName: value,
  matchedName: value,
  score: value,
  certain: value,
  effect: value,
  list: value,
  entryId: value,
  entryName: value,
  programs: array(value),
  explanation: value,
});

const country = fieldsOf<CountryFact>({
  code: value,
  known: value,
  indicators: record(value),
  indicatorYears: record(value),
  groups: array(value),
});

const party = fieldsOf<PartyFact>({
  id: value,
  name: value,
  role: value,
  type: value,
  country: value,
  aliases: array(value),
  ownership: shapeOfSchema(OwnershipSchema),
  screening: array(screeningHit),
  nameScript: fieldsOf<NameScriptFact>({
    suspicious: value,
    names: array(value),
    scripts: array(value),
    skeleton: array(value),
  }),
});

/** The one declaration of the derived facts' shape (`derived.*`), checked against `DerivedFacts` by the compiler. */
export const DERIVED_SHAPE: FactShape = fieldsOf<DerivedFacts>({
  capabilities: array(value),
  surveillance: value,
  highRiskCapability: value,
  partyTypes: array(value),
  parties: array(party),
  countries: record(country),
  destination: country,
  involvedCountries: array(value),
  groupsInvolved: array(value),
  transitGroups: array(value),
  screening: object({ hits: array(screeningHit), certainBarring: value, potential: value }),
  assurancesObtained: array(
    fieldsOf<ObtainedAssuranceFact>({ type: value, from: value, obtainedOn: value, validUntil: value, valid: value }),
  ),
  totalValue: value,
  assumedFeatures: array(fieldsOf<AssumedFeatureFact>({ itemId: value, feature: value, path: value })),
  valueCurrency: value,
  unknownCurrencies: array(value),
  jurisdictions: fieldsOf<JurisdictionsFact>({
    EU: value,
    US: value,
    UK: value,
    list: array(value),
    declared: value,
    usOriginItems: value,
  }),
  receivingCountries: array(value),
  transitOnly: array(value),
  groupsBinding: array(value),
  groupsNotBinding: array(value),
  items: array(
    fieldsOf<ItemFact>({
      id: value,
      description: value,
      capabilities: array(value),
      classifications: array(shapeOfSchema(ClassificationSchema)),
      features: shapeOfSchema(ItemFeaturesSchema),
      origin: value,
      controlCodes: array(value),
      controlCodeLineage: array(value),
      surveillanceEntries: array(value),
      dualUseListed: value,
      surveillance: value,
      describedCapabilities: array(value),
    }),
  ),
  sanctionedRegions: array(
    fieldsOf<RegionMatchFact>({ region: value, status: value, path: value, matched: value, partyId: value }),
  ),
  sanctionedRegionIds: array(value),
  dataReview: array(fieldsOf<DataReviewFact>({ what: value, reviewDate: value, reason: value })),
});

const TRANSACTION_SHAPE = shapeOfSchema(TransactionSchema);

export interface FactsShapeOptions {
  /** The rule set's parameters (`params.<name>`). */
  parameters: Record<string, unknown>;
  /** Ids of the questions of the questionnaire in use (`answers.<id>`); without one, any answer may be read. */
  questionIds?: readonly string[];
}

/**
 * The shape of the facts object rules and questionnaire conditions read: the transaction (from its zod schema),
 * answers, asOf, params and the derived facts. Static checks resolve every fixed `var` path against it.
 */
export function factsShape(options: FactsShapeOptions): FactShape {
  const answers: Record<string, FactShape> = {};
  for (const id of options.questionIds ?? []) answers[id] = any;
  return object({
    transaction: TRANSACTION_SHAPE,
    answers: options.questionIds ? object(answers) : record(any),
    asOf: value,
    params: shapeOfValue(options.parameters),
    derived: DERIVED_SHAPE,
  });
}

/** The facts a `forEach` rule sees: the facts plus its element as `it` (the element's shape, from the list's). */
export function withElement(facts: FactShape, element: FactShape): FactShape {
  return facts.kind === 'object' ? object({ ...facts.fields, it: element }) : facts;
}

const LOGIC_FIELDS = ['when', 'likelihood', 'involvement', 'blocking'] as const;
const SEVERITY_PARTS = ['scale', 'scope', 'irremediability'] as const;

/**
 * The check `loadRuleset` runs on every merged rule (`checkRule`): its `forEach` list, every fixed path its
 * JsonLogic reads and every `{{placeholder}}` of its rationale and path must exist in the facts, with a "did you
 * mean" for near misses. `questionIds`: the questionnaire in use (its answers are `answers.<id>`).
 */
export function factsRuleCheck(
  options: { questionIds?: readonly string[] } = {},
): (rule: Rule, ruleset: MergedRuleset) => HrddIssue[] {
  const operations = ruleOperations();
  let cached: { parameters: Record<string, unknown>; shape: FactShape } | undefined;
  return (rule, ruleset) => {
    if (cached?.parameters !== ruleset.parameters)
      cached = { parameters: ruleset.parameters, shape: factsShape({ ...options, parameters: ruleset.parameters }) };
    const issues: HrddIssue[] = [];
    let scope = cached.shape;
    if (rule.forEach) {
      const found = resolvePath(scope, rule.forEach);
      const element = elementOf(found.shape);
      if (found.problem) issues.push({ path: 'forEach', message: `"${rule.forEach}": ${found.problem}` });
      else if (!element) issues.push({ path: 'forEach', message: `"${rule.forEach}" is not a list` });
      scope = withElement(scope, element ?? any);
    }
    const logic = (field: string, value: unknown) => {
      if (typeof value !== 'object' || value === null) return;
      const { parsed } = parseLogic(value, { operations });
      if (!parsed) return; // its own issues are reported by the structural checks
      for (const issue of checkPaths(parsed, scope))
        issues.push({ path: `${field}${issue.path.startsWith('[') ? '' : '.'}${issue.path}`, message: issue.message });
    };
    for (const field of LOGIC_FIELDS) logic(field, rule[field]);
    for (const part of SEVERITY_PARTS) logic(`severity.${part}`, rule.severity?.[part]);
    for (const field of ['rationale', 'path'] as const) {
      for (const path of templatePaths(rule[field] ?? '')) {
        const { problem } = resolvePath(scope, path);
        if (problem) issues.push({ path: field, message: `placeholder {{${path}}}: ${problem}` });
      }
    }
    return issues;
  };
}
