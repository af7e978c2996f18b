import { existsSync, WriteStream } from 'node:fs';
import { Socket } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { HrddError } from '../errors.js';
import { type Decision, decisionRank } from '../model/index.js';
import { LineCutter } from './batch-input.js';
import { lineErrorRecord, MAX_LINE_BYTES } from './batch-line.js';
import { LogAhead, openOutput } from './batch-output.js';
import type { BatchTask, BatchTaskResult } from './batch-worker.js';
import { appendToLog } from './decision-log.js';
import type { EngineFiles } from './engine-files.js';

export interface BatchOptions {
  input: Readable;
  /** Where output lines go: a stream (standard output, a pipe). Give `outputFile` instead for checked file writes. */
  output?: Writable;
  /**
   * An output file, written with checked writes: a failed or short write (a full disk) truncates it back to the
   * last whole line and ends the run with a `BatchWriteError` naming that line.
   */
  outputFile?: string;
  /** Continue an interrupted run: keep the whole lines already in `outputFile`, assess only the lines after them. */
  resume?: boolean;
  files: EngineFiles;
  asOf: string;
  workers?: number;
  /** Lines sent to a worker at once. */
  chunkSize?: number;
  /** Lines longer than this many bytes become error records; their bytes are never held in memory (default 1 MiB). */
  maxLineBytes?: number;
  /** A line whose assessment runs longer than this is stopped and becomes an error record (default 30 s). */
  lineTimeoutMs?: number;
  log?: string;
  onProgress?: (progress: { lines: number; errors: number }) => void;
  /** Set to stop reading: in-flight lines are finished and written, then the run ends. */
  signal?: AbortSignal;
  /** Test hook: make the worker handling this line crash. */
  crashOnLine?: number;
  /** Test hook: make the assessment of this line never finish. */
  stallOnLine?: number;
}

export interface BatchSummary {
  lines: number;
  errors: number;
  decisions: Record<Decision, number>;
  seconds: number;
  linesPerSecond: number;
  interrupted: boolean;
  /** The last input line whose output line is written (counting lines skipped by `resume`). */
  lastLineWritten: number;
  /** Lines skipped because a resumed run found their output already written. */
  resumedAfter: number;
  highestDecision?: Decision;
}

/** A worker crashed: the run fails loudly, naming the lines it was assessing. */
export class WorkerCrashError extends Error {
  override readonly name = 'WorkerCrashError';
  constructor(
    readonly firstLine: number,
    readonly lastLine: number,
    cause: unknown,
  ) {
    super(
      `a batch worker crashed while assessing lines ${firstLine}–${lastLine}: ${(cause as Error)?.message ?? String(cause)}`,
    );
  }
}

/** Output (or the decision log) could not be written: the output ends, whole, at `lastLineWritten`. */
export class BatchWriteError extends Error {
  override readonly name = 'BatchWriteError';
  constructor(
    readonly file: string,
    readonly lastLineWritten: number,
    cause: unknown,
  ) {
    const reason = (cause as NodeJS.ErrnoException)?.code ?? (cause as Error)?.message ?? String(cause);
    super(`cannot write ${file}: ${reason}`);
  }
}

/** The compiled worker next to this module (dist/node/batch-worker.js), or the source one under tsx. */
function workerFile(): string {
  const candidates = ['./batch-worker.js', '../node/batch-worker.js', './batch-worker.ts'].map(
    (p) => new URL(p, import.meta.url),
  );
  const found = candidates.find((u) => existsSync(fileURLToPath(u)));
  if (!found) throw new Error('batch worker module not found');
  return fileURLToPath(found);
}

/**
 * The pool of assessment workers (`batch-worker`): `hrdd batch` runs its default task on it, `monitor` its
 * `reassess` task. Each worker compiles its engine once, from the files a task names. `tasksPerWorker` above 1
 * queues tasks at the worker itself, so it keeps working while this thread is busy and cannot hand out the next.
 */
export function assessmentPool(workers: number, tasksPerWorker = 1): Piscina {
  return new Piscina({
    filename: workerFile(),
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 1000,
    concurrentTasksPerWorker: tasksPerWorker,
  });
}

