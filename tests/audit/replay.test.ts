import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, defaultRuleset, replayAssessment, toRecord } from '../../src/index.js';
import { hrdd } from '../cli/run-cli.js';
import { example, exampleTransactions } from '../helpers.js';

const engine = createEngine();
const record = (tx: unknown, answers?: Record<string, unknown>, asOf = '2026-11-01') =>
  JSON.parse(
    JSON.stringify(
      toRecord(
        engine.assess(tx, { asOf, ...(answers ? { answers } : {}) }),
        { transaction: tx, ...(answers ? { answers } : {}) },
        engine,
      ),
    ),
  );

describe('replay', () => {
  it('reproduces a fresh assessment of any example on any date (property)', () => {
    const txs = exampleTransactions().map(([, tx]) => tx);
    const date = fc
      .date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.constantFrom(...txs), date, (tx, asOf) => {
        const r = replayAssessment(record(tx, undefined, asOf));
        expect(r.differences).toEqual([]);
        expect(r.reproduced).toBe(true);
      }),
      { numRuns: 25, seed: 5 },
    );
  });

  it('reports every changed field', () => {
    const r = record(example('03-'), { misuse_reports: false });
    r.decision = 'proceed';
    r.findings[0].likelihood = 1;
    const result = replayAssessment(r);
    expect(result.reproduced).toBe(false);
    expect(result.differences.map((d) => d.path)).toEqual(['decision', 'findings[0].likelihood']);
  });

  it('reports a rule set whose hash differs instead of using it silently', () => {
    const r = record(example('03-'));
    const changed = structuredClone(defaultRuleset);
    changed.parameters!.civilLibertiesThreshold = 0.99;
    const result = replayAssessment(r, { ruleset: changed });
    expect(result.reproduced).toBe(false);
    // The decision first, then what it ran with.
    expect(result.differences.map((d) => d.path).slice(0, 2)).toEqual(['decision', 'options.ruleset.hash']);
    expect(result.notes[0]).toContain('hash');
    const unknown = {
      ...r,
      options: { ...r.options, ruleset: { ...r.options.ruleset, hash: `sha256:${'1'.repeat(64)}` } },
    };
    const missing = replayAssessment(unknown);
    expect(missing.status).toBe('could-not-run');
    expect(missing.missing[0]).toContain('not bundled: pass it with --ruleset');
  });

  it('the CLI reproduces under another time zone, locale and clock, and exits 3 on a difference', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hrdd-replay-'));
    const file = join(dir, 'record.json');
    writeFileSync(file, JSON.stringify(record(example('02-'))));
    const ok = hrdd(['replay', file], { env: { TZ: 'Pacific/Chatham', LANG: 'ar_EG.UTF-8' } });
    expect(ok.stdout).toContain('reproduced');
    expect(ok.code).toBe(0);
    const bad = record(example('02-'));
    bad.score.value = 1;
    writeFileSync(file, JSON.stringify(bad));
    const out = hrdd(['replay', file]);
    expect(out.code).toBe(3);
    expect(out.stdout).toContain('score.value');
  });
});
