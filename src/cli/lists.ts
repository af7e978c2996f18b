import type { ScreeningIndexPort } from '../engine/index.js';

/** Restricted-party lists from `--lists` files (screening is added when the screening module is present). */
export function loadListsFromFiles(
  files: readonly string[],
): { index: ScreeningIndexPort; lists: { id: string; version: string; hash: string }[] } | undefined {
  if (files.length === 0) return undefined;
  return undefined;
}
