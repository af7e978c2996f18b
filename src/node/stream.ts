import { processLine } from './batch-line.js';
import { type EngineFiles, engineFromFiles } from './engine-files.js';

export interface AssessStreamOptions extends EngineFiles {
  asOf: string;
}

/**
 * Assesses a stream of NDJSON lines (from a queue, a database cursor, a file) in this thread: yields exactly one
 * output line per input line, in order — a record, or `{ line, error }` for a bad line.
 */
export async function* assessStream(
  lines: AsyncIterable<string> | Iterable<string>,
  options: AssessStreamOptions,
): AsyncGenerator<string> {
  const { engine, lists } = engineFromFiles(options);
  let n = 0;
  for await (const line of lines) {
    n++;
    yield processLine(engine, lists, line, n, options.asOf).text;
  }
}
