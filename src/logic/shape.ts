import { distance } from 'fastest-levenshtein';
import type { HrddIssue } from '../errors.js';
import { type LogicNode, type ParsedLogic, where } from './parse.js';
import { eachRead } from './reads.js';

/**
 * The shape of the data a rule reads, for static checks of its paths (like `opa check`): an object with known
 * fields, a record with any keys (countries by code), a list, a value with no fields (strings have `length`), or
 * anything (not checked below).
 */
export type FactShape =
  | { readonly kind: 'object'; readonly fields: Readonly<Record<string, FactShape>> }
  | { readonly kind: 'record'; readonly values: FactShape }
  | { readonly kind: 'array'; readonly element: FactShape }
  | { readonly kind: 'value' }
  | { readonly kind: 'any' };

export const shapes = {
  value: { kind: 'value' } as FactShape,
  any: { kind: 'any' } as FactShape,
  object: (fields: Record<string, FactShape>): FactShape => ({ kind: 'object', fields }),
  record: (values: FactShape): FactShape => ({ kind: 'record', values }),
  array: (element: FactShape): FactShape => ({ kind: 'array', element }),
};

/** The shape of a JSON value as it is (rule-set parameters): lists by their first element. */
export function shapeOfValue(value: unknown): FactShape {
  if (Array.isArray(value)) return shapes.array(value.length > 0 ? shapeOfValue(value[0]) : shapes.any);
  if (typeof value === 'object' && value !== null) {
    const fields: Record<string, FactShape> = {};
    for (const key of Object.keys(value)) fields[key] = shapeOfValue((value as Record<string, unknown>)[key]);
    return shapes.object(fields);
  }
  return shapes.value;
}

const INDEX = /^(?:0|[1-9]\d*)$/;

/** The shape at a path, or why there is none (with the nearest existing path, when one is close). */
export function resolvePath(
  shape: FactShape,
  path: string,
): { shape: FactShape; problem?: undefined } | { shape?: undefined; problem: string } {
  const parts = path.split('.');
  let current = shape;
  for (let i = 0; i < parts.length; i++) {
    const key = parts[i]!;
    const here = parts.slice(0, i).join('.') || 'the data';
    if (current.kind === 'any') return { shape: shapes.any };
    if (current.kind === 'record') current = current.values;
    else if (current.kind === 'array') {
      if (key === 'length') current = shapes.value;
      else if (INDEX.test(key)) current = current.element;
      else return { problem: `${here} is a list: "${key}" is not an index${hint(shape, parts, i, ['length'])}` };
    } else if (current.kind === 'value') {
      if (key === 'length' && i === parts.length - 1) return { shape: shapes.value };
      return { problem: `${here} is a value with no field "${key}"` };
    } else if (Object.hasOwn(current.fields, key)) current = current.fields[key]!;
    else return { problem: `no "${key}" in ${here}${hint(shape, parts, i, Object.keys(current.fields))}` };
  }
  return { shape: current };
}

/** Names close to `name` (edit distance within a third of its length), closest first. */
export function closest(name: string, names: Iterable<string>): string[] {
  return [...names]
    .map((candidate) => ({ candidate, d: distance(name.toLowerCase(), candidate.toLowerCase()) }))
    .filter(({ candidate, d }) => d <= Math.max(1, Math.floor(Math.max(name.length, candidate.length) / 3)))
    .sort((a, b) => a.d - b.d || (a.candidate < b.candidate ? -1 : 1))
    .map(({ candidate }) => candidate);
}

/** "; did you mean …?" with the closest name at position i, when it is close and the rest of the path then exists. */
function hint(root: FactShape, parts: readonly string[], i: number, names: readonly string[]): string {
  const near = closest(parts[i]!, names);
  for (const name of near) {
    const candidate = [...parts.slice(0, i), name, ...parts.slice(i + 1)].join('.');
    if (resolvePath(root, candidate).shape) return `; did you mean "${candidate}"?`;
  }
  return near.length > 0 ? `; did you mean "${[...parts.slice(0, i), near[0]!].join('.')}"?` : '';
}

