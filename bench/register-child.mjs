// Used by register.bench.ts, each step in a fresh process:
//   fill <orders.ndjson> <db>            adds the orders, assessed as of 2026-11-01, to a new register (not timed);
//   monitor <db> <workers> <as of>       times `monitor` re-assessing every active transaction on the worker pool.
import { readFileSync, rmSync } from 'node:fs';
import { createEngine, toRecord } from '../dist/index.js';
import { openRegister } from '../dist/node/index.js';

const [step, ...args] = process.argv.slice(2);
if (step === 'fill') {
  const [file, dbDir] = args;
  const engine = createEngine();
  rmSync(dbDir, { recursive: true, force: true });
  const register = await openRegister({ db: dbDir, create: true });
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  for (let i = 0; i < lines.length; i += 2000) {
    const records = lines.slice(i, i + 2000).map((line) => {
      const { transaction } = JSON.parse(line);
      return toRecord(engine.assess(transaction, { asOf: '2026-11-01' }), { transaction }, engine);
    });
    await register.addAssessments(records);
  }
  await register.close();
  process.stdout.write(JSON.stringify({ added: lines.length }));
} else {
  const [dbDir, workers, asOf] = args;
  const register = await openRegister({ db: dbDir });
  // The bundled rule set, questionnaire and data, no lists: the engine `hrdd batch` runs with `files: {}`.
  const cpu = process.cpuUsage();
  const started = performance.now();
  const report = await register.monitor({ asOf, files: {}, workers: Number(workers) });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  await register.close();
  process.stdout.write(
    JSON.stringify({
      checked: report.checked,
      reassessed: report.reassessed,
      errors: report.errors.length,
      perSecond: Math.round(report.reassessed / seconds),
      // CPU time of every thread per second of the run: cores kept busy.
      cores: Number(((used.user + used.system) / 1e6 / seconds).toFixed(2)),
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}
