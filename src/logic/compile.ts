import { HrddError } from '../errors.js';
import { overBudget, type Work } from './budget.js';
import { comparison, type Literal, membership, type Node } from './compare.js';
import { nextCopy } from './copies.js';
import { num } from './num.js';
import { collectReads } from './reads.js';
import * as sites from './sites.js';
import { isLogicNode, truthy } from './truthy.js';
import type { CompiledLogic, LogicOperation, LogicOperations, LogicOptions } from './types.js';
import { LOGIC_LIMITS } from './types.js';
import { validateLogic } from './validate.js';
import { isPlainKey, lookupVar, plainReader, walkPath } from './var.js';

const constant =
  (value: unknown): Node =>
  () =>
    value;
const UNDEFINED: Node = () => undefined;

// Three-argument `<` and `<=` ("between"), as json-logic-js applies them; two-argument comparisons are in compare.ts.
const loose = {
  lt: (a: unknown, b: unknown) => (a as number) < (b as number),
  le: (a: unknown, b: unknown) => (a as number) <= (b as number),
};

function missingKeys(data: unknown, values: readonly unknown[], work: Work): unknown[] {
  const keys = Array.isArray(values[0]) ? (values[0] as unknown[]) : values;
  work.steps += keys.length;
  if (work.steps > work.limit) overBudget(work);
  const missing: unknown[] = [];
  for (const key of keys) {
    const value = lookupVar(data, key);
    if (value === null || value === '') missing.push(key);
  }
  return missing;
}

function substr(source: unknown, start: unknown, end: unknown): string {
  const text = String(source);
  if ((end as number) < 0) {
    const temp = text.substr(start as number);
    return temp.substr(0, temp.length + (end as number));
  }
  return text.substr(start as number, end as number);
}

/**
 * Whether a `reduce` body could hand its scope object (`{current, accumulator}`) back or to an operation: a `var`
 * of the whole data (empty, null or computed path) anywhere outside a nested scope. Without one, the scope object
 * can be reused across steps.
 */
function exposesData(rule: unknown): boolean {
  if (Array.isArray(rule)) return rule.some(exposesData);
  if (!isLogicNode(rule)) return false;
  const name = Object.keys(rule)[0]!;
  const raw = rule[name];
  const args = Array.isArray(raw) ? raw : [raw];
  if (name === 'var') {
    const path = args[0];
    if (!(typeof path === 'string' || typeof path === 'number') || path === '') return true;
    return args.length > 1 && exposesData(args[1]);
  }
  // Bodies of nested scoped operations see their elements, not this scope; their lists still see it.
  if (name === 'map' || name === 'filter' || name === 'all' || name === 'none' || name === 'some') {
    return exposesData(args[0]);
  }
  if (name === 'reduce') return exposesData(args[0]) || exposesData(args[2]);
  return args.some(exposesData);
}

/** An array with no operation anywhere inside: evaluates to itself. */
function isLiteral(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(isLiteral);
  return !isLogicNode(value);
}

/** Adds steps to the work counter; past the budget, the rule stops with an `HrddError`. */
function charge(work: Work, steps: number): void {
  work.steps += steps;
  if (work.steps > work.limit) overBudget(work);
}

function arrayWork(values: readonly unknown[]): number {
  let n = 1;
  for (const v of values) if (Array.isArray(v)) n += v.length;
  return n;
}

class Compiler {
  /** Whether the node being compiled sees a `reduce` scope as its data (and not an element or the whole data). */
  private inReduce = false;

  constructor(private readonly operations: LogicOperations | undefined) {}

  /** Compiles `rule` as seen with the given data: the body of a `reduce` or of an element-wise operation. */
  private within(inReduce: boolean, rule: unknown): Node {
    const outer = this.inReduce;
    this.inReduce = inReduce;
    try {
      return this.compile(rule);
    } finally {
      this.inReduce = outer;
    }
  }

  compile(rule: unknown): Node {
    if (Array.isArray(rule)) {
      if (isLiteral(rule)) return constant(rule);
      const items = rule.map((r) => this.compile(r));
      return (data, work) => {
        const out = new Array<unknown>(items.length);
        for (let i = 0; i < items.length; i++) out[i] = items[i]!(data, work);
        return out;
      };
    }
    if (!isLogicNode(rule)) return constant(rule);
    const name = Object.keys(rule)[0]!;
    const raw = rule[name];
    const args = Array.isArray(raw) ? raw : [raw];
    return this.operator(name, args);
  }

  /** A literal argument as its value (see `comparison`), anything else compiled. */
  private literalOrNode(rule: unknown): Node | Literal {
    return isLiteral(rule) ? { value: rule } : this.compile(rule);
  }

  private all(args: readonly unknown[]): Node[] {
    return args.map((a) => this.compile(a));
  }

