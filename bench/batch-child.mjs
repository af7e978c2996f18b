// Runs one batch in a fresh process and prints { lines, linesPerSecond, maxRssMb, cores } (used by batch.bench.ts).
import { createReadStream, createWriteStream } from 'node:fs';
import { runBatch } from '../dist/node/index.js';

const [file, workers, asOf = '2026-11-01'] = process.argv.slice(2);
// Output to a file, as `hrdd batch --out` writes it; /dev/null keeps the disk out of the measurement.
const sink = createWriteStream('/dev/null');
const cpu = process.cpuUsage();
const summary = await runBatch({
  input: createReadStream(file),
  output: sink,
  files: {},
  asOf,
  workers: Number(workers),
});
const used = process.cpuUsage(cpu);
process.stdout.write(
  JSON.stringify({
    lines: summary.lines,
    linesPerSecond: summary.linesPerSecond,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    // CPU time of every thread (main, workers, garbage collectors) per second of the run: cores kept busy.
    cores: Number(((used.user + used.system) / 1e6 / summary.seconds).toFixed(2)),
  }),
);
