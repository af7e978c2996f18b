import { Piscina } from 'piscina';
import type { DataIdentity, Engine } from '../engine/index.js';
import { processLine } from './batch-line.js';
import { type EngineFiles, engineFromFiles } from './engine-files.js';

export interface BatchTask {
  files: EngineFiles;
  asOf: string;
  firstLine: number;
  /** The chunk's raw UTF-8 bytes: `count` lines, each ending in "\n" (the last may not). */
  bytes: Uint8Array;
  count: number;
  /** Test hook: crash the worker on this line number. */
  crashOnLine?: number;
}

export interface BatchTaskResult {
  /** Output lines, each ending in "\n". */
  text: string;
  decisions: (string | null)[];
  records?: unknown[];
}

let cached: { key: string; engine: Engine; lists: DataIdentity[] } | undefined;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Output bytes for a zero-copy transfer to the main thread: a 4-byte length, the UTF-8 output lines, then the
 * decisions as JSON. Lines are encoded straight into one growing buffer (no joined string, no second copy); the
 * main thread writes them as they are.
 */
class PackedOutput {
  private bytes: Uint8Array;
  private length = 4;

  constructor(estimate: number) {
    this.bytes = new Uint8Array(Math.max(1024, estimate));
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
    new DataView(this.bytes.buffer).setUint32(0, textLength);
    return this.bytes.subarray(0, this.length);
  }

  private grow(needed: number): void {
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.length + needed));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }
}

/** Packs a finished result the same way (tests and the decision-log path compare against it). */
export function packResult(result: BatchTaskResult): Uint8Array {
  const out = new PackedOutput(result.text.length * 3 + 4);
  out.add(result.text);
  return out.finish(result.decisions);
}

/** Runs in a worker thread: compiles the engine once per worker, then assesses chunks of lines. */
export default function assessChunk(task: BatchTask & { withRecords?: boolean }): BatchTaskResult | unknown {
  // Records for the decision log travel as objects; otherwise the packed bytes are moved, not copied.
  if (task.withRecords) return assessLines(task);
  // Records run to about eight times their input line; the buffer grows if that is not enough.
  const out = new PackedOutput(task.bytes.length * 8);
  const result = assessLines(task, out);
  return Piscina.move(out.finish(result.decisions) as Uint8Array<ArrayBuffer>);
}

/** Assesses every line of a chunk; output lines go into `packed` when given, else into the result's text. */
function assessLines(task: BatchTask & { withRecords?: boolean }, packed?: PackedOutput): BatchTaskResult {
  const key = JSON.stringify(task.files);
  if (cached?.key !== key) cached = { key, ...engineFromFiles(task.files) };
  const result: BatchTaskResult = { text: '', decisions: [], ...(task.withRecords ? { records: [] } : {}) };
  const out: string[] = [];
  const lines = decoder.decode(task.bytes).split('\n', task.count);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const line = task.firstLine + i;
    if (task.crashOnLine === line) process.exit(70);
    const r = processLine(cached!.engine, cached!.lists, text, line, task.asOf);
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
