// Fills a register with N assessment records and times `monitor` re-assessing all of them (used by register.bench.ts).
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, toRecord } from '../dist/index.js';
import { openRegister } from '../dist/node/index.js';

const [dbDir, n] = process.argv.slice(2);
const N = Number(n);
const dir = join(import.meta.dirname, '..', 'examples', 'transactions');
const examples = readdirSync(dir)
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
const engine = createEngine();
rmSync(dbDir, { recursive: true, force: true });
const register = await openRegister({ db: dbDir, create: true });
// The same orders as the batch bench, assessed as of 2026-11-01 and added in chunks (not timed).
const CHUNK = 2000;
for (let i = 0; i < N; i += CHUNK) {
  const records = [];
  for (let j = i; j < Math.min(N, i + CHUNK); j++) {
    const transaction = { ...examples[j % examples.length], id: `T-${j}` };
    const a = engine.assess(transaction, { asOf: '2026-11-01' });
    records.push(toRecord(a, { transaction }, engine));
  }
  await register.addAssessments(records);
}
// Every review date has passed by 2029: monitoring re-assesses every active transaction.
const cpu = process.cpuUsage();
const started = performance.now();
const report = await register.monitor({ asOf: '2029-01-01', engine });
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
await register.close();
rmSync(dbDir, { recursive: true, force: true });
process.stdout.write(
  JSON.stringify({
    reassessed: report.reassessed,
    perSecond: Math.round(report.reassessed / seconds),
    cores: Number(((used.user + used.system) / 1e6 / seconds).toFixed(2)),
  }),
);
