import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { type LogEntry, nextEntry, type VerifyResult, verifyLog } from '../audit/index.js';
import { HrddError } from '../errors.js';

const sleeper = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => Atomics.wait(sleeper, 0, 0, ms);

/**
 * Runs `fn` holding `<file>.lock`, created exclusively (O_EXCL), so two writers — threads or processes — never
 * interleave or fork the chain. A lock older than `staleMs` is taken to be left by a crashed writer and removed.
 */
export function withFileLock<T>(file: string, fn: () => T, { timeoutMs = 30_000, staleMs = 60_000 } = {}): T {
  const lock = `${file}.lock`;
  const deadline = Date.now() + timeoutMs;
  let wait = 2;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(lock).mtimeMs > staleMs) unlinkSync(lock);
      } catch {
        // the other writer released it meanwhile
      }
      if (Date.now() > deadline)
        throw new HrddError(`could not lock ${file}`, [{ path: lock, message: 'another writer holds the lock' }]);
      sleep(wait + Math.floor(Math.random() * wait));
      wait = Math.min(wait * 2, 100);
    }
  }
  try {
    return fn();
  } finally {
    unlinkSync(lock);
  }
}

/** The last line of a file, read from its end (logs grow large). */
function lastLine(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    let chunk = 64 * 1024;
    for (;;) {
      const start = Math.max(0, size - chunk);
      const buffer = Buffer.alloc(size - start);
      readSync(fd, buffer, 0, buffer.length, start);
      const text = buffer.toString('utf8').replace(/\n+$/, '');
      const nl = text.lastIndexOf('\n');
      if (nl >= 0 || start === 0) return text.slice(nl + 1) || undefined;
      chunk *= 4;
    }
  } finally {
    closeSync(fd);
  }
}

/** Appends records to a hash-chained NDJSON decision log under a lock; returns the entries written. */
export function appendToLog(file: string, records: readonly unknown[]): LogEntry[] {
  return withFileLock(file, () => {
    const last = lastLine(file);
    let previous: LogEntry | undefined;
    if (last !== undefined) {
      try {
        previous = JSON.parse(last) as LogEntry;
      } catch {
        throw new HrddError(`decision log ${file} is damaged`, [{ path: file, message: 'the last line is not JSON' }]);
      }
    }
    const entries: LogEntry[] = [];
    for (const record of records) {
      previous = nextEntry(previous, record);
      entries.push(previous);
    }
    const fd = openSync(file, 'a');
    try {
      // Every write is checked: a short or failed write (a full disk) is undone, so no entry is ever torn.
      const size = fstatSync(fd).size;
      const bytes = Buffer.from(entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
      try {
        for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
        fsyncSync(fd);
      } catch (error) {
        ftruncateSync(fd, size);
        throw error;
      }
    } finally {
      closeSync(fd);
    }
    return entries;
  });
}

/** The lines of a decision log file. */
export function readLogLines(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}

/** Verifies a decision log file (see `verifyLog`). */
export function verifyLogFile(file: string, options: { head?: string } = {}): VerifyResult {
  return verifyLog(readLogLines(file), options);
}
