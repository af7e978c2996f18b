import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine, HrddError, parseTransaction, safeParseTransaction } from '../../src/index.js';
import { MAX_INPUT_DEPTH } from '../../src/model/index.js';
import { readJsonFile } from '../../src/node/index.js';
import { hrdd } from '../cli/run-cli.js';
import { baseTransaction, issuesOf } from '../helpers.js';

const deep = () => JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;

describe('input limits, checked before anything recursive', () => {
  const engine = createEngine();

  it('an answer nested 100,000 arrays deep is an HrddError naming its path, not a stack overflow', () => {
    const issues = issuesOf(() =>
      engine.assess(baseTransaction(), { asOf: '2026-11-01', answers: { misuse_reports: deep() } }),
    );
    expect(issues).toEqual([
      {
        path: `answers.misuse_reports${'[0]'.repeat(MAX_INPUT_DEPTH - 1)}`,
        message: 'nested more than 64 levels deep',
      },
    ]);
  });

  it('a transaction nested deeply anywhere is an HrddError, thrown or returned', () => {
    const tx = { ...baseTransaction(), endUse: { description: deep() } };
    expect(issuesOf(() => parseTransaction(tx))[0]!.path).toMatch(/^endUse\.description(\[0\])+$/);
    const result = safeParseTransaction(tx);
    expect(result.success).toBe(false);
    expect(issuesOf(() => engine.assess(tx, { asOf: '2026-11-01' }))[0]!.message).toBe(
      'nested more than 64 levels deep',
    );
  });

  it('a JSON file nested absurdly deep is an HrddError naming the file; assess exits 2, never 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hrdd-deep-'));
    const file = join(dir, 'answers.json');
    writeFileSync(file, `{"misuse_reports":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(() => readJsonFile(file, 'answers file')).toThrow(/answers file .*answers\.json/);
    const tx = join(dir, 'tx.json');
    writeFileSync(tx, JSON.stringify(baseTransaction()));
    const r = hrdd(['assess', tx, '--as-of', '2026-11-01', '--answers', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nested more than 512 levels deep');
    writeFileSync(file, `{"misuse_reports":${'['.repeat(100)}${']'.repeat(100)}}`);
    const shallower = hrdd(['assess', tx, '--as-of', '2026-11-01', '--answers', file]);
    expect(shallower.code).toBe(2);
    expect(shallower.stderr).toContain('answers.misuse_reports[0]');
  });

  it('a lone surrogate is reported at its field, not at (root)', () => {
    const tx = baseTransaction() as { endUsers: { name: string }[] };
    tx.endUsers[0]!.name = 'Acme \uD800 Ltd';
    expect(issuesOf(() => parseTransaction(tx))).toEqual([
      { path: 'endUsers[0].name', message: 'text holds a lone surrogate (not a character)' },
    ]);
    expect(
      issuesOf(() => engine.assess(baseTransaction(), { asOf: '2026-11-01', answers: { notes: '\uDC00' } }))[0]!.path,
    ).toBe('answers.notes');
  });

  it('a name of only zero-width or invisible characters is rejected; one with a visible character is not', () => {
    for (const name of ['\u200B', '\u200B\u200C\u200D\u2060', '\uFEFF \u00AD']) {
      const tx = baseTransaction() as { endUsers: { name: string; aliases?: string[] }[] };
      tx.endUsers[0]!.name = name;
      expect(
        issuesOf(() => parseTransaction(tx)),
        JSON.stringify(name),
      ).toEqual([
        { path: 'endUsers[0].name', message: 'expected visible text, not only invisible or zero-width characters' },
      ]);
    }
    const ok = baseTransaction() as { endUsers: { name: string }[] };
    ok.endUsers[0]!.name = '\u200BЧОП Щит';
    expect(() => parseTransaction(ok)).not.toThrow();
  });
});

describe('restricted-party lists', () => {
  it('a JSON list nested absurdly deep is an HrddError naming the file, found without recursion', async () => {
    const { loadLists } = await import('../../src/node/index.js');
    const dir = mkdtempSync(join(tmpdir(), 'hrdd-deep-list-'));
    const file = join(dir, 'list.json');
    writeFileSync(file, `[{"name":"ACME","addresses":${'['.repeat(100_000)}${']'.repeat(100_000)}}]`);
    expect(() => loadLists([file])).toThrow(HrddError);
    expect(() => loadLists([file])).toThrow(/list\.json: nested more than 512 levels deep/);
  });
});
