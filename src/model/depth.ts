import { formatPath, HrddError, type HrddIssue } from '../errors.js';

/**
 * How deeply arrays and objects may nest in an input (a transaction, answers, a record, a list). Real inputs
 * nest a handful of levels; the limit keeps every recursive step after it (schema checks, hashing, JSON output)
 * far from the call-stack limit, so a hostile input is an error naming its path, not a crash.
 */
export const MAX_INPUT_DEPTH = 64;

/** A UTF-16 surrogate without its pair: not a character, and not representable in UTF-8 or canonical JSON. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const joinPath = (base: string, at: string) =>
  base && at ? (at.startsWith('[') ? `${base}${at}` : `${base}.${at}`) : base || at;

/**
 * The first place where `value` nests deeper than `maxDepth`, or holds a string (or key) with a lone surrogate,
 * found iteratively (no recursion, so any depth is safe to check), as an issue whose path starts with `base`;
 * undefined when there is none.
 */
export function depthIssue(value: unknown, base = '', maxDepth = MAX_INPUT_DEPTH): HrddIssue | undefined {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string' && LONE_SURROGATE.test(v))
      return { path: joinPath(base, formatPath(path)), message: 'text holds a lone surrogate (not a character)' };
    if (typeof v !== 'object' || v === null) continue;
    if (path.length >= maxDepth)
      return { path: joinPath(base, formatPath(path)), message: `nested more than ${maxDepth} levels deep` };
    if (!Array.isArray(v))
      for (const key of Object.keys(v))
        if (LONE_SURROGATE.test(key))
          return { path: joinPath(base, formatPath(path)), message: 'a key holds a lone surrogate (not a character)' };
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, i] });
    else
      for (const key of Object.keys(v).reverse())
        stack.push({ value: (v as Record<string, unknown>)[key], path: [...path, key] });
  }
  return undefined;
}

/**
 * Throws `HrddError` (exit 2 in the CLI, 400 over HTTP) when `value` nests deeper than `maxDepth` or holds a lone
 * surrogate, naming the path: checked before anything recursive (schema checks, hashing) touches the input.
 */
export function checkDepth(value: unknown, what: string, base = '', maxDepth = MAX_INPUT_DEPTH): void {
  const issue = depthIssue(value, base, maxDepth);
  if (issue) throw new HrddError(`Invalid ${what}`, [issue]);
}