/** Reads a worker's packed result (see `PackedOutput`): the output bytes, as a Buffer over the same memory, and the decisions. */
function unpack(packed: Uint8Array): { text: Buffer; decisions: (string | null)[] } {
  const length = new DataView(packed.buffer, packed.byteOffset).getUint32(0);
  const text = Buffer.from(packed.buffer, packed.byteOffset + 4, length);
  const tail = Buffer.from(packed.buffer, packed.byteOffset + 4 + length, packed.byteLength - 4 - length);
  const decisions = JSON.parse(tail.toString('utf8')) as (string | null)[];
  return { text, decisions };
}

/** Streams that are done with a chunk when its write callback runs: a file, a socket or pipe, standard output. */
function releasesChunks(output: Writable): boolean {
  return output instanceof WriteStream || output instanceof Socket || output === process.stdout;
}

/** Writes, resolving once the stream can take more; `written` runs when the stream is done with the bytes. */
function write(output: Writable, text: string | Buffer, written?: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const callback = written && ((error?: Error | null) => (error ? undefined : written()));
    if (output.write(text, callback)) {
      resolve();
      return;
    }
    const done = (error?: Error) => {
      output.off('drain', done);
      output.off('error', done);
      if (error) reject(error);
      else resolve();
    };
    output.on('drain', done);
    output.on('error', done);
  });
}

type ChunkResult = { text: Buffer; decisions: (string | null)[]; records?: unknown[]; release?: () => void };

/** Byte ranges of the first `count` lines of a chunk (each range without its newline). */
function lineRanges(bytes: Uint8Array, count: number): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < count; i++) {
    let end = bytes.indexOf(10, start);
    if (end === -1) end = bytes.length;
    ranges.push([start, end]);
    start = end + 1;
  }
  return ranges;
}

/**
 * Assesses NDJSON lines on worker threads: one output line per input line, in input order, byte-identical for
 * any worker count. At most a few chunks per worker are in flight, so memory stays flat on any input size.
 * With a decision log, each chunk's entries are appended before its output lines are written, so the output
 * never runs ahead of the log.
 */
