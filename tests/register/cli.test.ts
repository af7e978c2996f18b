import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/node/register/index.js';
import { CLI, hrdd } from '../cli/run-cli.js';
import { EXAMPLES_DIR, ROOT } from '../helpers.js';

/** The done-when flow of the register on a fresh directory with the embedded default (PGlite). */
// Every command opens the embedded database afresh (a few seconds each on a loaded machine): generous timeouts.
describe('hrdd register, misuse, monitor, transparency (embedded PGlite)', { timeout: 600_000 }, () => {
  let dir: string;
  let db: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hrdd-register-cli-'));
    db = join(dir, 'register');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses commands on a register that was never initialised (exit 2)', () => {
    const r = hrdd(['register', 'verify', '--db', join(dir, 'nothing-here')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no register at .*register init/);
  });

  it('init, add, monitor quiet; a high-credibility report makes monitor exit 3 with the reason', () => {
    expect(hrdd(['register', 'init', '--db', db]).code).toBe(0);
    const assessed = hrdd([
      'assess',
      join(EXAMPLES_DIR, '03-facial-recognition-police-high-civil-liberties.json'),
      '--as-of',
      '2026-11-01',
    ]);
    expect(assessed.code).toBe(0);
    const file = join(dir, 'record.json');
    writeFileSync(file, assessed.stdout);
    const added = hrdd(['register', 'add', file, '--db', db]);
    expect(added.stdout).toMatch(/added 1 assessment/);
    expect(added.code).toBe(0);

    const quiet = hrdd(['monitor', '--as-of', '2026-11-02', '--db', db]);
    expect(quiet.code).toBe(0);
    expect(JSON.parse(quiet.stdout)).toMatchObject({ asOf: '2026-11-02', checked: 1, changes: [] });

    const report = hrdd([
      'misuse',
      'add',
      '--db',
      db,
      '--party',
      'Fjordvik District Police',
      '--source',
      'https://example.org/investigation',
      '--date',
      '2026-11-02',
      '--summary',
      'Face recognition used to identify journalists at a protest',
      '--credibility',
      'high',
    ]);
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/party eu-1: "Fjordvik District Police" ~ "Fjordvik District Police" score 1/);

    const worse = hrdd(['monitor', '--as-of', '2026-11-03', '--db', db]);
    expect(worse.code).toBe(3);
    const out = JSON.parse(worse.stdout) as {
      changes: { transactionId: string; from: string; to: string; reasons: string[] }[];
    };
    expect(out.changes).toHaveLength(1);
    expect(out.changes[0]).toMatchObject({
      transactionId: 'SO-2026-0103',
      from: 'proceed-with-conditions',
      to: 'escalate',
    });
    expect(out.changes[0]!.reasons.join('\n')).toMatch(
      /misuse report .*high credibility.*end-user eu-1[\s\S]*RF-EU-MISUSE-REPORTS/,
    );

    const md = hrdd(['monitor', '--as-of', '2026-11-03', '--db', db, '--format', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('No decision changed.');
  });

  it('two writers at once (two processes) keep the chain intact', async () => {
    const run = (i: number) =>
      new Promise<number>((resolve) => {
        const child = spawn(
          process.execPath,
          [
            CLI,
            'register',
            'review',
            '--db',
            db,
            '--transaction-id',
            'SO-2026-0103',
            '--decision',
            'escalate',
            '--justification',
            `escalated after the misuse report (${i})`,
            '--preparer',
            `Analyst ${i}`,
            '--approver',
            'Head of Compliance',
            '--date',
            '2026-11-04',
          ],
          { cwd: ROOT, stdio: 'ignore' },
        );
        child.on('exit', (code) => resolve(code ?? 1));
      });
    expect(await Promise.all([run(1), run(2)])).toEqual([0, 0]);
    const shown = hrdd(['register', 'show', 'SO-2026-0103', '--db', db, '--as-of', '2026-11-05']);
    expect(shown.code).toBe(0);
    expect((JSON.parse(shown.stdout) as { reviews: unknown[] }).reviews).toHaveLength(2);
  });

  it('verify passes, fails after a row is altered directly in the database, and transparency renders', async () => {
    const ok = hrdd(['register', 'verify', '--db', db]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^ok: 6 entries, head sha256:[0-9a-f]{64}/);

    const direct = await openDb(db);
    await direct.query("update register_assessments set decision = 'proceed' where source = 'monitor'");
    await direct.close();
    const broken = hrdd(['register', 'verify', '--db', db]);
    expect(broken.code).toBe(3);
    expect(broken.stdout).toMatch(
      /BROKEN[\s\S]*register_assessments: row of entry 4 differs from the chain: decision: "proceed" ≠ "escalate"/,
    );

    const html = hrdd(['transparency', '--year', '2026', '--db', db, '--format', 'html']);
    expect(html.code).toBe(0);
    expect(html.stdout).toMatch(/^<!doctype html>/);
    const md = hrdd(['transparency', '--year', '2026', '--db', db]);
    expect(md.stdout).toContain('| RF-EU-MISUSE-REPORTS | 1 |');
    expect(md.stdout).not.toMatch(/Fjordvik|eu-1|SO-2026/);
  });
});
