import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeParseTransaction } from '../src/index.js';

// Validates every example transaction and prints one line for each.
const dir = join(import.meta.dirname, '..', 'examples', 'transactions');
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const result = safeParseTransaction(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  if (result.success) {
    const tx = result.data;
    console.log(`${file}: ${tx.id} → ${tx.destination}, ${tx.items.length} item(s), end user ${tx.endUsers[0]!.name}`);
  } else console.log(`${file}: invalid\n${result.error.message}`);
}
