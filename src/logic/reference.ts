import jsonLogic from 'json-logic-js';
import { checkedTree } from './check.js';
import { compileLogic } from './compile.js';
import type { LogicNode } from './parse.js';
import { readsOf } from './reads.js';
import type { CompiledLogic, LogicOptions } from './types.js';
import { missingOf, missingSomeOf } from './values.js';

/** Prefix under which hrdd's operations are visible to json-logic-js, only while one of its rules runs. */
export const REFERENCE_PREFIX = 'hrdd:';

/** The tree back as json-logic-js input, each operator run as its facts say (see `OperatorFacts.reference`). */
function toReference(node: LogicNode): unknown {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'array':
      return node.items.map(toReference);
    case 'var':
      return { var: node.args.map(toReference) };
    default: {
      const args = node.args.map(toReference);
      if (node.facts.reference === 'hrdd') return { [REFERENCE_PREFIX + node.op]: args };
      if (node.facts.reference === 'haystack')
        return { [node.op]: [args[0], { [`${REFERENCE_PREFIX}haystack`]: [args[1]] }] };
      return { [node.op]: args };
    }
  }
}

/** hrdd's own operations as json-logic-js calls them (with the data as `this`). */
const OWN: Record<string, (this: unknown, ...args: unknown[]) => unknown> = {
  missing(...args) {
    return missingOf(this, args);
  },
  missing_some(need, options) {
    return missingSomeOf(this, need, options);
  },
  haystack: (value) => (typeof value === 'string' || Array.isArray(value) ? value : null),
};

const asText = { [Symbol.toPrimitive]: { value: () => '[object Object]' } };

/**
 * Copies JSON data, each object made by `make`: into null-prototype objects, so json-logic-js's `var` cannot reach
 * Object.prototype (a symbol-keyed `Symbol.toPrimitive`, unreachable by `var`, keeps comparisons with whole objects
 * as in JavaScript), and a result back into ordinary objects.
 */
function copy(value: unknown, make: () => Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((v) => copy(v, make));
  if (value === null || typeof value !== 'object') return value;
  const out = make();
  for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key], make);
  return out;
}
const ownOnly = () => Object.create(null, asText) as Record<string, unknown>;
const plain = () => ({});

/**
 * The same rule evaluated by json-logic-js 2.0.5 itself — the reference implementation, for auditors.
 *
 * - It runs the tree every phase works from, so only rules that pass validation run; each call first runs the
 *   compiled rule under the same work budget, so a hostile rule fails the same way in both evaluators.
 * - hrdd's operations (custom ones, `missing`, `missing_some`, and the haystack guard of `in`) are registered on
 *   json-logic-js's table under `hrdd:<name>` just for the duration of one synchronous call and removed
 *   afterwards: json-logic-js's other users never see them, and none of their operators is replaced.
 * - Objects in the data are copied with a null prototype, so `var` reads own properties only. Method names
 *   reached through arrays or strings (`list.map`) still differ: the compiled evaluator gives `null`.
 */
export function compileReference(rule: unknown, options: LogicOptions = {}): CompiledLogic {
  const parsed = checkedTree(rule, options);
  const guarded = compileLogic(parsed, options);
  const translated = toReference(parsed.tree) as jsonLogic.RulesLogic;
  const operations = parsed.operations ?? {};
  const own: [string, (...args: unknown[]) => unknown][] = [
    ...Object.entries(OWN),
    ...Object.keys(operations).map((name): [string, (...args: unknown[]) => unknown] => {
      const fn = operations[name]!.fn;
      return [name, (...args) => fn(...args)];
    }),
  ];
  const evaluate = (data: unknown): unknown => {
    guarded(data); // enforces the work budget; throws HrddError past it
    for (const [name, fn] of own) jsonLogic.add_operation(REFERENCE_PREFIX + name, fn);
    try {
      return copy(jsonLogic.apply(translated, copy(data, ownOnly)), plain);
    } finally {
      for (const [name] of own) jsonLogic.rm_operation(REFERENCE_PREFIX + name);
    }
  };
  return Object.assign(evaluate, { reads: readsOf(parsed.tree).paths }) as CompiledLogic;
}
