import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../src/index.js';

// `npm run demo`: assesses three bundled example transactions with the default rule set and questionnaire.
const AS_OF = '2026-11-01';
const EXAMPLES = [
  '01-laptops-university.json',
  '03-facial-recognition-police-high-civil-liberties.json',
  '02-facial-recognition-police-low-civil-liberties.json',
  '10-torture-device.json',
];

const engine = createEngine();
const dir = join(import.meta.dirname, '..', 'examples', 'transactions');
console.log(
  `hrdd demo — rule set ${engine.ruleset.id} ${engine.ruleset.version} (${engine.ruleset.rules.length} rules), as of ${AS_OF}\n`,
);
for (const file of EXAMPLES) {
  const transaction = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const a = engine.assess(transaction, { asOf: AS_OF });
  console.log(`━━ ${file}`);
  console.log(`   ${transaction.items[0].description} → ${transaction.endUsers[0].name} (${transaction.destination})`);
  console.log(`   DECISION: ${a.decision.toUpperCase()}   score ${a.score.value} (${a.score.band})`);
  for (const f of a.findings.slice(0, 3)) {
    console.log(`   • [severity ${f.severity.level}, likelihood ${f.likelihood}] ${f.title}: ${f.rationale}`);
  }
  if (a.findings.length > 3) console.log(`   … and ${a.findings.length - 3} more finding(s)`);
  const outstanding = a.requiredAssurances.filter((r) => r.status === 'outstanding');
  if (outstanding.length > 0)
    console.log(`   Assurances to obtain: ${outstanding.map((r) => `${r.type} (from ${r.from})`).join(', ')}`);
  if (a.missingInformation.length > 0)
    console.log(
      `   Missing information: ${a.missingInformation.length} item(s), ${a.missingInformation.filter((m) => m.blocking).length} blocking`,
    );
  console.log('');
}
console.log('Full report: npm run hrdd -- assess examples/transactions/<file> --as-of 2026-11-01 --format md');
