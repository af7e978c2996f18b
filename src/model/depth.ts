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
  // Every node visited is kept with its parent and key, so a path is built only for the node at fault.
  const values: unknown[] = [value];
  const parents: number[] = [-1];
  const keys: PropertyKey[] = [''];
  const depths: number[] = [0];
  const pathOf = (node: number) => {
    const path: PropertyKey[] = [];
    for (let at = node; at > 0; at = parents[at]!) path.push(keys[at]!);
    return joinPath(base, formatPath(path.reverse()));
  };
  const stack: number[] = [0];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const v = values[node];
    if (typeof v === 'string') {
      if (LONE_SURROGATE.test(v))
        return { path: pathOf(node), message: 'text holds a lone surrogate (not a character)' };
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    const depth = depths[node]!;
    if (depth >= maxDepth) return { path: pathOf(node), message: `nested more than ${maxDepth} levels deep` };
    const children: [PropertyKey, unknown][] = Array.isArray(v)
      ? v.map((item, i) => [i, item])
      : Object.keys(v).map((key) => [key, (v as Record<string, unknown>)[key]]);
    for (let i = children.length - 1; i >= 0; i--) {
      const [key, child] = children[i]!;
      if (typeof key === 'string' && LONE_SURROGATE.test(key))
        return { path: pathOf(node), message: 'a key holds a lone surrogate (not a character)' };
      if ((typeof child !== 'object' || child === null) && typeof child !== 'string') continue;
      values.push(child);
      parents.push(node);
      keys.push(key);
      depths.push(depth + 1);
      stack.push(values.length - 1);
    }
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
