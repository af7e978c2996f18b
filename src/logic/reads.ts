import { SCOPED_OPERATORS } from './operators.js';
import { isLogicNode } from './truthy.js';
import type { LogicOperations } from './types.js';
import { pathReader } from './var.js';

/** What a rule reads: the paths it names, and whether those are all (no computed path, no read of the whole data). */
function walkReads(rule: unknown): { paths: string[]; complete: boolean } {
  const found = new Set<string>();
  let complete = true;
  const stack: unknown[] = [rule];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const child of node) stack.push(child);
      continue;
    }
    if (!isLogicNode(node)) continue;
    const name = Object.keys(node)[0]!;
    const raw = node[name];
    const args = Array.isArray(raw) ? raw : [raw];
    if (name === 'var') {
      const path = args[0];
      if ((typeof path === 'string' && path !== '') || typeof path === 'number') found.add(String(path));
      else {
        complete = false;
        stack.push(path);
      }
      if (args.length > 1) stack.push(args[1]);
    } else if (name === 'missing' || name === 'missing_some') {
      const keys = name === 'missing' ? (Array.isArray(args[0]) ? args[0] : args) : args[1];
      for (const key of Array.isArray(keys) ? keys : [keys]) {
        if (typeof key === 'string' && key !== '') found.add(key);
        else {
          complete = false;
          stack.push(key);
        }
      }
      if (name === 'missing_some') stack.push(args[0]);
    } else if (SCOPED_OPERATORS.has(name)) {
      stack.push(args[0]);
      if (name === 'reduce' && args.length > 2) stack.push(args[2]);
    } else {
      for (const child of args) stack.push(child);
    }
  }
  return { paths: [...found].sort(), complete };
}

/**
 * The `var` paths a rule reads from its data, found statically and sorted: literal `var` paths and literal keys of
 * `missing`/`missing_some`. Paths inside the per-element body of map/filter/reduce/all/none/some refer to the
 * element, not the data, and are left out; so are computed paths. Call on validated rules only.
 */
export function collectReads(rule: unknown, _operations?: LogicOperations): string[] {
  return walkReads(rule).paths;
}

/**
 * `collectReads` when those are all the rule can read from its data; `undefined` when it may read more (a computed
 * path, or `{"var": ""}`, the whole data). Call on validated rules only.
 */
export function completeReads(rule: unknown): string[] | undefined {
  const { paths, complete } = walkReads(rule);
  return complete ? paths : undefined;
}

/** The values at `reads` in `data` (own properties only; a missing value is `null`), keyed by path. */
export function readFacts(reads: readonly string[], data: unknown): Record<string, unknown> {
  return factsReader(reads)(data);
}

/** `readFacts` for fixed paths, prepared once: each path split once, and the result built the same way each time. */
export function factsReader(reads: readonly string[]): (data: unknown) => Record<string, unknown> {
  const paths = [...reads];
  const readers = paths.map((path) => pathReader(path));
  // Every result starts as a copy of one blank record with all the paths (one object shape, no property added per
  // call). Defined, not assigned: a path named `__proto__` becomes an ordinary key instead of replacing the prototype.
  const blank: Record<string, unknown> = {};
  for (const path of paths)
    Object.defineProperty(blank, path, { value: null, enumerable: true, writable: true, configurable: true });
  return (data) => {
    const facts = { ...blank };
    for (let i = 0; i < readers.length; i++) facts[paths[i]!] = readers[i]!(data);
    return facts;
  };
}
