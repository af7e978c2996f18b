import type { DataIdentity, Engine } from '../engine/index.js';
import { processLine } from './batch-line.js';
import { type EngineFiles, engineFromFiles } from './engine-files.js';

export interface BatchTask {
  files: EngineFiles;
  asOf: string;
  firstLine: number;
  /** The chunk's raw text: `count` lines, each ending in "\n" (the last may not). */
  text: string;
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

/** Runs in a worker thread: compiles the engine once per worker, then assesses chunks of lines. */
export default function assessChunk(task: BatchTask & { withRecords?: boolean }): BatchTaskResult {
  const key = JSON.stringify(task.files);
  if (cached?.key !== key) cached = { key, ...engineFromFiles(task.files) };
  const result: BatchTaskResult = { text: '', decisions: [], ...(task.withRecords ? { records: [] } : {}) };
  const out: string[] = [];
  const lines = task.text.split('\n', task.count);
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