  private evaluator(args: readonly unknown[]): (data: unknown, work: Work) => unknown[] {
    const nodes = this.all(args);
    return (data, work) => {
      const out = new Array<unknown>(nodes.length);
      for (let i = 0; i < nodes.length; i++) out[i] = nodes[i]!(data, work);
      return out;
    };
  }

  private operator(name: string, args: readonly unknown[]): Node {
    const arg = (i: number): Node => (i < args.length ? this.compile(args[i]) : UNDEFINED);
    switch (name) {
      case 'var':
        return this.variable(args);
      case 'missing': {
        const values = this.evaluator(args);
        return (data, work) => missingKeys(data, values(data, work), work);
      }
      case 'missing_some': {
        const [need, options] = [arg(0), arg(1)];
        return (data, work) => {
          const n = need(data, work);
          const opts = options(data, work) as unknown[];
          const missing = missingKeys(data, Array.isArray(opts) ? opts : [opts], work);
          return opts.length - missing.length >= (n as number) ? [] : missing;
        };
      }
      case 'if':
      case '?:': {
        if (args.length === 3) {
          return nextCopy(sites.if3)(arg(0), arg(1), arg(2));
        }
        const nodes = this.all(args);
        return (data, work) => {
          work.steps++;
          let i = 0;
          for (; i < nodes.length - 1; i += 2) {
            if (truthy(nodes[i]!(data, work))) return nodes[i + 1]!(data, work);
          }
          return nodes.length === i + 1 ? nodes[i]!(data, work) : null;
        };
      }
      case 'and':
      case 'or': {
        const nodes = this.all(args);
        const stopOn = name === 'or';
        if (nodes.length === 2) {
          const [a, b] = nodes as [Node, Node];
          return nextCopy(stopOn ? sites.or2 : sites.and2)(a, b);
        }
        if (nodes.length === 3) {
          const [a, b, c] = nodes as [Node, Node, Node];
          return nextCopy(stopOn ? sites.or3 : sites.and3)(a, b, c);
        }
        return (data, work) => {
          work.steps++;
          let current: unknown;
          for (let i = 0; i < nodes.length; i++) {
            current = nodes[i]!(data, work);
            if (truthy(current) === stopOn) return current;
          }
          return current;
        };
      }
      case 'map':
      case 'filter':
      case 'all':
      case 'none':
      case 'some':
        return this.scoped(name, arg(0), this.within(false, args[1]));
      case 'reduce': {
        const list = arg(0);
        const body = this.within(true, args[1]);
        const initial = args.length > 2 ? arg(2) : constant(null);
        // A body that cannot see its scope object shares one across steps.
        if (!exposesData(args[1])) return nextCopy(sites.reduceReusingScope)(list, body, initial);
        return (data, work) => {
          const items = list(data, work);
          const start = initial(data, work);
          if (!Array.isArray(items)) return start;
          work.steps += items.length;
          if (work.steps > work.limit) overBudget(work);
          let accumulator = start;
          for (let i = 0; i < items.length; i++) accumulator = body({ current: items[i], accumulator }, work);
          return accumulator;
        };
      }
      case '!':
      case '!!': {
        const a = arg(0);
        const negate = name === '!';
        if (negate) return nextCopy(sites.not)(a);
        return (data, work) => truthy(a(data, work)) !== negate;
      }
      case '==':
      case '!=':
      case '===':
      case '!==':
      case '>':
      case '>=':
        return comparison(name, this.literalOrNode(args[0]), this.literalOrNode(args[1]));
      case '<':
      case '<=': {
        if (args.length === 2) return comparison(name, this.literalOrNode(args[0]), this.literalOrNode(args[1]));
        const [a, b, c] = [arg(0), arg(1), arg(2)];
        const f = name === '<' ? loose.lt : loose.le;
        return (data, work) => {
          const x = a(data, work);
          const y = b(data, work);
          const z = c(data, work);
          return z === undefined ? f(x, y) : f(x, y) && f(y, z);
        };
      }
      case '+': {
        if (args.length === 2) {
          return nextCopy(sites.add2)(arg(0), arg(1));
        }
        const values = this.evaluator(args);
        return (data, work) => {
          let sum = 0;
          for (const v of values(data, work)) sum = sum + num(v);
          return sum;
        };
      }
      case '*': {
        if (args.length === 2) {
          return nextCopy(sites.multiply2)(arg(0), arg(1));
        }
        const values = this.evaluator(args);
        return (data, work) => {
          const vs = values(data, work);
          let product = vs[0];
          for (let i = 1; i < vs.length; i++) product = num(product) * num(vs[i]);
          return product;
        };
      }
      case '-': {
        const [a, b] = [arg(0), arg(1)];
        return (data, work) => {
          const x = a(data, work);
          const y = b(data, work);
          return y === undefined ? -(x as number) : (x as number) - (y as number);
        };
      }
      case '/':
      case '%': {
        const [a, b] = [arg(0), arg(1)];
        return name === '/'
          ? (data, work) => (a(data, work) as number) / (b(data, work) as number)
          : (data, work) => (a(data, work) as number) % (b(data, work) as number);
      }
      case 'min':
      case 'max': {
        const values = this.evaluator(args);
        const f = name === 'min' ? Math.min : Math.max;
        return (data, work) => f(...(values(data, work) as number[]));
      }
      case 'in':
        return membership(this.literalOrNode(args[0]), this.literalOrNode(args[1]));
      case 'cat': {
        const values = this.evaluator(args);
        return (data, work) => {
          const text = values(data, work).join('');
          work.steps += 1 + text.length;
          if (work.steps > work.limit) overBudget(work);
          return text;
        };
      }
      case 'substr': {
        const [a, b, c] = [arg(0), arg(1), arg(2)];
        return (data, work) => substr(a(data, work), b(data, work), c(data, work));
      }
      case 'merge': {
        const values = this.evaluator(args);
        return (data, work) => {
          const merged = ([] as unknown[]).concat(...values(data, work));
          work.steps += 1 + merged.length;
          if (work.steps > work.limit) overBudget(work);
          return merged;
        };
      }
      default:
        return this.custom(name, args);
    }
  }

