import { type Decision, type Finding, maxDecision } from '../model/index.js';
import { findingResponses, type Ruleset } from '../rules/index.js';
import type { AssuranceSlot } from './assurances.js';

/** One entry of `parameters.responses`, with its assurance types resolved to slots. */
export interface CompiledResponse {
  involvement: Finding['involvement'];
  minSeverity: number;
  minDecision: Decision | undefined;
  assurances: readonly AssuranceSlot[];
}

/** The rule set's responses, resolved once per engine (loading checked that every assurance type is defined). */
export function compileResponses(ruleset: Ruleset, slots: ReadonlyMap<string, AssuranceSlot>): CompiledResponse[] {
  return findingResponses(ruleset.parameters, new Set(slots.keys()), []).map((r) => ({
    involvement: r.involvement,
    minSeverity: r.minSeverity,
    minDecision: r.minDecision,
    assurances: r.assurances.flatMap((type) => slots.get(type) ?? []),
  }));
}

/** What the responses add to one finding: a decision floor and assurances (none when no entry matches). */
export function respond(
  finding: Finding,
  responses: readonly CompiledResponse[],
): { floor: Decision | undefined; assurances: AssuranceSlot[] } {
  let floor: Decision | undefined;
  const assurances: AssuranceSlot[] = [];
  for (const r of responses) {
    if (finding.severity.level < r.minSeverity) continue;
    if (r.involvement !== undefined && finding.involvement !== r.involvement) continue;
    if (r.minDecision) floor = floor ? maxDecision(floor, r.minDecision) : r.minDecision;
    for (const slot of r.assurances) if (!assurances.includes(slot)) assurances.push(slot);
  }
  return { floor, assurances };
}
