// Which copy of a closure template (sites.ts) a new closure takes. Only speed depends on the choice, never a result.

const turns = new Map<readonly unknown[], number>();

/** The next copy in turn: consecutive closures of one operator, across all compiled rules, get different copies. */
export function nextCopy<T>(copies: readonly T[]): T {
  const turn = turns.get(copies) ?? 0;
  turns.set(copies, (turn + 1) % copies.length);
  return copies[turn]!;
}

/** The copy for a `var` path: one path always the same copy (its reads see one key), paths spread over the copies. */
export function copyForPath<T>(copies: readonly T[], path: string): T {
  // FNV-1a, its high bits folded into the low ones (copy counts are powers of two).
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) hash = Math.imul(hash ^ path.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  return copies[(hash >>> 0) % copies.length]!;
}