  private variable(args: readonly unknown[]): Node {
    const [path, fallback] = args;
    const literalPath = typeof path === 'string' || typeof path === 'number';
    if (literalPath && args.length < 2) {
      if (path === '') return (data) => data;
      const parts = String(path).split('.');
      if (!parts.every(isPlainKey)) return (data) => walkPath(data, parts, null);
      // In a reduce body the data always has the same two fields: read them by name, one object shape per copy.
      if (this.inReduce && parts[0] === 'accumulator' && parts.length === 1) return nextCopy(sites.readAccumulator)();
      if (this.inReduce && parts[0] === 'current') {
        const rest = parts.length > 1 ? plainReader(parts.slice(1)) : (value: unknown) => value;
        return nextCopy(sites.readCurrent)(rest);
      }
      return plainReader(parts);
    }
    const p = this.compile(path);
    const f = args.length > 1 ? this.compile(fallback) : UNDEFINED;
    return (data, work) => lookupVar(data, p(data, work), f(data, work));
  }

  private scoped(name: string, list: Node, body: Node): Node {
    switch (name) {
      case 'map':
        return (data, work) => {
          const items = list(data, work);
          if (!Array.isArray(items)) return [];
          work.steps += 1 + items.length;
          if (work.steps > work.limit) overBudget(work);
          const out = new Array<unknown>(items.length);
          for (let i = 0; i < items.length; i++) out[i] = body(items[i], work);
          return out;
        };
      case 'filter':
        return (data, work) => {
          const items = list(data, work);
          if (!Array.isArray(items)) return [];
          work.steps += 1 + items.length;
          if (work.steps > work.limit) overBudget(work);
          const out: unknown[] = [];
          for (let i = 0; i < items.length; i++) if (truthy(body(items[i], work))) out.push(items[i]);
          return out;
        };
      case 'all':
        return nextCopy(sites.all)(list, body);
      case 'none':
        return nextCopy(sites.none)(list, body);
      default:
        return nextCopy(sites.some)(list, body);
    }
  }

  private custom(name: string, args: readonly unknown[]): Node {
    const fn = (this.operations as Record<string, LogicOperation>)[name]!.fn;
    // Work: one step plus the length of every array argument. One and two arguments (every operation the engine
    // supplies) are called directly, without an argument array.
    if (args.length === 1) return nextCopy(sites.custom1)(fn, this.compile(args[0]));
    if (args.length === 2) return nextCopy(sites.custom2)(fn, this.compile(args[0]), this.compile(args[1]));
    const values = this.evaluator(args);
    return (data, work) => {
      const vs = values(data, work);
      charge(work, arrayWork(vs));
      return fn(...vs);
    };
  }
}

/** Throws an `HrddError` listing every problem `validateLogic` finds. */
export function assertValidLogic(rule: unknown, options: LogicOptions = {}): void {
  const issues = validateLogic(rule, options);
  if (issues.length > 0) throw new HrddError('Invalid JsonLogic rule', issues, 'logic-invalid');
}

/**
 * Compiles a JsonLogic rule once into plain closures (no `eval`, no `new Function`), with json-logic-js 2.0.5
 * semantics except that `var` reads own properties only. Each call counts its work and throws an `HrddError`
 * (code `logic-budget`) past `options.budget` steps.
 */
export function compileLogic(rule: unknown, options: LogicOptions = {}): CompiledLogic {
  assertValidLogic(rule, options);
  const root = new Compiler(options.operations).compile(rule);
  const limit = options.budget ?? LOGIC_LIMITS.budget;
  const reads = collectReads(rule, options.operations);
  // One work counter per compiled rule, reset per call: evaluation is synchronous and never re-entrant.
  const work = { steps: 0, limit };
  const evaluate = nextCopy(sites.entry)(root, work);
  return Object.assign(evaluate, { reads }) as CompiledLogic;
}
