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
 * Packs a result for a zero-copy transfer to the main thread: a 4-byte length, the UTF-8 output lines, then the
 * decisions as JSON. The main thread writes the output bytes as they are, without decoding or re-encoding them.
 */
export function packResult(result: BatchTaskResult): Uint8Array {
  const text = encoder.encode(result.text);
  const tail = encoder.encode(JSON.stringify(result.decisions));
  const packed = new Uint8Array(4 + text.length + tail.length);
  new DataView(packed.buffer).setUint32(0, text.length);
  packed.set(text, 4);
  packed.set(tail, 4 + text.length);
  return packed;
}

/** Runs in a worker thread: compiles the engine once per worker, then assesses chunks of lines. */
export default function assessChunk(task: BatchTask & { withRecords?: boolean }): BatchTaskResult | unknown {
  const result = assessLines(task);
  // Records for the decision log travel as objects; otherwise the packed bytes are moved, not copied.
  return task.withRecords ? result : Piscina.move(packResult(result));
}

function assessLines(task: BatchTask & { withRecords?: boolean }): BatchTaskResult {
  const key = JSON.stringify(task.files);
  if (cached?.key !== key) cached = { key, ...engineFromFiles(task.files) };
  const result: BatchTaskResult = { text: '', decisions: [], ...(task.withRecords ? { records: [] } : {}) };
  const out: string[] = [];
  const lines = decoder.decode(task.bytes).split('\n', task.count);
  lines.forEach((raw, i) => {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const line = task.firstLine + i;
    if (task.crashOnLine === line) process.exit(70);
    const r = processLine(cached!.engine, cached!.lists, text, line, task.asOf);
    out.push(r.text, '\n');
    result.decisions.push(r.decision ?? null);
    if (result.records) result.records.push(r.record ?? null);
  });
  result.text = out.join('');
  return result;
}
