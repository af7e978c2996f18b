import { checkedTree, cost } from './check.js';
import type { LogicNode, OpNode, VarNode } from './parse.js';
import { readsOf } from './reads.js';
import { type CompiledLogic, LOGIC_LIMITS, type LogicOptions } from './types.js';
import { contains, lookupVar, missingOf, missingSomeOf, num, pathReader, substr, truthy } from './values.js';
import { charge, type Work } from './work.js';

/** A compiled node: evaluates against the data, counting its work. */
type Fn = (data: unknown, work: Work) => unknown;

/**
 * The compiler's ideas, each kept because it pays on the real workload (bench/rules.bench.ts): fixed paths split
 * once into per-depth readers, dedicated closures for the usual small arities of `and`, `or`, `if`, `+` and
 * custom operations, and shared subexpressions (an operation written more than once in a rule, such as one
 * lower-cased text searched for many terms, evaluated once per evaluation). Off only to measure them. Measured
 * too and removed, no gain there: literal operands held in their comparison's closure, and a rule set's parameters
 * read once when the rule is compiled.
 */
export interface CompilerIdeas {
  presplit: boolean;
  arities: boolean;
  shared: boolean;
}
const ALL_IDEAS: CompilerIdeas = { presplit: true, arities: true, shared: true };

/** The work counter of a compiled rule, with the number of its current evaluation (for shared subexpressions). */
interface Run extends Work {
  evaluation: number;
}

/**
 * The shared subexpressions of a rule: operations written more than once and evaluated against the rule's own data
 * (not inside a loop's body, where the data is each element), each occurrence with the number of the slot holding
 * their value for one evaluation.
 */
function sharedSlots(tree: LogicNode): Map<LogicNode, number> {
  const byKey = new Map<string, LogicNode[]>();
  let unique = 0;
  const keyOf = (n: LogicNode, inBody: boolean): string => {
    let key: string;
    // A literal JSON text does not tell apart (-0 and 0, NaN and null): such a literal makes its operation unique.
    if (n.kind === 'literal') key = jsonFaithful(n.value) ? `L${JSON.stringify(n.value)}` : `#${unique++}`;
    else if (n.kind === 'array') key = `A(${n.items.map((i) => keyOf(i, inBody)).join(',')})`;
    else {
      const scoped = n.kind === 'op' && n.facts.scope !== undefined;
      const args = n.args.map((a, i) => keyOf(a, inBody || (scoped && i > 0)));
      key = `${n.kind === 'var' ? 'var' : JSON.stringify(n.op)}(${args.join(',')})`;
    }
    if (!inBody && n.kind === 'op') {
      const same = byKey.get(key);
      if (same) same.push(n);
      else byKey.set(key, [n]);
    }
    return key;
  };
  keyOf(tree, false);
  const shared = [...byKey.values()].filter((nodes) => nodes.length > 1);
  return new Map(shared.flatMap((nodes, slot) => nodes.map((n): [LogicNode, number] => [n, slot])));
}

const UNDEFINED: Fn = () => undefined;

// biome-ignore-start lint/suspicious/noDoubleEquals: json-logic-js's == and != are JavaScript's loose (in)equality
/** Operators of one or two evaluated operands (`<` and `<=` also take three: a range). */
const BINARY: Record<string, (x: unknown, y: unknown) => unknown> = {
  '==': (x, y) => x == y,
  '!=': (x, y) => x != y,
  '===': (x, y) => x === y,
  '!==': (x, y) => x !== y,
  '>': (x, y) => (x as number) > (y as number),
  '>=': (x, y) => (x as number) >= (y as number),
  '<': (x, y) => (x as number) < (y as number),
  '<=': (x, y) => (x as number) <= (y as number),
  '-': (x, y) => (y === undefined ? -(x as number) : (x as number) - (y as number)),
  '/': (x, y) => (x as number) / (y as number),
  '%': (x, y) => (x as number) % (y as number),
};
// biome-ignore-end lint/suspicious/noDoubleEquals: json-logic-js semantics

/** Whether JSON text tells the value apart from every other: plain data of finite numbers other than -0. */
function jsonFaithful(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(jsonFaithful);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(jsonFaithful);
}

/** The values of several compiled nodes, in order. */
function valuesOf(fns: readonly Fn[]): (data: unknown, work: Work) => unknown[] {
  return (data, work) => {
    const out = new Array<unknown>(fns.length);
    for (let i = 0; i < fns.length; i++) out[i] = fns[i]!(data, work);
    return out;
  };
}

/** Steps a custom operation charges for an argument as it runs: the length of an array. */
const lengthOf = (value: unknown): number => (Array.isArray(value) ? value.length : 0);

class Compiler {
  /** Per shared slot: its value, the work its first evaluation charged, and the evaluation it belongs to. */
  private readonly slotStates: { value: unknown; charged: number; filled: number }[] = [];

