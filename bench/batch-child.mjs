// Runs one batch in a fresh process and prints { linesPerSecond, maxRssMb } (used by batch.bench.ts).
import { createReadStream } from 'node:fs';
import { Writable } from 'node:stream';
import { runBatch } from '../dist/node/index.js';

const [file, workers] = process.argv.slice(2);
const sink = new Writable({ write: (_chunk, _enc, done) => done() });
const summary = await runBatch({
  input: createReadStream(file),
  output: sink,
  files: {},
  asOf: '2026-11-01',
  workers: Number(workers),
});
process.stdout.write(
  JSON.stringify({
    lines: summary.lines,
    linesPerSecond: summary.linesPerSecond,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
