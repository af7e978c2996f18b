import { overBudget, type Work } from './budget.js';

/** `in`: substring or array membership, its scan counted as work. */
export function contains(needle: unknown, haystack: unknown, work: Work): boolean {
  if (typeof haystack === 'string') {
    work.steps += 1 + (haystack.length >> 4);
    if (work.steps > work.limit) overBudget(work);
    return haystack.indexOf(needle as string) !== -1;
  }
  if (Array.isArray(haystack)) {
    work.steps += 1 + haystack.length;
    if (work.steps > work.limit) overBudget(work);
    return haystack.indexOf(needle) !== -1;
  }
  return false;
}
