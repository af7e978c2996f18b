import { CAPABILITIES, type Capability } from '../model/index.js';
import { arrayTable } from './param-tables.js';
import { foldText } from './regions.js';

/** A capability and the phrases that name it, each as folded words. */
export type CapabilityTerms = readonly [capability: Capability, phrases: readonly (readonly string[])[]][];

const KNOWN = new Set<string>(CAPABILITIES);

/**
 * `params.describedCapabilityTerms` (capability → phrases that name it in an item description), folded once;
 * unknown capabilities and phrases that are not strings are ignored.
 */
export function capabilityTerms(params: Record<string, unknown>): CapabilityTerms {
  return arrayTable(params.describedCapabilityTerms).flatMap(([capability, phrases]) => {
    if (!KNOWN.has(capability)) return [];
    const folded = phrases
      .filter((p): p is string => typeof p === 'string')
      .map(foldText)
      .filter((words) => words.length > 0);
    return [[capability as Capability, folded] as const];
  });
}

/** Words that, just before a phrase, say the item does not have it: anti-spyware, "no face recognition". */
const NEGATIONS = new Set(['anti', 'no', 'non', 'without']);

/** Whether `phrase` occurs as whole words in `words`, not right after a negation. */
function names(words: readonly string[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= words.length; i++) {
    let j = 0;
    while (j < phrase.length && words[i + j] === phrase[j]) j++;
    if (j === phrase.length && (i === 0 || !NEGATIONS.has(words[i - 1]!))) return true;
  }
  return false;
}

/** The capabilities a description names, in the table's order. */
export function capabilitiesNamed(description: string, terms: CapabilityTerms): Capability[] {
  if (terms.length === 0) return [];
  const words = foldText(description);
  return terms.flatMap(([capability, phrases]) => (phrases.some((p) => names(words, p)) ? [capability] : []));
}
