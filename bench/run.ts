import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchSection } from './types.js';

// Runs every bench/*.bench.ts (or those named on the command line) and writes bench/results.json. Each section runs
// in a process of its own, so what one section compiles (and the JIT learns from it) cannot slow another down.
const here = dirname(fileURLToPath(import.meta.url));

const child = process.env.HRDD_BENCH_SECTION;
if (child) {
  const mod = (await import(pathToFileURL(join(here, child)).href)) as { default: () => Promise<BenchSection> };
  writeFileSync(process.env.HRDD_BENCH_OUT!, JSON.stringify(await mod.default()));
  process.exit(0);
}

const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

// Sections not run this time keep their last results.
const resultsFile = join(here, 'results.json');
const results: Record<string, BenchSection> =
  only.length > 0 && existsSync(resultsFile)
    ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as { sections: Record<string, BenchSection> }).sections
    : {};
const scratch = mkdtempSync(join(tmpdir(), 'hrdd-bench-'));
for (const file of files) {
  const out = join(scratch, `${file}.json`);
  const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
    env: { ...process.env, HRDD_BENCH_SECTION: file, HRDD_BENCH_OUT: out },
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error(`bench/${file} failed (exit ${run.status ?? run.signal})`);
  const section = JSON.parse(readFileSync(out, 'utf8')) as BenchSection;
  results[section.name] = section;
  console.log(`\n## ${section.name}`);
  console.table(section.rows);
  console.log(section.summary);
}
rmSync(scratch, { recursive: true, force: true });
writeFileSync(
  resultsFile,
  `${JSON.stringify({ node: process.version, platform: `${process.platform}-${process.arch}`, sections: results }, null, 2)}\n`,
);
console.log(`\nwrote bench/results.json (${Object.keys(results).length} sections)`);
