import { HrddError } from '../errors.js';

/** Work done in one evaluation, counted in steps (nodes evaluated, array elements visited, characters built). */
export interface Work {
  steps: number;
  readonly limit: number;
}

/** Throws the `HrddError` (code `logic-budget`) of a rule that went past its work budget. */
export function overBudget(work: Work): never {
  throw new HrddError(
    `rule exceeded its work budget of ${work.limit} steps`,
    [{ path: '', message: `work budget of ${work.limit} steps exceeded (too many array elements or too much text)` }],
    'logic-budget',
  );
}
