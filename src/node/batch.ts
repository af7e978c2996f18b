import { existsSync, WriteStream } from 'node:fs';
import { Socket } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { type Decision, decisionRank } from '../model/index.js';
import type { BatchTask, BatchTaskResult } from './batch-worker.js';
import { appendToLog } from './decision-log.js';
import type { EngineFiles } from './engine-files.js';

export interface BatchOptions {
  input: Readable;
  output: Writable;
  files: EngineFiles;
  asOf: string;
  workers?: number;
  /** Lines sent to a worker at once. */
  chunkSize?: number;
  log?: string;
  onProgress?: (progress: { lines: number; errors: number }) => void;
  /** Set to stop reading: in-flight lines are finished and written, then the run ends. */
  signal?: AbortSignal;
  /** Test hook: make the worker handling this line crash. */
  crashOnLine?: number;
}

export interface BatchSummary {
  lines: number;
  errors: number;
  decisions: Record<Decision, number>;
  seconds: number;
  linesPerSecond: number;
  interrupted: boolean;
  lastLineWritten: number;
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

/** The compiled worker next to this module (dist/node/batch-worker.js), or the source one under tsx. */
function workerFile(): string {
  const candidates = ['./batch-worker.js', '../node/batch-worker.js', './batch-worker.ts'].map(
    (p) => new URL(p, import.meta.url),
  );
  const found = candidates.find((u) => existsSync(fileURLToPath(u)));
  if (!found) throw new Error('batch worker module not found');
  return fileURLToPath(found);
}

/** Reads a worker's packed result (see `PackedOutput`): the output bytes, as a Buffer over the same memory, and the decisions. */
function unpack(packed: Uint8Array): { text: Buffer; decisions: (string | null)[]; records?: unknown[] } {
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

/**
 * Assesses NDJSON lines on worker threads: one output line per input line, in input order, byte-identical for
 * any worker count. At most a few chunks per worker are in flight, so memory stays flat on any input size.
 */
export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const workers = Math.max(1, options.workers ?? 1);
  const chunkSize = options.chunkSize ?? 250;
  const pool = new Piscina({ filename: workerFile(), minThreads: workers, maxThreads: workers, idleTimeout: 1000 });
  const started = performance.now();
  const summary: BatchSummary = {
    lines: 0,
    errors: 0,
    decisions: { proceed: 0, 'proceed-with-conditions': 0, escalate: 0, decline: 0 },
    seconds: 0,
    linesPerSecond: 0,
    interrupted: false,
    lastLineWritten: 0,
  };
  const inFlight: { first: number; last: number; promise: Promise<BatchTaskResult | Uint8Array> }[] = [];
  const maxInFlight = workers * 3;
  // Each chunk's memory goes to a worker with the input lines and comes back holding the output lines; once those
  // are written it carries the next chunk. Reusing a few buffers, instead of allocating two per chunk, spares the
  // main thread the full garbage collections that fresh external memory would trigger. Only for outputs known to
  // let go of a chunk once written (files, pipes, terminals): another stream may keep the chunks it was given.
  const reuse = releasesChunks(options.output);
  const spare: ArrayBuffer[] = [];
  const bufferFor = (size: number): ArrayBuffer => {
    const i = spare.findIndex((b) => b.byteLength >= size);
    // Output runs to about eight times the input; room for that up front saves the worker a copy.
    return i === -1 ? new ArrayBuffer(size * 9) : spare.splice(i, 1)[0]!;
  };
  const recycle = (buffer: ArrayBufferLike) => {
    if (buffer instanceof ArrayBuffer && spare.length < maxInFlight + 2) spare.push(buffer);
  };

  const drainOne = async () => {
    const chunk = inFlight.shift()!;
    let raw: BatchTaskResult | Uint8Array;
    try {
      raw = await chunk.promise;
    } catch (error) {
      throw new WorkerCrashError(chunk.first, chunk.last, error);
    }
    const result = raw instanceof Uint8Array ? unpack(raw) : raw;
    await write(
      options.output,
      result.text,
      reuse && raw instanceof Uint8Array ? () => recycle(raw.buffer) : undefined,
    );
    if (options.log)
      appendToLog(
        options.log,
        (result.records ?? []).filter((r) => r !== null),
      );
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

  const submit = (bytes: Uint8Array, first: number, count: number) => {
    const task: BatchTask & { withRecords?: boolean } = {
      files: options.files,
      asOf: options.asOf,
      firstLine: first,
      count,
      bytes,
      withRecords: options.log !== undefined,
    };
    if (options.crashOnLine !== undefined) task.crashOnLine = options.crashOnLine;
    const promise = pool.run(task, { transferList: [bytes.buffer as ArrayBuffer] }) as Promise<
      BatchTaskResult | Uint8Array
    >;
    promise.catch(() => {}); // observed when drained, in order
    inFlight.push({ first, last: first + count - 1, promise });
  };

  // Lines are cut into chunks on the raw bytes: the main thread only counts newlines, workers split and parse.
  let pending: Buffer[] = [];
  let pendingLines = 0;
  let lineNo = 0;
  const flush = () => {
    // The chunk's bytes are moved to the worker, which decodes them: the main thread never touches the text.
    let size = 0;
    for (const segment of pending) size += segment.length;
    const bytes = new Uint8Array(bufferFor(size), 0, size);
    let at = 0;
    for (const segment of pending) {
      bytes.set(segment, at);
      at += segment.length;
    }
    pending = [];
    const count = pendingLines;
    pendingLines = 0;
    if (count > 0) submit(bytes, lineNo - count + 1, count);
  };
  try {
    for await (const chunk of options.input as AsyncIterable<Buffer | string>) {
      if (options.signal?.aborted) {
        summary.interrupted = true;
        break;
      }
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      // Count newlines and cut the buffer once per chunk of lines, not once per line: the main thread allocates
      // next to nothing per line.
      let start = 0;
      for (let nl = buffer.indexOf(10, start); nl !== -1; nl = buffer.indexOf(10, nl + 1)) {
        pendingLines++;
        lineNo++;
        if (pendingLines >= chunkSize) {
          pending.push(buffer.subarray(start, nl + 1));
          start = nl + 1;
          flush();
          while (inFlight.length >= maxInFlight) await drainOne();
        }
      }
      if (start < buffer.length) pending.push(buffer.subarray(start));
    }
    if (!summary.interrupted) {
      const rest = pending.length > 0 ? Buffer.concat(pending) : undefined;
      if (rest && rest.length > 0 && rest[rest.length - 1] !== 10) {
        pendingLines++; // a last line without a newline
        lineNo++;
      }
      flush();
    }
    while (inFlight.length > 0) await drainOne();
  } finally {
    await pool.destroy();
  }
  summary.seconds = (performance.now() - started) / 1000;
  summary.linesPerSecond = summary.seconds > 0 ? Math.round(summary.lines / summary.seconds) : 0;
  return summary;
}
