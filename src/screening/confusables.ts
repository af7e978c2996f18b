import unhomoglyph from 'unhomoglyph';

const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

/**
 * The confusable skeleton of a name (Unicode UTS #39, the `confusables.txt` mapping via `unhomoglyph`), taken
 * toward Latin: each non-ASCII character whose skeleton is ASCII is replaced by it, so `СНЕМ ЕХРОRТ` (Cyrillic
 * look-alikes) reads `CHEM EXPORT`. ASCII is left as it is (UTS #39 would also fold `m` to `rn`), because the
 * skeleton is compared with names normalised to Latin letters, not with other skeletons.
 */
export function latinSkeleton(name: string): string {
  let out = '';
  for (const ch of name.normalize('NFD')) {
    if (ch.charCodeAt(0) < 0x80) {
      out += ch;
      continue;
    }
    const s = unhomoglyph(ch);
    out += s !== ch && PRINTABLE_ASCII.test(s) ? s : ch;
  }
  return out.normalize('NFC');
}

const SCRIPTS: [string, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Georgian', /\p{Script=Georgian}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Han', /\p{Script=Han}/u],
  ['Hiragana', /\p{Script=Hiragana}/u],
  ['Katakana', /\p{Script=Katakana}/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
];
/** Scripts written together in one word by ordinary names (UTS #39 "highly restrictive"): Japanese, Korean, Chinese. */
const CJK = new Set(['Han', 'Hiragana', 'Katakana', 'Hangul']);

function scriptOf(ch: string): string {
  for (const [name, re] of SCRIPTS) if (re.test(ch)) return name;
  return 'Other';
}

export interface ScriptProfile {
  /** Scripts of the name's letters, sorted. */
  scripts: string[];
  /** A word mixes letters of scripts that ordinary names do not mix (Latin with Cyrillic or Greek, …). */
  mixed: boolean;
  /** Every letter is a look-alike of a Latin letter from another script (a whole-script confusable, UTS #39). */
  wholeScriptConfusable: boolean;
  /** The Latin skeleton of the name (see `latinSkeleton`). */
  skeleton: string;
}

/**
 * What scripts a name is written in, and whether it mixes them within a word or imitates Latin with look-alike
 * letters: the signs of a name disguised to pass screening.
 */
export function scriptProfile(name: string): ScriptProfile {
  const all = new Set<string>();
  let mixed = false;
  for (const word of name.split(/\s+/)) {
    const here = new Set<string>();
    for (const ch of word) if (/\p{L}/u.test(ch)) here.add(scriptOf(ch));
    for (const s of here) all.add(s);
    const nonCjk = [...here].filter((s) => !CJK.has(s));
    if (nonCjk.length > 1 || (nonCjk.length === 1 && nonCjk[0] !== 'Latin' && here.size > 1)) mixed = true;
  }
  const skeleton = latinSkeleton(name);
  const letters = [...name].filter((ch) => /\p{L}/u.test(ch));
  const wholeScriptConfusable =
    !all.has('Latin') &&
    letters.length >= 3 &&
    [...all].every((s) => s === 'Cyrillic' || s === 'Greek') &&
    [...skeleton].every((ch) => !/\p{L}/u.test(ch) || ch.charCodeAt(0) < 0x80);
  return { scripts: [...all].sort(), mixed, wholeScriptConfusable, skeleton };
}
