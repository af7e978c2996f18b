import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchSection } from './types.js';

// Runs every bench/*.bench.ts (or those named on the command line) and writes bench/results.json.
const here = dirname(fileURLToPath(import.meta.url));
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
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<BenchSection> };
  const section = await mod.default();
  results[section.name] = section;
  console.log(`\n## ${section.name}`);
  console.table(section.rows);
  console.log(section.summary);
}
writeFileSync(
  resultsFile,
  `${JSON.stringify({ node: process.version, platform: `${process.platform}-${process.arch}`, sections: results }, null, 2)}\n`,
);
console.log(`\nwrote bench/results.json (${Object.keys(results).length} sections)`);
