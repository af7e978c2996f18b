import { readFileSync } from 'node:fs';
import { HrddError } from '../errors.js';

/** Reads a UTF-8 file; a missing or unreadable file is an `HrddError` naming the file and the reason. */
export function readTextFile(path: string, what = 'file'): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : String((error as Error).message);
    throw new HrddError(`cannot read ${what} ${path}: ${why}`, [], 'unreadable-file');
  }
}

/** Reads and parses a JSON file; bad JSON is an `HrddError` naming the file. */
export function readJsonFile(path: string, what = 'file'): unknown {
  const text = readTextFile(path, what);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HrddError(`${what} ${path} is not valid JSON: ${(error as Error).message}`, [], 'bad-json');
  }
}