  constructor(
    private readonly ideas: CompilerIdeas,
    private readonly slots: ReadonlyMap<LogicNode, number> = new Map(),
  ) {}

  node(n: LogicNode): Fn {
    const slot = this.slots.get(n);
    return slot === undefined ? this.plain(n) : this.shared(slot, this.plain(n));
  }

  /**
   * A shared subexpression: evaluated the first time an evaluation needs it, then its value reused. A reuse charges
   * the work the first evaluation charged, so the budget counts exactly what evaluating it again would.
   */
  private shared(slot: number, fn: Fn): Fn {
    this.slotStates[slot] ??= { value: undefined, charged: 0, filled: -1 };
    const state = this.slotStates[slot];
    return (data, work) => {
      const run = work as Run;
      if (state.filled === run.evaluation) {
        if (state.charged > 0) charge(work, state.charged);
        return state.value;
      }
      const before = work.steps;
      state.value = fn(data, work);
      state.charged = work.steps - before;
      state.filled = run.evaluation;
      return state.value;
    };
  }

  private plain(n: LogicNode): Fn {
    if (n.kind === 'literal') {
      const value = n.value;
      return () => value;
    }
    if (n.kind === 'array') return valuesOf(n.items.map((item) => this.node(item)));
    if (n.kind === 'var') return this.variable(n);
    if (n.facts.scope) return this.loop(n);
    return this.operator(
      n,
      n.args.map((a) => this.node(a)),
    );
  }

  private variable(n: VarNode): Fn {
    if (n.path !== undefined && n.args.length < 2) {
      const path = n.path;
      return this.ideas.presplit ? pathReader(path) : (data) => lookupVar(data, path);
    }
    const [key = UNDEFINED, fallback = UNDEFINED] = n.args.map((a) => this.node(a));
    return (data, work) => lookupVar(data, key(data, work), fallback(data, work));
  }

  private operator(n: OpNode, fns: Fn[]): Fn {
    const [a = UNDEFINED, b = UNDEFINED, c = UNDEFINED] = fns;
    const values = valuesOf(fns);
    const small = this.ideas.arities;
    switch (n.op) {
      case 'missing':
        return (data, work) => {
          const vs = values(data, work);
          charge(work, Array.isArray(vs[0]) ? vs[0].length : vs.length);
          return missingOf(data, vs);
        };
      case 'missing_some':
        return (data, work) => {
          const need = a(data, work);
          const options = b(data, work);
          charge(work, Array.isArray(options) ? options.length : 1);
          return missingSomeOf(data, need, options);
        };
      case 'if':
      case '?:':
        if (small && fns.length === 3) return (data, work) => (truthy(a(data, work)) ? b(data, work) : c(data, work));
        return (data, work) => {
          let i = 0;
          for (; i < fns.length - 1; i += 2) if (truthy(fns[i]!(data, work))) return fns[i + 1]!(data, work);
          return fns.length === i + 1 ? fns[i]!(data, work) : null;
        };
      case 'and':
      case 'or':
        return this.logical(n.op === 'or', fns);
      case '!':
        return (data, work) => !truthy(a(data, work));
      case '!!':
        return (data, work) => truthy(a(data, work));
      case '+':
        if (small && fns.length === 2) return (data, work) => 0 + num(a(data, work)) + num(b(data, work));
        return (data, work) => values(data, work).reduce((total: number, v) => total + num(v), 0);
      case '*':
        return (data, work) => values(data, work).reduce((product, v) => num(product) * num(v));
      case 'min':
        return (data, work) => Math.min(...(values(data, work) as number[]));
      case 'max':
        return (data, work) => Math.max(...(values(data, work) as number[]));
      case 'in':
        // Substring or array membership, the scan counted as work.
        return (data, work) => {
          const x = a(data, work);
          const y = b(data, work);
          charge(work, 1 + (typeof y === 'string' ? y.length >> 4 : Array.isArray(y) ? y.length : 0));
          return contains(x, y);
        };
      case 'cat':
        return (data, work) => {
          const text = values(data, work).join('');
          charge(work, 1 + text.length);
          return text;
        };
      case 'substr':
        return (data, work) => substr(a(data, work), b(data, work), c(data, work));
      case 'merge':
        return (data, work) => {
          const merged = ([] as unknown[]).concat(...values(data, work));
          charge(work, 1 + merged.length);
          return merged;
        };
    }
    if (n.custom) return this.custom(n.custom.fn, fns);
    const f = BINARY[n.op]!;
    if (fns.length < 3) return (data, work) => f(a(data, work), b(data, work));
    return (data, work) => {
      const x = a(data, work);
      const y = b(data, work);
      const z = c(data, work);
      return z === undefined ? f(x, y) : f(x, y) && f(y, z);
    };
  }

