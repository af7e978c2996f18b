import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hrdd } from '../cli/run-cli.js';
import { EXAMPLES_DIR, ROOT } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'hrdd-screen-'));
const lists = join(ROOT, 'tests/fixtures/lists');
const police = join(EXAMPLES_DIR, '03-facial-recognition-police-high-civil-liberties.json');

describe('hrdd screen', () => {
  it('reads several lists of different formats at once, every hit with its list and listing date', () => {
    const out = hrdd([
      'screen',
      'Koryong Signal Trading Company',
      '--lists',
      join(lists, 'un-consolidated.xml'),
      '--lists',
      join(lists, 'eu-fsf.xml'),
      '--lists',
      join(lists, 'opensanctions-targets.simple.csv'),
      '--format',
      'json',
    ]);
    expect(out.code).toBe(0);
    const hits = JSON.parse(out.stdout);
    expect(hits[0].entry).toMatchObject({
      id: 'KPe.902',
      source: 'UN Security Council Consolidated List',
      startDate: '2016-03-02',
    });
  });

  it('a malformed list is exit 2 naming the line; --list-format forces a format', () => {
    const bad = join(dir, 'bad.xml');
    writeFileSync(bad, '<?xml version="1.0"?>\n<export>\n  <sanctionEntity logicalId="1">\n');
    const out = hrdd(['screen', 'x', '--lists', bad]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/line \d+, column \d+: unclosed element/);
    expect(out.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(hrdd(['screen', 'x', '--lists', join(lists, 'eu-fsf.xml'), '--list-format', 'uk']).code).toBe(2);
  });

  it('index build saves an index that screen and assess load with --index, with the same provenance as --lists', () => {
    const index = join(dir, 'index.bin');
    const files = ['eu-fsf.xml', 'un-consolidated.xml', 'uk-sanctions-list.xml'].map((f) => join(lists, f));
    const csl = join(ROOT, 'tests/fixtures/csl-sample.csv');
    const built = hrdd(['screen', 'index', 'build', ...files, csl, '--out', index]);
    expect(built.code).toBe(0);
    expect(built.stdout).toContain('entries');
    const screened = hrdd(['screen', 'STEPNOY RADIOTECHNICAL PLANT', '--index', index, '--country', 'RU']);
    expect(screened.stdout).toContain('CERTAIN');
    const viaIndex = JSON.parse(hrdd(['assess', police, '--as-of', '2026-11-01', '--index', index]).stdout);
    const viaLists = JSON.parse(
      hrdd(['assess', police, '--as-of', '2026-11-01', ...[...files, csl].flatMap((f) => ['--lists', f])]).stdout,
    );
    expect(viaIndex.provenance.data).toEqual(viaLists.provenance.data);
    expect(viaIndex.decision).toBe(viaLists.decision);
    expect(hrdd(['screen', 'x', '--index', csl]).code).toBe(2);
  });

  it('screen and assess use one threshold: a hit screen shows is a finding in assess', () => {
    const list = join(dir, 'list.json');
    writeFileSync(
      list,
      JSON.stringify([
        {
          id: 'e1',
          source: 'Unverified List (UVL) - Bureau of Industry and Security',
          name: 'Aurora Signal Instruments Kortaravik',
          countries: [],
        },
      ]),
    );
    const shown = JSON.parse(hrdd(['screen', 'Aurora Signal Instrument', '--lists', list, '--format', 'json']).stdout);
    expect(shown.length).toBe(1);
    const tx = JSON.parse(readFileSync(police, 'utf8'));
    tx.endUsers[0].name = 'Aurora Signal Instrument';
    const txFile = join(dir, 'tx.json');
    writeFileSync(txFile, JSON.stringify(tx));
    const record = JSON.parse(hrdd(['assess', txFile, '--as-of', '2026-11-01', '--lists', list]).stdout);
    const hit = record.findings.find((f: { ruleId: string }) => f.ruleId === 'eu-listed-review');
    expect(hit?.facts['it.score']).toBe(Math.round(shown[0].score * 1000) / 1000);
  });
});
