import { RE2JS } from 're2js';

/** A compiled answer pattern: `test` finds the pattern anywhere in the text, like `RegExp.prototype.test`. */
export interface AnswerPattern {
  test(text: string): boolean;
}

/**
 * Compiles a questionnaire answer pattern with RE2 (re2js), whose matching time is linear in the answer's length
 * for every pattern: a hostile definition cannot make validation hang, however its groups and quantifiers nest.
 * RE2 has no backreferences and no lookaround; a pattern using them is rejected when the definition loads.
 */
export function compilePattern(source: string): AnswerPattern | { error: string } {
  try {
    const re = RE2JS.compile(source);
    return { test: (text) => re.test(text) };
  } catch (error) {
    const detail = (error as Error).message.replace(/^error parsing regexp: /, '');
    return { error: `not a valid pattern (RE2 syntax: no backreferences or lookaround): ${detail}` };
  }
}
