import { isParsed, type LogicNode, type OpNode, parseLoose, walk } from './parse.js';
import { pathReader } from './values.js';

/** The keys a `missing` or `missing_some` node names, as nodes (a list's items, or `missing`'s arguments). */
function keyNodes(node: OpNode): readonly LogicNode[] {
  const list = node.facts.reads === 'keys' ? node.args[0] : node.args[1];
  if (list?.kind === 'array') return list.items;
  if (list?.kind === 'literal' && Array.isArray(list.value))
    return list.value.map((value): LogicNode => ({ kind: 'literal', at: list.at, value }));
  if (node.facts.reads === 'keys') return node.args;
  return list ? [list] : [];
}

/**
 * Visits every read of a rule's data outside loop bodies: each `var` and each key of `missing`/`missing_some`, with
 * its fixed path ('' for the whole data, undefined when computed), and each loop (map, filter, reduce, all, none,
 * some), whose body reads its elements, not the data.
 */
export function eachRead(
  tree: LogicNode,
  onRead: (node: LogicNode, path: string | undefined) => void,
  onLoop?: (loop: OpNode) => void,
): void {
  const visit = (root: LogicNode) => eachRead(root, onRead, onLoop);
  walk(tree, (node) => {
    if (node.kind === 'var') onRead(node, node.path);
    if (node.kind !== 'op') return undefined;
    if (node.facts.reads) {
      for (const key of keyNodes(node)) {
        const path = key.kind === 'literal' && typeof key.value === 'string' ? key.value : undefined;
        onRead(key, path);
        if (path === undefined) visit(key);
      }
      if (node.facts.reads === 'some-keys') visit(node.args[0]!);
      return false;
    }
    if (!node.facts.scope) return undefined;
    for (const [i, arg] of node.args.entries()) if (i !== 1) visit(arg);
    onLoop?.(node);
    return false;
  });
}

/**
 * What a rule reads from its data: the fixed paths it names (`var` and the keys of `missing`/`missing_some`),
 * sorted, and whether those are all (no computed path, no read of the whole data).
 */
export function readsOf(tree: LogicNode): { paths: string[]; complete: boolean } {
  const found = new Set<string>();
  let complete = true;
  eachRead(tree, (_, path) => {
    if (path) found.add(path);
    else complete = false;
  });
  return { paths: [...found].sort(), complete };
}

/** A rule as a tree: parsed already, or parsed now (any operator name taken as a custom operation). */
const treeOf = (rule: unknown): LogicNode => (isParsed(rule) ? rule : parseLoose(rule)).tree;

/** The fixed paths a rule reads from its data, sorted (see `readsOf`; computed paths are left out). */
export function collectReads(rule: unknown): string[] {
  return readsOf(treeOf(rule)).paths;
}

/** `collectReads` when those are all the rule can read; `undefined` when it may read more (see `readsOf`). */
export function completeReads(rule: unknown): string[] | undefined {
  const { paths, complete } = readsOf(treeOf(rule));
  return complete ? paths : undefined;
}

/** The values at `reads` in `data` (own properties only; a missing value is `null`), keyed by path. */
export function readFacts(reads: readonly string[], data: unknown): Record<string, unknown> {
  return factsReader(reads)(data);
}

/** `readFacts` for fixed paths, prepared once: each path split once, and the result built the same way each time. */
export function factsReader(reads: readonly string[]): (data: unknown) => Record<string, unknown> {
  return recordReader(reads.map((path) => [path, pathReader(path)]));
}

/**
 * A reader that builds one record from named readers. Every result starts as a copy of one blank record with all
 * the names (one object shape, no property added per call). Defined, not assigned: a name `__proto__` becomes an
 * ordinary key instead of replacing the prototype.
 */
export function recordReader(
  entries: readonly (readonly [name: string, read: (data: unknown) => unknown])[],
): (data: unknown) => Record<string, unknown> {
  const names = entries.map(([name]) => name);
  const readers = entries.map(([, read]) => read);
  const blank: Record<string, unknown> = {};
  for (const name of names)
    Object.defineProperty(blank, name, { value: null, enumerable: true, writable: true, configurable: true });
  return (data) => {
    const out = { ...blank };
    for (let i = 0; i < readers.length; i++) out[names[i]!] = readers[i]!(data);
    return out;
  };
}
