import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// Regenerates every derived file: country data, JSON Schemas, generated docs, the API report (etc/hrdd.api.md).
const here = import.meta.dirname;
for (const script of [
  'derive-country-data.ts',
  'generate-schemas.ts',
  'generate-docs.ts',
  'generate-judgements.ts',
  'api-report.ts',
]) {
  execFileSync(process.execPath, ['--import', 'tsx', join(here, script)], { stdio: 'inherit' });
}
