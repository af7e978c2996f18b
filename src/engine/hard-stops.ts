import type { HardStop } from '../model/index.js';
import type { RuleMatch } from './evaluate.js';

/**
 * The findings of rules whose floor is `decline` (a comprehensively sanctioned country, a barring list match,
 * an item with no use but torture): no assurance, answer or reviewer can cure them, so a hard-stop decline lists
 * no assurances to obtain and no questions to answer, only these. A finding marked `assumed` is not one: stating
 * the unknown fact may cure it.
 */
export function hardStops(matches: readonly RuleMatch[]): HardStop[] {
  const stops: HardStop[] = [];
  for (const { finding, rule } of matches) {
    // A finding resting on an assumed (unstated) fact can be cured by stating it: a decline, but not a hard stop.
    if (rule.minDecision !== 'decline' || finding.assumed !== undefined) continue;
    const stop = { ruleId: finding.ruleId } as HardStop;
    if (finding.subject) stop.subject = finding.subject;
    stop.reason = `no assurance can cure this: ${finding.title} (${finding.ruleId}). ${finding.rationale}`;
    stops.push(stop);
  }
  return stops;
}
