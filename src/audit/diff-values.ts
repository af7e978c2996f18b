/** One place where two JSON values differ. */
export interface Difference {
  path: string;
  recorded: unknown;
  replayed: unknown;
}

const key = (path: string, k: string | number) => (typeof k === 'number' ? `${path}[${k}]` : path ? `${path}.${k}` : k);

/** Where two JSON values differ, as paths (`findings[0].severity.level`), at most `limit` of them. */
export function diffValues(
  recorded: unknown,
  replayed: unknown,
  path = '',
  out: Difference[] = [],
  limit = 100,
): Difference[] {
  if (out.length >= limit || Object.is(recorded, replayed)) return out;
  if (Array.isArray(recorded) && Array.isArray(replayed)) {
    const n = Math.max(recorded.length, replayed.length);
    for (let i = 0; i < n; i++) diffValues(recorded[i], replayed[i], key(path, i), out, limit);
    return out;
  }
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObj(recorded) && isObj(replayed)) {
    for (const k of [...new Set([...Object.keys(recorded), ...Object.keys(replayed)])].sort()) {
      diffValues(recorded[k], replayed[k], key(path, k), out, limit);
    }
    return out;
  }
  out.push({ path, recorded, replayed });
  return out;
}
