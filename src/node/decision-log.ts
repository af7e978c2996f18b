import { randomUUID } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  linkSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { type LogEntry, nextEntry, parseLogLine, type VerifyResult, verifyLog } from '../audit/index.js';
import { HrddError } from '../errors.js';

const sleeper = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => Atomics.wait(sleeper, 0, 0, ms);

/** Who holds a lock: written into the lock file before it appears, so a lock is never seen half-written. */
export interface LockOwner {
  pid: number;
  host: string;
  /** Unique per acquisition: a lock judged stale is removed only if it is still that very lock. */
  token: string;
  since: string;
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
    return typeof owner?.pid === 'number' && typeof owner.host === 'string' ? owner : undefined;
  } catch {
    return undefined;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Creates `path` holding the owner record, atomically: the record is written to a private file that is then
 * hard-linked to `path` (link fails if `path` exists). Returns the owner, or undefined when another holds it.
 */
function tryCreate(path: string): LockOwner | undefined {
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    token: randomUUID(),
    since: new Date().toISOString(),
  };
  const temp = `${path}.${owner.token}.tmp`;
  writeFileSync(temp, `${JSON.stringify(owner)}\n`, { flag: 'wx' });
  try {
    linkSync(temp, path);
    return owner;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

/**
 * Whether a lock was left by a writer that is gone: on this host, its process no longer runs; on another host (a
 * shared disk), it is older than `staleMs`. A lock whose owner cannot be read is judged by age alone.
 */
function isStale(path: string, owner: LockOwner | undefined, staleMs: number): boolean {
  if (owner && owner.host === hostname()) return !processAlive(owner.pid);
  try {
    return Date.now() - statSync(path).mtimeMs > staleMs;
  } catch {
    return false;
  }
}

/**
 * Removes a stale lock without racing other waiters: only the holder of `<lock>.break` may remove it, and only
 * if it is still the lock judged stale (same token), so a fresh lock taken meanwhile is never removed.
 */
function breakStale(lock: string, staleMs: number): void {
  const breaker = `${lock}.break`;
  let mine = tryCreate(breaker);
  if (!mine) {
    // A breaker is held for a moment only; one left by a crash is removed when its owner is gone.
    const other = readOwner(breaker);
    if (isStale(breaker, other, Math.min(staleMs, 10_000))) {
      try {
        if (readOwner(breaker)?.token === other?.token) unlinkSync(breaker);
      } catch {
        // removed meanwhile
      }
    }
    mine = tryCreate(breaker);
    if (!mine) return;
  }
  try {
    const owner = readOwner(lock);
    if (isStale(lock, owner, staleMs) && readOwner(lock)?.token === owner?.token) unlinkSync(lock);
  } catch {
    // released meanwhile
  } finally {
    unlinkSync(breaker);
  }
}

/**
 * Runs `fn` holding `<file>.lock`, so two writers — threads or processes — never interleave or fork the chain.
 * The lock names its owner (pid, host) and is created atomically; a lock left by a writer that is gone is
 * removed (see `isStale`), and a lock held by a live writer is waited for, never taken over.
 */
export function withFileLock<T>(file: string, fn: () => T, { timeoutMs = 30_000, staleMs = 60_000 } = {}): T {
  const lock = `${file}.lock`;
  const deadline = Date.now() + timeoutMs;
  let wait = 2;
  let owner: LockOwner | undefined;
  for (;;) {
    owner = tryCreate(lock);
    if (owner) break;
    breakStale(lock, staleMs);
    if (Date.now() > deadline) {
      const holder = readOwner(lock);
      throw new HrddError(`could not lock ${file}`, [
        {
          path: lock,
          message: holder
            ? `held by process ${holder.pid} on ${holder.host} since ${holder.since}`
            : 'another writer holds the lock',
        },
      ]);
    }
    sleep(wait + Math.floor(Math.random() * wait));
    wait = Math.min(wait * 2, 100);
  }
  try {
    return fn();
  } finally {
    if (readOwner(lock)?.token === owner.token) unlinkSync(lock);
  }
}

/**
 * The last line of a log file, read from its end (logs grow large), and where its content ends. Blank lines or
 * whitespace after the last entry are tolerated by the reader, but an entry appended after them would not be.
 */
function tail(fd: number): { last: string | undefined; contentEnd: number; trailing: string } {
  const size = fstatSync(fd).size;
  let chunk = 64 * 1024;
  for (;;) {
    const start = Math.max(0, size - chunk);
    const buffer = Buffer.alloc(size - start);
    readSync(fd, buffer, 0, buffer.length, start);
    const raw = buffer.toString('utf8');
    const text = raw.replace(/\s+$/, '');
    const contentEnd = start + Buffer.byteLength(text);
    const nl = text.lastIndexOf('\n');
    if (nl >= 0 || start === 0)
      return { last: text.slice(nl + 1) || undefined, contentEnd, trailing: raw.slice(text.length) };
    chunk *= 4;
  }
}

/**
 * Appends records to a hash-chained NDJSON decision log under a lock; returns the entries written. With
 * `create: false` a missing file is an error rather than the start of a new chain.
 */
export function appendToLog(
  file: string,
  records: readonly unknown[],
  { create = true }: { create?: boolean } = {},
): LogEntry[] {
  if (!create && !existsSync(file))
    throw new HrddError(`decision log ${file} does not exist`, [
      { path: file, message: 'no such file (start a new chain explicitly)' },
    ]);
  return withFileLock(file, () => {
    const fd = openSync(file, 'a+');
    try {
      const { last, contentEnd, trailing } = tail(fd);
      let previous: LogEntry | undefined;
      if (last !== undefined) {
        const parsed = parseLogLine(last);
        if ('error' in parsed)
          throw new HrddError(`decision log ${file} is damaged`, [
            { path: file, message: `the last line is ${parsed.error}` },
          ]);
        previous = parsed.entry;
      }
      // Whitespace after the last entry (a missing or doubled newline) is normalised to one newline first.
      let prefix = '';
      if (trailing !== '\n') {
        if (trailing !== '') ftruncateSync(fd, contentEnd);
        if (contentEnd > 0) prefix = '\n';
      }
      const entries: LogEntry[] = [];
      for (const record of records) {
        previous = nextEntry(previous, record);
        entries.push(previous);
      }
      // Every write is checked: a short or failed write (a full disk) is undone, so no entry is ever torn.
      const size = fstatSync(fd).size;
      const bytes = Buffer.from(prefix + entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
      try {
        for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
        fsyncSync(fd);
      } catch (error) {
        ftruncateSync(fd, size);
        throw error;
      }
      return entries;
    } finally {
      closeSync(fd);
    }
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
