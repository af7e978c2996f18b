import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import countries from 'i18n-iso-countries';
import { sha256Hex } from '../src/digest/index.js';

/**
 * Derives src/data/country-indicators.json from data/vdem-civil-liberties-owid.csv: the latest year per country,
 * keyed by ISO 3166-1 alpha-2 code, with source, licence and the hash of the source file.
 * Run: npx tsx scripts/derive-country-data.ts [--check]
 */
const root = join(import.meta.dirname, '..');
const SOURCE = 'data/vdem-civil-liberties-owid.csv';

export function deriveCountryData(csv: string): Record<string, unknown> {
  const latest = new Map<string, { value: number; year: number }>();
  const lines = csv.trim().split(/\r?\n/);
  if (lines[0] !== 'Entity,Code,Year,hri') throw new Error(`unexpected header in ${SOURCE}: ${lines[0]}`);
  for (const line of lines.slice(1)) {
    // Entity names may contain commas inside quotes; the last three fields never do.
    const fields = line.split(',');
    const [code, yearText, valueText] = fields.slice(-3) as [string, string, string];
    // OWID gives Kosovo its own code; other OWID_ codes are regional aggregates with no ISO code.
    const alpha2 = code === 'OWID_KOS' ? 'XK' : /^[A-Z]{3}$/.test(code) ? countries.alpha3ToAlpha2(code) : undefined;
    if (!alpha2) continue;
    const year = Number(yearText);
    const value = Number(valueText);
    if (!Number.isFinite(value) || valueText === '') continue;
    const prev = latest.get(alpha2);
    if (!prev || year > prev.year) latest.set(alpha2, { value, year });
  }
  const byCode: Record<string, { civilLiberties: { value: number; year: number } }> = {};
  for (const code of [...latest.keys()].sort()) byCode[code] = { civilLiberties: latest.get(code)! };
  const years = [...latest.values()].map((v) => v.year);
  return {
    id: 'vdem-civil-liberties-owid',
    version: `v13-${Math.max(...years)}`,
    title: 'V-Dem civil liberties index, latest year per country',
    source: {
      name: 'V-Dem (v13), processed by Our World in Data',
      url: 'https://ourworldindata.org/grapher/civil-liberties-index-vdem',
      licence: 'V-Dem: CC BY-SA 4.0; Our World in Data: CC BY 4.0',
      attribution: 'V-Dem (v13), processed by Our World in Data',
      file: SOURCE,
      fileHash: `sha256:${sha256Hex(csv)}`,
    },
    indicators: {
      civilLiberties: {
        description:
          'Civil liberties index: freedom from government repression, freedom of expression and association, private liberties.',
        scale: '0 (none) to 1 (full)',
      },
    },
    countries: byCode,
  };
}

export function renderCountryData(): string {
  return `${JSON.stringify(deriveCountryData(readFileSync(join(root, SOURCE), 'utf8')), null, 2)}\n`;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const target = join(root, 'src/data/country-indicators.json');
  writeFileSync(target, renderCountryData());
  console.log(`wrote ${target}`);
}
