import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copiesOf, renderSites } from '../../scripts/generate-sites.js';
import * as sites from '../../src/logic/sites.js';
import { ROOT } from '../helpers.js';

describe('src/logic/sites.ts', () => {
  it('holds the current copies of site-templates.ts (regenerate: npx tsx scripts/generate-sites.ts)', () => {
    expect(readFileSync(join(ROOT, 'src', 'logic', 'sites.ts'), 'utf8')).toBe(renderSites());
  });

  it('has every template, each copied as often as the generator says, as distinct functions', () => {
    const templates = readFileSync(join(ROOT, 'src', 'logic', 'site-templates.ts'), 'utf8');
    const names = [...templates.matchAll(/^export const (\w+) =/gm)].map((m) => m[1]!);
    expect(Object.keys(sites).sort()).toEqual([...names].sort());
    for (const name of names) {
      const copies = (sites as Record<string, readonly unknown[]>)[name]!;
      expect(copies.length, name).toBe(copiesOf(name));
      expect(new Set(copies).size, name).toBe(copies.length);
    }
  });
});