  private logical(stopOn: boolean, fns: readonly Fn[]): Fn {
    if (this.ideas.arities && fns.length === 2) {
      const [a, b] = fns as [Fn, Fn];
      return stopOn
        ? (data, work) => {
            const first = a(data, work);
            return truthy(first) ? first : b(data, work);
          }
        : (data, work) => {
            const first = a(data, work);
            return truthy(first) ? b(data, work) : first;
          };
    }
    return (data, work) => {
      let current: unknown;
      for (let i = 0; i < fns.length; i++) {
        current = fns[i]!(data, work);
        if (truthy(current) === stopOn) return current;
      }
      return current;
    };
  }

  /** map, filter, all, none, some, reduce: each element charged at its body's cost before the loop runs. */
  private loop(n: OpNode): Fn {
    const [list, body, initial = () => null] = n.args.map((a) => this.node(a)) as [Fn, Fn, Fn?];
    const per = Math.max(1, cost(n.args[1]!, true));
    const elements = (data: unknown, work: Work): unknown[] | undefined => {
      const items = list(data, work);
      if (!Array.isArray(items)) return undefined;
      charge(work, items.length * per);
      return items;
    };
    switch (n.op) {
      case 'map':
        return (data, work) => {
          const items = elements(data, work) ?? [];
          const out = new Array<unknown>(items.length);
          for (let i = 0; i < items.length; i++) out[i] = body(items[i], work);
          return out;
        };
      case 'filter':
        return (data, work) => {
          const items = elements(data, work) ?? [];
          const out: unknown[] = [];
          for (let i = 0; i < items.length; i++) if (truthy(body(items[i], work))) out.push(items[i]);
          return out;
        };
      case 'reduce':
        return (data, work) => {
          const items = elements(data, work) ?? [];
          let accumulator = initial(data, work);
          for (let i = 0; i < items.length; i++) accumulator = body({ current: items[i], accumulator }, work);
          return accumulator;
        };
    }
    // all, none, some: the first element that decides stops the loop (a truthy one for some and none, a falsy one
    // for all); an empty list or a non-list gives true for none, false for all and some.
    const [stopOn, decided, empty] = n.op === 'all' ? [false, false, false] : [true, n.op === 'some', n.op === 'none'];
    return (data, work) => {
      const items = elements(data, work);
      if (!items || items.length === 0) return empty;
      for (let i = 0; i < items.length; i++) if (truthy(body(items[i], work)) === stopOn) return decided;
      return !decided;
    };
  }

  /** A custom operation: one step plus the length of every array argument, charged before it runs. */
  private custom(fn: (...args: unknown[]) => unknown, fns: readonly Fn[]): Fn {
    const [a, b] = fns as [Fn, Fn];
    if (this.ideas.arities && fns.length === 1)
      return (data, work) => {
        const x = a(data, work);
        charge(work, lengthOf(x));
        return fn(x);
      };
    if (this.ideas.arities && fns.length === 2)
      return (data, work) => {
        const x = a(data, work);
        const y = b(data, work);
        charge(work, lengthOf(x) + lengthOf(y));
        return fn(x, y);
      };
    const values = valuesOf(fns);
    return (data, work) => {
      const vs = values(data, work);
      charge(
        work,
        vs.map(lengthOf).reduce((a, b) => a + b, 0),
      );
      return fn(...vs);
    };
  }
}

/** Throws an `HrddError` listing every problem `validateLogic` finds. */
export function assertValidLogic(rule: unknown, options: LogicOptions = {}): void {
  checkedTree(rule, options);
}

/**
 * Compiles a JsonLogic rule once into plain closures (no `eval`, no `new Function`), with json-logic-js 2.0.5
 * semantics except that `var` reads own properties only. Each call counts its work and throws an `HrddError`
 * (code `logic-budget`) past `options.budget` steps.
 */
export function compileLogic(rule: unknown, options: LogicOptions = {}): CompiledLogic {
  return compileWithIdeas(rule, options, ALL_IDEAS);
}

/** `compileLogic` with some of the compiler's ideas switched off: for the bench, which shows what each pays. */
export function compileWithIdeas(rule: unknown, options: LogicOptions, ideas: CompilerIdeas): CompiledLogic {
  const parsed = checkedTree(rule, options);
  const root = new Compiler(ideas, ideas.shared ? sharedSlots(parsed.tree) : undefined).node(parsed.tree);
  const start = cost(parsed.tree, true);
  // One work counter per compiled rule, reset per call: evaluation is synchronous and never re-entrant.
  const work: Run = { steps: 0, limit: options.budget ?? LOGIC_LIMITS.budget, evaluation: 0 };
  const evaluate = (data: unknown): unknown => {
    work.steps = start;
    work.evaluation++;
    return root(data, work);
  };
  return Object.assign(evaluate, { reads: readsOf(parsed.tree).paths }) as CompiledLogic;
}
