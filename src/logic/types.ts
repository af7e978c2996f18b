/** A custom operation: a pure function of its (already evaluated) arguments, with a declared arity. */
export interface LogicOperation {
  /** Exact number of arguments, or `[min, max]` (`max` may be `Infinity`). */
  arity: number | readonly [min: number, max: number];
  fn: (...args: unknown[]) => unknown;
}

/** Custom operations by name, registered per compiled context — never globally. */
export type LogicOperations = Readonly<Record<string, LogicOperation>>;

export interface LogicOptions {
  operations?: LogicOperations;
  /** Deepest nesting accepted (default 200). Checked iteratively before anything recursive touches the rule. */
  maxDepth?: number;
  /** Most nodes (operators, arrays and literals) accepted in one rule (default 20,000). */
  maxNodes?: number;
  /**
   * Work budget per evaluation in steps (default 1,000,000): one per operator applied and per operand beyond an
   * operator's second, multiplied by the elements a loop runs over, plus array elements scanned and characters
   * built. A rule whose worst case, bounded statically, exceeds it is rejected when it loads.
   */
  budget?: number;
}

/** A compiled rule: call it with the data; `reads` lists the `var` paths it reads, found statically. */
export interface CompiledLogic {
  (data: unknown): unknown;
  readonly reads: readonly string[];
}

export type EvaluatorKind = 'compiled' | 'reference';

export const LOGIC_LIMITS = { maxDepth: 200, maxNodes: 20_000, budget: 1_000_000 } as const;
