import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSchemas } from '../../scripts/generate-schemas.js';
import { ROOT } from '../helpers.js';

describe('schemas/', () => {
  it('holds the current JSON Schema of every format (regenerate: npx tsx scripts/generate-schemas.ts)', () => {
    const dir = join(ROOT, 'schemas');
    const expected = renderSchemas();
    expect(readdirSync(dir).sort()).toEqual([...expected.keys()].sort());
    for (const [file, text] of expected) expect(readFileSync(join(dir, file), 'utf8'), `${file} is stale`).toBe(text);
  });
});
