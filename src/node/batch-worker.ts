import { Piscina } from 'piscina';
import type { DataIdentity, Engine } from '../engine/index.js';
import { lineErrorRecord, MAX_LINE_BYTES, processLine } from './batch-line.js';
import { type EngineFiles, engineFromFiles } from './engine-files.js';
import { type ReassessJob, type ReassessResult, reassessJobs } from './register/reassess.js';

export interface BatchTask {
  files: EngineFiles;
  asOf: string;
  firstLine: number;
  /** The chunk's raw UTF-8 bytes: `count` lines, each ending in "\n" (the last may not). */
  bytes: Uint8Array;
  count: number;
  /** Lines (numbers) the main thread found too long: their bytes were dropped, each is an empty line here. */
  oversized?: number[];
  maxLineBytes?: number;
  /** The worker stores the index + 1 of the line it is assessing here, so the main thread can enforce a deadline. */
  heartbeat?: Int32Array;
  /** Test hook: crash the worker on this line number. */
  crashOnLine?: number;
  /** Test hook: never finish this line (a runaway assessment). */
  stallOnLine?: number;
}

export interface BatchTaskResult {
  /** Output lines, each ending in "\n". */
  text: string;
  decisions: (string | null)[];
  records?: unknown[];
}

let cached: { key: string; engine: Engine; lists: DataIdentity[] } | undefined;

/** The engine `files` describe, compiled once per worker. */
function engineFor(files: EngineFiles): { engine: Engine; lists: DataIdentity[] } {
  const key = JSON.stringify(files);
  if (cached?.key !== key) cached = { key, ...engineFromFiles(files) };
  return cached;
}

const encoder = new TextEncoder();
// Invalid UTF-8 is an error record, never assessed with U+FFFD in place of the bad bytes.
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Output bytes for a zero-copy transfer to the main thread: a 4-byte length, the UTF-8 output lines, then the
 * decisions as JSON. Lines are encoded straight into one growing buffer (no joined string, no second copy); the
 * main thread writes them as they are.
 */
class PackedOutput {
  private bytes: Uint8Array;
  private length = 4;

  /** Writes into `memory` (the chunk's own buffer) from `offset` on, past the input, while it has room. */
  constructor(memory: ArrayBufferLike, offset: number) {
    this.bytes = new Uint8Array(memory, offset);
  }

  /** Appends a string as UTF-8. */
  add(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (this.bytes.length - this.length < text.length * 3) this.grow(text.length * 3);
    this.length += encoder.encodeInto(text, this.bytes.subarray(this.length)).written;
  }

  /** The packed result; `decisions` follow the text. */
  finish(decisions: readonly (string | null)[]): Uint8Array {
    const textLength = this.length - 4;
    this.add(JSON.stringify(decisions));
    new DataView(this.bytes.buffer, this.bytes.byteOffset).setUint32(0, textLength);
    return this.bytes.subarray(0, this.length);
  }

  private grow(needed: number): void {
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.length + needed));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }
}

/** Runs in a worker thread: compiles the engine once per worker, then assesses chunks of lines. */
export default function assessChunk(task: BatchTask & { withRecords?: boolean }): BatchTaskResult | unknown {
  // Records for the decision log travel as objects; otherwise the packed bytes are moved, not copied.
  if (task.withRecords) return assessLines(task);
  // The output goes into the memory the input came in, after the input; it grows if that is not enough.
  const out = new PackedOutput(task.bytes.buffer, task.bytes.byteOffset + task.bytes.length);
  const result = assessLines(task, out);
  return Piscina.move(out.finish(result.decisions) as Uint8Array<ArrayBuffer>);
}

/** One line's bytes to its output line; bytes that are not UTF-8 give an error record. */
function assessBytes(bytes: Uint8Array, line: number, asOf: string, maxLineBytes: number) {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return lineErrorRecord(line, 'not valid UTF-8');
  }
  return processLine(cached!.engine, cached!.lists, text, line, asOf, maxLineBytes);
}

/**
 * Assesses every line of a chunk; output lines go into `packed` when given, else into the result's text. Each line
 * is decoded on its own: short-lived strings, where one decoded chunk would be a large object that outlives them.
 */
function assessLines(task: BatchTask & { withRecords?: boolean }, packed?: PackedOutput): BatchTaskResult {
  engineFor(task.files);
  const result: BatchTaskResult = { text: '', decisions: [], ...(task.withRecords ? { records: [] } : {}) };
  const out: string[] = [];
  const bytes = task.bytes;
  const oversized = new Set(task.oversized ?? []);
  const maxLineBytes = task.maxLineBytes ?? MAX_LINE_BYTES;
  let start = 0;
  for (let i = 0; i < task.count; i++) {
    let end = bytes.indexOf(10, start);
    if (end === -1) end = bytes.length;
    const next = end + 1;
    if (end > start && bytes[end - 1] === 13) end--; // CRLF
    const line = task.firstLine + i;
    if (task.heartbeat) Atomics.store(task.heartbeat, 0, i + 1);
    if (task.crashOnLine === line) process.exit(70);
    if (task.stallOnLine === line) for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    const r = oversized.has(line)
      ? lineErrorRecord(line, `line longer than ${maxLineBytes} bytes`)
      : assessBytes(bytes.subarray(start, end), line, task.asOf, maxLineBytes);
    start = next;
    if (packed) {
      packed.add(r.text);
      packed.add('\n');
    } else out.push(r.text, '\n');
    result.decisions.push(r.decision ?? null);
    if (result.records) result.records.push(r.record ?? null);
  }
  if (!packed) result.text = out.join('');
  return result;
}

/** `monitor`'s work for one chunk of transactions (run as the pool's `reassess` task). */
export interface ReassessTask {
  files: EngineFiles;
  asOf: string;
  jobs: ReassessJob[];
}

/** Runs in a worker thread: re-assesses a chunk of register transactions with the engine this worker compiled. */
export function reassess(task: ReassessTask): ReassessResult {
  const { engine, lists } = engineFor(task.files);
  return reassessJobs(engine, lists, task.jobs, task.asOf);
}
