import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCountryData } from '../../scripts/derive-country-data.js';
import { GENERATED_DOCS } from '../../scripts/generate-docs.js';
import { ROOT } from '../helpers.js';

describe('generated files are current (regenerate: npm run generate)', () => {
  it.each(Object.keys(GENERATED_DOCS))('%s', (file) => {
    expect(readFileSync(join(ROOT, file), 'utf8')).toBe(GENERATED_DOCS[file]!());
  });

  it('src/data/country-indicators.json is derived from data/vdem-civil-liberties-owid.csv', () => {
    expect(readFileSync(join(ROOT, 'src/data/country-indicators.json'), 'utf8')).toBe(renderCountryData());
  });
});