export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const workers = Math.max(1, options.workers ?? 1);
  const chunkSize = options.chunkSize ?? 250;
  const maxLineBytes = options.maxLineBytes ?? MAX_LINE_BYTES;
  const lineTimeoutMs = options.lineTimeoutMs ?? 30_000;
  if (!options.output && !options.outputFile) throw new TypeError('runBatch needs output or outputFile');
  const out = options.outputFile ? openOutput(options.outputFile, options.resume === true) : undefined;
  const skip = out?.lines ?? 0;
  const logAhead = options.log && options.resume ? new LogAhead(options.log, out?.lastRecord) : undefined;
  const pool = assessmentPool(workers);
  const started = performance.now();
  const summary: BatchSummary = {
    lines: 0,
    errors: 0,
    decisions: { proceed: 0, 'proceed-with-conditions': 0, escalate: 0, decline: 0 },
    seconds: 0,
    linesPerSecond: 0,
    interrupted: false,
    lastLineWritten: skip,
    resumedAfter: skip,
  };
  const inFlight: { first: number; last: number; promise: Promise<ChunkResult> }[] = [];
  const maxInFlight = workers * 3;
  // Each chunk's memory goes to a worker with the input lines and comes back holding the output lines; once those
  // are written it carries the next chunk. Reusing a few buffers, instead of allocating two per chunk, spares the
  // main thread the full garbage collections that fresh external memory would trigger. Only for outputs known to
  // let go of a chunk once written (files, pipes, terminals): another stream may keep the chunks it was given.
  const reuse = out !== undefined || releasesChunks(options.output!);
  const spare: ArrayBuffer[] = [];
  const bufferFor = (size: number): ArrayBuffer => {
    const i = spare.findIndex((b) => b.byteLength >= size);
    // Output runs to about eight times the input; room for that up front saves the worker a copy.
    return i === -1 ? new ArrayBuffer(size * 9) : spare.splice(i, 1)[0]!;
  };
  const recycle = (buffer: ArrayBufferLike) => {
    if (buffer instanceof ArrayBuffer && spare.length < maxInFlight + 2) spare.push(buffer);
  };

  // The per-line deadline: each running chunk's worker stores the line it is on in a shared cell; a line that stays
  // current longer than the deadline has its worker stopped (piscina ends the thread) and becomes an error record.
  const watched = new Set<{ cell: Int32Array; seen: number; since: number; stop: AbortController; line: number }>();
  const watchdog = setInterval(
    () => {
      const now = Date.now();
      for (const w of watched) {
        const at = Atomics.load(w.cell, 0);
        if (at !== w.seen) {
          w.seen = at;
          w.since = now;
        } else if (at > 0 && now - w.since > lineTimeoutMs && w.line < 0) {
          w.line = at - 1;
          w.stop.abort();
        }
      }
    },
    Math.max(10, Math.min(1000, lineTimeoutMs / 4)),
  );
  watchdog.unref();

  const runChunk = async (
    bytes: Uint8Array,
    first: number,
    count: number,
    oversized: number[],
  ): Promise<ChunkResult> => {
    const copy = Buffer.from(bytes); // kept to re-run the other lines should one exceed its deadline
    const watch = {
      cell: new Int32Array(new SharedArrayBuffer(4)),
      seen: 0,
      since: Date.now(),
      stop: new AbortController(),
      line: -1,
    };
    const task: BatchTask & { withRecords?: boolean } = {
      files: options.files,
      asOf: options.asOf,
      firstLine: first,
      count,
      bytes,
      maxLineBytes,
      heartbeat: watch.cell,
      withRecords: options.log !== undefined,
      ...(oversized.length > 0 ? { oversized } : {}),
      ...(options.crashOnLine !== undefined ? { crashOnLine: options.crashOnLine } : {}),
      ...(options.stallOnLine !== undefined ? { stallOnLine: options.stallOnLine } : {}),
    };
    watched.add(watch);
    let raw: BatchTaskResult | Uint8Array;
    try {
      raw = (await pool.run(task, {
        transferList: [bytes.buffer as ArrayBuffer],
        signal: watch.stop.signal,
      })) as BatchTaskResult | Uint8Array;
    } catch (error) {
      if (watch.line < 0) throw new WorkerCrashError(first, first + count - 1, error);
      return rerunAround(copy, first, count, oversized, watch.line);
    } finally {
      watched.delete(watch);
    }
    if (raw instanceof Uint8Array) {
      const unpacked = unpack(raw);
      return { ...unpacked, release: () => recycle(raw.buffer) };
    }
    return { text: Buffer.from(raw.text), decisions: raw.decisions, ...(raw.records ? { records: raw.records } : {}) };
  };

  /** The chunk again without the line at `index` (which becomes an error record), after its deadline passed. */
  const rerunAround = async (
    bytes: Buffer,
    first: number,
    count: number,
    oversized: number[],
    index: number,
  ): Promise<ChunkResult> => {
    const ranges = lineRanges(bytes, count);
    const part = async (from: number, to: number): Promise<ChunkResult | undefined> => {
      if (from >= to) return undefined;
      const slice = bytes.subarray(ranges[from]![0], to < count ? ranges[to]![0] : bytes.length);
      const own = new Uint8Array(new ArrayBuffer(slice.length * 9), 0, slice.length);
      own.set(slice);
      return runChunk(
        own,
        first + from,
        to - from,
        oversized.filter((l) => l >= first + from && l < first + to),
      );
    };
    const before = await part(0, index);
    const line = first + index;
    const stopped = lineErrorRecord(
      line,
      `assessment stopped: still running after the line deadline of ${lineTimeoutMs / 1000} s`,
      bytes.subarray(...ranges[index]!).toString('utf8'),
    );
    const after = await part(index + 1, count);
    const parts = [
      before,
      { text: Buffer.from(`${stopped.text}\n`), decisions: [null], records: [null] },
      after,
    ].filter((p): p is ChunkResult => p !== undefined);
    for (const p of parts) p.release?.();
    return {
      text: Buffer.concat(parts.map((p) => p.text)),
      decisions: parts.flatMap((p) => p.decisions),
      ...(options.log ? { records: parts.flatMap((p) => p.records ?? p.decisions.map(() => null)) } : {}),
    };
  };

  const drainOne = async () => {
    const chunk = inFlight.shift()!;
    const result = await chunk.promise;
    const lastBefore = summary.lastLineWritten;
    if (options.log) {
      const records = (result.records ?? []).filter((r) => r !== null);
      try {
        appendToLog(options.log, logAhead ? logAhead.notYetLogged(records) : records);
      } catch (error) {
        if (error instanceof HrddError) throw error;
        throw new BatchWriteError(options.log, lastBefore, error);
      }
    }
    if (out) {
      try {
        out.write(result.text);
      } catch (error) {
        throw new BatchWriteError(options.outputFile!, lastBefore, error);
      }
      result.release?.();
    } else await write(options.output!, result.text, reuse ? result.release : undefined);
    for (const d of result.decisions) {
      summary.lines++;
      if (d === null) summary.errors++;
      else {
        summary.decisions[d as Decision]++;
        if (!summary.highestDecision || decisionRank(d as Decision) > decisionRank(summary.highestDecision))
          summary.highestDecision = d as Decision;
      }
    }
    summary.lastLineWritten = chunk.last;
    options.onProgress?.({ lines: summary.lines, errors: summary.errors });
  };

  const submit = (bytes: Uint8Array, first: number, count: number, oversized: number[]) => {
    const promise = runChunk(bytes, first, count, oversized);
    promise.catch(() => {}); // observed when drained, in order
    inFlight.push({ first, last: first + count - 1, promise });
  };

  // Lines are cut into chunks on the raw bytes: the main thread only counts newlines, workers split and parse.
  // A line longer than `maxLineBytes` is never held: its bytes are dropped as they arrive and the worker is told
  // to give it an error record.
  const reader = new LineCutter(maxLineBytes, skip);
  let pendingLines = 0;
  let oversized: number[] = [];
  const flush = () => {
    const segments = reader.take();
    // The chunk's bytes are moved to the worker, which decodes them: the main thread never touches the text.
    let size = 0;
    for (const segment of segments) size += segment.length;
    const bytes = new Uint8Array(bufferFor(size), 0, size);
    let at = 0;
    for (const segment of segments) {
      bytes.set(segment, at);
      at += segment.length;
    }
    const count = pendingLines;
    pendingLines = 0;
    const tooLong = oversized;
    oversized = [];
    if (count > 0) submit(bytes, reader.lineNo - count + 1, count, tooLong);
  };
  try {
    for await (const chunk of options.input as AsyncIterable<Buffer | string>) {
      if (options.signal?.aborted) {
        summary.interrupted = true;
        break;
      }
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      for (const ended of reader.push(buffer)) {
        if (ended.oversized) oversized.push(ended.line);
        pendingLines++;
        if (pendingLines >= chunkSize) {
          reader.cut(ended.end);
          flush();
          while (inFlight.length >= maxInFlight) await drainOne();
        }
      }
      reader.keepRest();
    }
    if (!summary.interrupted) {
      const last = reader.end();
      if (last) {
        if (last.oversized) oversized.push(last.line);
        pendingLines++;
      }
      flush();
    }
    while (inFlight.length > 0) await drainOne();
  } finally {
    // On a failure, chunks still in flight are let finish (or be stopped at their deadline) before the pool goes:
    // a worker answering a destroyed pool would crash the process.
    await Promise.allSettled(inFlight.map((chunk) => chunk.promise));
    clearInterval(watchdog);
    out?.close();
    await pool.destroy();
  }
  summary.seconds = (performance.now() - started) / 1000;
  summary.linesPerSecond = summary.seconds > 0 ? Math.round(summary.lines / summary.seconds) : 0;
  return summary;
}
