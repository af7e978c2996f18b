import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { HrddError } from '../errors.js';
import { checkDepth } from '../model/index.js';

/** Why a file cannot be written, in words, from the error of the attempt. */
function writeFailure(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `no such directory ${dirname(path)}`;
  if (code === 'ENOTDIR') return `${dirname(path)} is not a directory`;
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES' || code === 'EPERM') return `permission denied (is ${dirname(path)} read-only?)`;
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOSPC') return 'no space left on the device';
  return code ?? String((error as Error).message);
}

/** Checks, before any work, that `path` can be written (creating it empty if absent); else an `HrddError` naming it. */
export function checkWritable(path: string, what = 'output'): void {
  try {
    closeSync(openSync(path, 'a'));
  } catch (error) {
    throw new HrddError(`cannot write ${what} ${path}: ${writeFailure(path, error)}`, [], 'unwritable-file');
  }
}

/** Writes a UTF-8 file; a missing or read-only directory is an `HrddError` naming the file, never a stack trace. */
export function writeTextFile(path: string, text: string, what = 'output'): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new HrddError(`cannot write ${what} ${path}: ${writeFailure(path, error)}`, [], 'unwritable-file');
  }
}

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

/**
 * How deeply any JSON file read here may nest: above the JsonLogic limit plus a rule set's own levels, far below
 * the call-stack limit of the recursive steps that follow (schema checks, hashing). Inputs have stricter limits.
 */
export const MAX_FILE_DEPTH = 512;

/** Reads and parses a JSON file; bad JSON, or JSON nested absurdly deep, is an `HrddError` naming the file. */
export function readJsonFile(path: string, what = 'file'): unknown {
  const text = readTextFile(path, what);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new HrddError(`${what} ${path} is not valid JSON: ${(error as Error).message}`, [], 'bad-json');
  }
  checkDepth(value, `${what} ${path}`, '', MAX_FILE_DEPTH);
  return value;
}
