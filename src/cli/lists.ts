import { basename } from 'node:path';
import type { DataIdentity } from '../engine/index.js';
import {
  buildScreeningIndex,
  type ListEntry,
  listIdentity,
  parseScreeningList,
  type ScreeningIndex,
} from '../screening/index.js';
import { readTextFile } from './io.js';

/** Restricted-party lists from `--lists` files (CSL CSV or JSON), indexed once, with their identities for provenance. */
export function loadListsFromFiles(
  files: readonly string[],
): { index: ScreeningIndex; lists: DataIdentity[] } | undefined {
  if (files.length === 0) return undefined;
  const all: ListEntry[] = [];
  const lists: DataIdentity[] = [];
  for (const file of files) {
    const entries = parseScreeningList(readTextFile(file, 'list'));
    all.push(...entries);
    lists.push(listIdentity(basename(file), entries));
  }
  return { index: buildScreeningIndex(all), lists };
}