/** The element shape of a list shape (anything for an unchecked shape), or undefined when it is not a list. */
export const elementOf = (shape: FactShape | undefined): FactShape | undefined =>
  shape?.kind === 'array' ? shape.element : shape?.kind === 'any' ? shapes.any : undefined;

/**
 * Every fixed path a rule reads, checked against the shape of its data: `var` paths and the literal keys of
 * `missing`/`missing_some`; inside map/filter/all/none/some the element's shape (when the list is a fixed path)
 * and inside reduce `{ current, accumulator }`. Issues carry the rule-relative JSON path of the read.
 */
export function checkPaths(parsed: ParsedLogic | LogicNode, shape: FactShape): HrddIssue[] {
  const issues: HrddIssue[] = [];
  const visit = (root: LogicNode, scope: FactShape | undefined): void =>
    eachRead(
      root,
      (node, path) => {
        const problem = scope && path ? resolvePath(scope, path).problem : undefined;
        if (problem) issues.push({ path: where(node), message: `reads "${path}": ${problem}` });
      },
      ({ args: [list, body], facts }) => {
        const listShape =
          scope && list?.kind === 'var' && list.path && list.args.length < 2
            ? resolvePath(scope, list.path).shape
            : undefined;
        const element = elementOf(listShape);
        const reduce = shapes.object({ current: element ?? shapes.any, accumulator: shapes.any });
        visit(body!, facts.scope === 'reduce' ? reduce : element);
      },
    );
  visit('tree' in parsed ? parsed.tree : parsed, shape);
  return issues;
}

/** Whether a zod 4 schema node wraps another (optional, nullable, default, …): its inner schema. */
interface ZodLike {
  def: {
    type: string;
    shape?: Record<string, ZodLike>;
    element?: ZodLike;
    innerType?: ZodLike;
    valueType?: ZodLike;
    options?: ZodLike[];
    in?: ZodLike;
    out?: ZodLike;
    left?: ZodLike;
    right?: ZodLike;
    items?: ZodLike[];
    getter?: () => ZodLike;
  };
}

/**
 * The shape of a zod 4 schema, read through its introspection (`schema.def`): objects, arrays, records, unions
 * (fields of every object option), and wrappers (optional, nullable, default, pipe, lazy). A field that is
 * optional in the schema is a path like any other: reading it is fine, it may be null.
 */
export function shapeOfSchema(schema: unknown, depth = 0): FactShape {
  const def = (schema as ZodLike | undefined)?.def;
  if (!def || depth > 32) return shapes.any;
  const inner = (s: ZodLike | undefined) => shapeOfSchema(s, depth + 1);
  switch (def.type) {
    case 'object': {
      const fields: Record<string, FactShape> = {};
      for (const key of Object.keys(def.shape ?? {})) fields[key] = inner(def.shape![key]);
      return shapes.object(fields);
    }
    case 'array':
      return shapes.array(inner(def.element));
    case 'tuple':
      return shapes.array(shapes.any);
    case 'record':
      return shapes.record(inner(def.valueType));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner(def.innerType);
    case 'pipe':
      return inner(def.out?.def.type === 'transform' ? def.in : def.out);
    case 'lazy':
      return def.getter ? inner(def.getter()) : shapes.any;
    case 'union': {
      const options = (def.options ?? []).map(inner);
      if (options.every((o) => o.kind === 'value')) return shapes.value;
      const objects = options.filter((o) => o.kind === 'object');
      if (objects.length !== options.filter((o) => o.kind !== 'value').length) return shapes.any;
      const fields: Record<string, FactShape> = {};
      for (const o of objects) Object.assign(fields, o.kind === 'object' ? o.fields : {});
      return shapes.object(fields);
    }
    case 'intersection': {
      const [l, r] = [inner(def.left), inner(def.right)];
      if (l.kind === 'object' && r.kind === 'object') return shapes.object({ ...l.fields, ...r.fields });
      return shapes.any;
    }
    case 'unknown':
    case 'any':
      return shapes.any;
    default:
      return shapes.value;
  }
}
