import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderJudgementsDoc } from './judgement-orders.js';

// Writes docs/judgements.md from the judgement orders (tests/judgements/orders/).
writeFileSync(join(import.meta.dirname, '..', 'docs', 'judgements.md'), renderJudgementsDoc());
console.log('wrote docs/judgements.md');
