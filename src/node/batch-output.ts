import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import { canonicalHash } from '../digest/index.js';
import { HrddError } from '../errors.js';

/** An output file written with checked writes (see `openOutput`). */
export interface OutputFile {
  /** Whole lines already in the file when it was opened to resume. */
  lines: number;
  /** The last of those lines that is an assessment record (not an error record), as JSON text. */
  lastRecord?: string;
  /** Writes all of `bytes` or throws, leaving the file as it was before the call (ending at a whole line). */
  write(bytes: Uint8Array): void;
  close(): void;
}

const isErrorRecord = (bytes: Buffer) => bytes.subarray(0, 8).toString('latin1') === '{"line":';

/**
 * Opens an output file. To resume, the lines already written are kept, a torn last line (a write cut short) is
 * cut off, and writing continues after them. Every write is checked: a short or failed write (a full disk) is
 * undone, so the file always ends with a whole line.
 */
export function openOutput(path: string, resume: boolean): OutputFile {
  const fd = openSync(path, resume && existsSync(path) ? 'r+' : 'w');
  let position = 0;
  let lines = 0;
  let lastRecord: string | undefined;
  if (resume) {
    const size = fstatSync(fd).size;
    const block = Buffer.alloc(1 << 20);
    let lineStart = 0;
    let record: [number, number] | undefined;
    const head = Buffer.alloc(8);
    for (let at = 0; at < size; ) {
      const n = readSync(fd, block, 0, block.length, at);
      if (n === 0) break;
      for (let nl = block.indexOf(10); nl !== -1 && nl < n; nl = block.indexOf(10, nl + 1)) {
        const end = at + nl;
        const start = lineStart;
        // A line's first bytes, read again when they are not all in this block.
        const first =
          start >= at && start - at + 8 <= n
            ? block.subarray(start - at, start - at + 8)
            : head.subarray(0, readSync(fd, head, 0, 8, start));
        if (!isErrorRecord(first)) record = [start, end];
        lines++;
        lineStart = end + 1;
      }
      at += n;
    }
    position = lineStart;
    ftruncateSync(fd, position);
    if (record) {
      const text = Buffer.alloc(record[1] - record[0]);
      readSync(fd, text, 0, text.length, record[0]);
      lastRecord = text.toString('utf8');
    }
  }
  return {
    lines,
    ...(lastRecord !== undefined ? { lastRecord } : {}),
    write(bytes) {
      let done = 0;
      try {
        while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
      } catch (error) {
        try {
          ftruncateSync(fd, position);
        } catch {
          // the error below says what happened; the next run's --resume cuts a torn line anyway
        }
        throw error;
      }
      position += done;
    },
    close() {
      try {
        fsyncSync(fd);
      } catch {
        // not every output (a pipe, a character device) can be synced
      }
      closeSync(fd);
    },
  };
}

/** The last `count` lines of a file, read from its end (decision logs grow large). */
function tailLines(file: string, count: number): string[] {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    let chunk = 256 * 1024;
    for (;;) {
      const start = Math.max(0, size - chunk);
      const buffer = Buffer.alloc(size - start);
      readSync(fd, buffer, 0, buffer.length, start);
      const lines = buffer
        .toString('utf8')
        .split('\n')
        .filter((l) => l !== '');
      if (start === 0) return lines.slice(-count);
      if (lines.length > count) return lines.slice(-count);
      chunk *= 4;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * On resume, the decision-log entries a run wrote before its output (the log is written first, so it can be at most
 * a chunk ahead): the records that follow, in the log, the last record in the output. Records produced again for
 * those lines are checked against them and not appended twice.
 */
export class LogAhead {
  private ahead: string[] | undefined;
  private readonly candidates: string[] = [];

  constructor(
    private readonly log: string,
    lastRecord: string | undefined,
    maxAhead = 1000,
  ) {
    if (!existsSync(log)) {
      this.ahead = [];
      return;
    }
    const tail = tailLines(log, maxAhead + 1).map((line) => {
      try {
        return canonicalHash((JSON.parse(line) as { record?: unknown }).record ?? null);
      } catch {
        throw new HrddError(`cannot resume: decision log ${log} is damaged`, [
          { path: log, message: 'a line near its end is not JSON' },
        ]);
      }
    });
    if (lastRecord !== undefined) {
      const at = tail.lastIndexOf(canonicalHash(JSON.parse(lastRecord)));
      this.ahead = at >= 0 ? tail.slice(at + 1) : [];
    } else this.candidates = tail;
  }

  /** The records not yet in the log; throws when the log holds different records than those produced now. */
  notYetLogged(records: readonly unknown[]): unknown[] {
    const fresh: unknown[] = [];
    for (const record of records) {
      const hash = canonicalHash(record);
      if (this.ahead === undefined) {
        const at = this.candidates.indexOf(hash);
        this.ahead = at >= 0 ? this.candidates.slice(at) : [];
      }
      if (this.ahead.length > 0) {
        if (this.ahead[0] !== hash)
          throw new HrddError(`cannot resume: decision log ${this.log} does not match the output`, [
            { path: this.log, message: 'entries past the last line written differ from the records produced again' },
          ]);
        this.ahead.shift();
        continue;
      }
      fresh.push(record);
    }
    return fresh;
  }
}
