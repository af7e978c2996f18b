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

/**
 * Words that, just before a phrase, say the item does not have it: anti-spyware, "no face recognition", "sin
 * reconocimiento facial", "ohne Gesichtserkennung".
 */
const NEGATIONS = new Set(['anti', 'no', 'non', 'without', 'sin', 'sem', 'sans', 'senza', 'ohne', 'kein', 'keine']);

/** Words of defence a few words before a phrase: "detects ransomware, spyware and keyloggers". */
const DEFENCE_BEFORE = new Set([
  'detect',
  'detects',
  'detecting',
  'block',
  'blocks',
  'blocking',
  'remove',
  'removes',
  'against',
  'protects',
  'scans',
]);

/** Words of defence right after a phrase: "spyware detection", "keylogger removal". */
const DEFENCE_AFTER = new Set(['detection', 'detector', 'removal', 'remover', 'scanner', 'protection', 'blocker']);

/** How many words before a phrase a word of defence still speaks of it. */
const DEFENCE_REACH = 3;

/** Whether the phrase at `i` (of `length` words) is said not to be there, or to be defended against. */
function disowned(words: readonly string[], i: number, length: number): boolean {
  if (i > 0 && NEGATIONS.has(words[i - 1]!)) return true;
  if (DEFENCE_AFTER.has(words[i + length] ?? '')) return true;
  for (let k = Math.max(0, i - DEFENCE_REACH); k < i; k++) if (DEFENCE_BEFORE.has(words[k]!)) return true;
  return false;
}

/** Whether `phrase` occurs as whole words in `words` and is not disowned there. */
function names(words: readonly string[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= words.length; i++) {
    let j = 0;
    while (j < phrase.length && words[i + j] === phrase[j]) j++;
    if (j === phrase.length && !disowned(words, i, phrase.length)) return true;
  }
  return false;
}

/** The capabilities a description names, in the table's order. */
export function capabilitiesNamed(description: string, terms: CapabilityTerms): Capability[] {
  if (terms.length === 0) return [];
  const words = foldText(description);
  return terms.flatMap(([capability, phrases]) => (phrases.some((p) => names(words, p)) ? [capability] : []));
}
