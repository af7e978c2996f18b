import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', 'examples', 'transactions');

export function exampleFiles(): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

export function readExample(file: string): unknown {
  return JSON.parse(readFileSync(join(dir, file), 'utf8'));
}
