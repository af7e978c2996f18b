import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRecord } from '../../src/audit/index.js';
import { createEngine } from '../../src/engine/index.js';
import { HrddError } from '../../src/errors.js';
import { openRegister, type Register } from '../../src/node/index.js';
import { MIGRATIONS } from '../../src/node/register/index.js';
import { baseTransaction, example, ROOT } from '../helpers.js';
import { backends } from './backends.js';

const engine = createEngine();

function record(transaction: Record<string, unknown>, asOf: string, answers?: Record<string, unknown>) {
  const a = engine.assess(transaction, { asOf, ...(answers ? { answers } : {}) });
  return toRecord(a, { transaction, ...(answers ? { answers } : {}) }, engine);
}

/** Police facial recognition in Norway: proceed with conditions until assurances are on file. */
function policeOrder(id: string, endUserId: string, name = 'Fjordvik District Police') {
  const t = example('03');
  t.id = id;
  const endUsers = t.endUsers as { id: string; name: string }[];
  const old = endUsers[0]!.id;
  endUsers[0]!.id = endUserId;
  endUsers[0]!.name = name;
  const text = JSON.stringify(t).replaceAll(`"from":"${old}"`, `"from":"${endUserId}"`);
  return JSON.parse(text) as Record<string, unknown>;
}

/** A private person buying laptops: personal data the register must be able to erase. */
function individualOrder() {
  const t = baseTransaction();
  t.id = 'T-PERSON';
  t.endUsers = [
    { id: 'person-7', name: 'Ingrid Solberg', country: 'NO', type: 'individual', address: 'Storgata 1, Oslo' },
  ];
  return t;
}

describe.each(backends())('register on $name', (backend) => {
  let register: Register;
  let drop: () => Promise<void>;
  let db: string;

  beforeAll(async () => {
    ({ db, drop } = await backend.fresh());
    register = await openRegister({ db, create: true });
  }, 180_000);

  afterAll(async () => {
    await register?.close();
    await drop?.();
  });

  it('refuses to open a register that was never created, unless asked to create it', async () => {
    const other = await backend.fresh();
    await expect(openRegister({ db: other.db })).rejects.toThrow(/no register/);
    await other.drop();
  });

  it('monitors nothing new, then a high-credibility misuse report about the end user makes the decision worse', async () => {
    const added = await register.addAssessments([
      record(policeOrder('SO-1', 'fjordvik-police'), '2026-11-01'),
      record(policeOrder('SO-2', 'fjordvik-police'), '2026-11-01'),
      record(policeOrder('SO-3', 'bergen-police', 'Bergen Police District'), '2026-11-01'),
    ]);
    expect(added).toMatchObject({ added: 3, skipped: [] });
    const quiet = await register.monitor({ asOf: '2026-11-02', engine });
    expect(quiet).toMatchObject({ checked: 3, reassessed: 0, changes: [], worse: false });

    const report = await register.addMisuseReport({
      party: 'fjordvik-police',
      source: 'https://example.org/report',
      date: '2026-11-02',
      summary: 'Cameras used to identify journalists at a protest',
      credibility: 'high',
    });
    expect(report.parties).toEqual([{ by: 'id', partyId: 'fjordvik-police' }]);
    const worse = await register.monitor({ asOf: '2026-11-03', engine });
    expect(worse.worse).toBe(true);
    expect(worse.reassessed).toBe(2);
    expect(worse.changes.map((c) => [c.transactionId, c.from, c.to])).toEqual([
      ['SO-1', 'proceed-with-conditions', 'escalate'],
      ['SO-2', 'proceed-with-conditions', 'escalate'],
    ]);
    const reasons = worse.changes[0]!.reasons.join('\n');
    expect(reasons).toMatch(/misuse report MR-\w+ \(high credibility, 2026-11-02/);
    expect(reasons).toContain('RF-EU-MISUSE-REPORTS');
    const view = await register.show('SO-1');
    expect(view.latest.findings.map((f) => f.ruleId)).toContain('eu-misuse-reports');
    expect(view.latest.input.answers).toMatchObject({ misuse_reports: true });
    expect(view.assessments.map((a) => a.source)).toEqual(['add', 'monitor']);

    // Stored: the next run has nothing new to say.
    expect(await register.monitor({ asOf: '2026-11-03', engine })).toMatchObject({ reassessed: 0, changes: [] });
  });

  it('matches a report by name with the screening matcher and shows the match; a medium one only asks for attention', async () => {
    const r = await register.addMisuseReport({
      party: 'Fjordvik Distrikt Police',
      source: 'local newspaper',
      date: '2026-11-04',
      summary: 'Alleged use against a union meeting',
      credibility: 'medium',
    });
    expect(r.parties).toHaveLength(1);
    expect(r.parties[0]).toMatchObject({
      by: 'name',
      partyId: 'fjordvik-police',
      matchedName: 'Fjordvik District Police',
    });
    const run = await register.monitor({ asOf: '2026-11-05', engine });
    expect(run.changes).toEqual([]);
    expect(run.attention.map((a) => a.transactionId)).toEqual(['SO-1', 'SO-2']);
    expect(run.attention[0]!.reasons[0]).toMatch(/medium credibility.*corroborate/);
    await expect(
      register.addMisuseReport({ party: 'Nobody Like This GmbH', source: 'x', date: '2026-11-05', summary: 'x' }),
    ).rejects.toThrow(HrddError);
  });

  it('re-assesses when a review date passes or a recorded assurance expires', async () => {
    const view = await register.show('SO-3');
    const reviewBy = view.assessments.at(-1)!.reviewBy!;
    const run = await register.monitor({ asOf: reviewBy, engine });
    const attention = run.changes.concat().map((c) => c.transactionId);
    expect(run.reassessed).toBeGreaterThanOrEqual(1);
    expect(attention).not.toContain('SO-3'); // same facts, same decision
    const again = await register.needsAttention({ asOf: reviewBy, engine });
    expect(again.map((a) => a.transactionId)).not.toContain('SO-3');

    await register.addAssurance({
      partyId: 'bergen-police',
      transactionId: 'SO-3',
      type: 'audit-right',
      reference: 'contract §12',
      validFrom: '2026-11-01',
      validUntil: '2027-06-01',
    });
    const pending = await register.needsAttention({ asOf: '2027-06-02', engine });
    const reasons = pending.find((a) => a.transactionId === 'SO-3')!.reasons;
    expect(reasons).toContain('assurance audit-right from bergen-police recorded (contract §12)');
    expect(reasons).toContain('assurance audit-right from bergen-police expired on 2027-06-01');
  });

  it('keeps reviews four-eyes and leverage on record; a terminated transaction is no longer monitored', async () => {
    await expect(
      register.addReview({
        transactionId: 'SO-1',
        decision: 'decline',
        justification: 'credible misuse report, no remedy offered',
        preparer: 'A. Analyst',
        approver: 'a. analyst',
        date: '2026-11-06',
      }),
    ).rejects.toThrow(/approver must be someone other/);
    await register.addReview({
      transactionId: 'SO-1',
      decision: 'decline',
      justification: 'credible misuse report, no remedy offered',
      preparer: 'A. Analyst',
      approver: 'B. Officer',
      date: '2026-11-06',
    });
    await register.addLeverage({ transactionId: 'SO-1', action: 'suspend-updates', date: '2026-11-06' });
    await register.addLeverage({
      transactionId: 'SO-1',
      action: 'terminate',
      date: '2026-11-07',
      note: 'contract ended',
    });
    await register.addRemediation({
      transactionId: 'SO-1',
      date: '2026-11-08',
      status: 'planned',
      description: 'fund legal aid',
    });
    const run = await register.monitor({ asOf: '2026-11-08', engine });
    expect(run.checked).toBe(2);
    const view = await register.show('SO-1', { asOf: '2026-11-08' });
    expect(view.active).toBe(false);
    expect(view.reviews).toHaveLength(1);
    expect(view.leverage.map((l) => l.action)).toEqual(['suspend-updates', 'terminate']);
    expect(view.remediation).toHaveLength(1);
  });

  it('keeps personal data out of the chain and erases it on request while the chain still verifies', async () => {
    await register.addAssessments([record(individualOrder(), '2026-11-01')]);
    const rows = await register.db.query<{ record: string }>(
      "select record from register_entries where record like '%T-PERSON%'",
    );
    expect(rows[0]!.record).not.toContain('Ingrid');
    expect(rows[0]!.record).not.toContain('Storgata');
    expect((await register.show('T-PERSON')).parties.find((p) => p.partyId === 'person-7')!.name).toBe(
      'Ingrid Solberg',
    );
    const erased = await register.erase('person-7', { date: '2026-11-09', reason: 'request of the data subject' });
    expect(erased.erased).toBe(2);
    const view = await register.show('T-PERSON');
    expect(view.parties.find((p) => p.partyId === 'person-7')!.name).toBe('[erased]');
    expect(JSON.stringify(view)).not.toContain('Ingrid');
    expect((await register.verify()).problems).toEqual([]);
  });

  it('publishes transparency counts without personal data or ids', async () => {
    const t = await register.transparency(2026);
    expect(t.transactions).toBe(4);
    expect(t.byDecision.escalate).toBeGreaterThanOrEqual(1);
    expect(t.byRedFlag['RF-EU-MISUSE-REPORTS']).toBe(2);
    expect(t.byRegion['Northern Europe']).toBeDefined();
    expect(t.leverage).toMatchObject({ 'suspend-updates': 1, terminate: 1 });
    expect(t.reports.misuse).toMatchObject({ high: 1, medium: 1 });
    const text = JSON.stringify(t);
    for (const secret of ['SO-1', 'fjordvik', 'Fjordvik', 'Ingrid', 'person-7']) expect(text).not.toContain(secret);
  });

  it('serialises concurrent writers: the chain stays one line', async () => {
    const second = await openRegister({ db: backend.name === 'postgres' ? db : register.db });
    const writes = Array.from({ length: 12 }, (_, i) =>
      (i % 2 === 0 ? register : second).addAssurance({
        partyId: 'bergen-police',
        type: 'human-rights-training',
        reference: `training ${i}`,
        validFrom: '2026-11-10',
      }),
    );
    const seqs = (await Promise.all(writes)).map((w) => w.seq).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(12);
    expect(seqs.at(-1)! - seqs[0]!).toBe(11);
    await second.close();
    expect((await register.verify()).problems).toEqual([]);
  });

  it('detects rows altered, added or removed behind its back', async () => {
    const head = await register.head();
    expect(await register.verify({ head })).toMatchObject({ ok: true });
    const cases: [string, string, RegExp][] = [
      [
        "update register_assessments set decision = 'proceed' where transaction_id = 'SO-2' and source = 'monitor'",
        "update register_assessments set decision = 'escalate' where transaction_id = 'SO-2' and source = 'monitor'",
        /register_assessments: row of entry \d+ differs from the chain: decision: "proceed" ≠ "escalate"/,
      ],
      [
        `update register_entries set record = replace(record, '"approver":"B. Officer"', '"approver":"C. Other"') where kind = 'review'`,
        `update register_entries set record = replace(record, '"approver":"C. Other"', '"approver":"B. Officer"') where kind = 'review'`,
        /entry \d+: hash does not match/,
      ],
    ];
    for (const [tamper, restore, message] of cases) {
      await register.db.query(tamper);
      const result = await register.verify();
      expect(result.ok).toBe(false);
      expect(result.problems.join('\n')).toMatch(message);
      await register.db.query(restore);
      expect((await register.verify()).problems).toEqual([]);
    }
    await register.db.query("delete from register_personal where subject like 'report:%'");
    expect((await register.verify()).problems.join('\n')).toMatch(/removed without a recorded erasure/);
  });

  it('upgrades a register of schema version 1, filling the new assessment columns from the chain', async () => {
    const columns = 'select seq, input, fired from register_assessments order by seq';
    const before = await register.db.query<{ input: string | null; fired: string | null }>(columns);
    expect(before.length).toBeGreaterThan(3);
    expect(before.every((r) => r.input?.startsWith('{"') && r.fired?.startsWith('['))).toBe(true);
    // The test before removed personal values behind the chain's back: verify's findings stay exactly those.
    const problems = (await register.verify()).problems;
    await register.db.query('alter table register_assessments drop column input');
    await register.db.query('alter table register_assessments drop column fired');
    await register.db.query('delete from register_migrations where version = 2');
    const upgraded = await openRegister({ db: backend.name === 'postgres' ? db : register.db });
    expect(await upgraded.db.query(columns)).toEqual(before);
    expect((await upgraded.verify()).problems).toEqual(problems);
    await upgraded.db.query("update register_assessments set fired = '[]' where source = 'monitor'");
    expect((await upgraded.verify()).problems.join('\n')).toMatch(
      /register_assessments: row of entry \d+ differs from the chain: fired:/,
    );
    await upgraded.close();
  });

  it('refuses a register whose applied migration was edited', async () => {
    await register.db.query("update register_migrations set checksum = 'sha256:x' where version = 1");
    await expect(openRegister({ db: backend.name === 'postgres' ? db : register.db })).rejects.toThrow(
      /migration 1 applied to this register differs/,
    );
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });
});

describe('chain entries of the register', () => {
  it('hash as the decision log does: sha256(canonical({ seq, prevHash, record }))', async () => {
    const { chainEntry } = await import('../../src/node/register/chain.js');
    const { entryHash, nextEntry } = await import('../../src/audit/index.js');
    const rec = record(policeOrder('SO-9', 'x-police'), '2026-11-01');
    const first = chainEntry(undefined, { kind: 'assessment', source: 'add', record: rec });
    expect(first).toMatchObject(nextEntry(undefined, { kind: 'assessment', source: 'add', record: rec }));
    const second = chainEntry(first, { kind: 'settings', retentionDays: 7, note: 'ü "quoted" \n' });
    expect(second.hash).toBe(entryHash(2, first.hash, JSON.parse(second.text)));
  });
});

describe.each(backends())('monitor on the worker pool, on $name', (backend) => {
  it('gives the same report and the same entries as on this thread, and a chain that verifies', async () => {
    // Worker threads load compiled JavaScript: both runs use the built module, one with workers and one without.
    const built = (await import(
      pathToFileURL(join(ROOT, 'dist', 'node', 'index.js')).href
    )) as typeof import('../../src/node/index.js');
    // More transactions than one chunk of work, several orders of each kind, an individual (personal data), a
    // high-credibility report about one end user and an assurance: every path a re-assessment can take.
    const records: unknown[] = [];
    for (let i = 0; i < 640; i++) {
      const t =
        i % 40 === 0
          ? { ...individualOrder(), id: `T-${String(i).padStart(4, '0')}` }
          : i % 5 === 0
            ? policeOrder(`T-${String(i).padStart(4, '0')}`, i % 10 === 0 ? 'fjordvik-police' : 'bergen-police')
            : { ...example(`${String((i % 13) + 1).padStart(2, '0')}-`), id: `T-${String(i).padStart(4, '0')}` };
      // Quotes and a backslash: JSON escapes in the stored text, which COPY must escape in turn.
      if (i % 40 === 20) (t.items as { description: string }[])[0]!.description += ' ("LI" gateway, C:\\hrdd)';
      records.push(record(t, '2026-11-01'));
    }
    const runs = [];
    for (const workers of [0, 2]) {
      const { db, drop } = await backend.fresh();
      const r = await built.openRegister({ db, create: true });
      try {
        await r.addAssessments(records);
        await r.addMisuseReport({
          party: 'fjordvik-police',
          source: 'https://example.org/report',
          date: '2027-01-10',
          summary: 'Cameras used to identify journalists at a protest',
          credibility: 'high',
        });
        await r.addAssurance({
          partyId: 'bergen-police',
          type: 'audit-right',
          reference: 'contract §12',
          validFrom: '2026-11-01',
          validUntil: '2027-06-01',
        });
        const progress: number[] = [];
        const report = await r.monitor({
          asOf: '2029-01-01',
          files: {},
          workers,
          onProgress: (done, total) => progress.push(done / total),
        });
        const seqs = (
          await r.db.query<{ seq: number }>(
            "select seq from register_assessments where source = 'monitor' order by seq",
          )
        ).map((row) => row.seq);
        const entries = [...(await r.records(seqs)).entries()].sort(([a], [b]) => a - b).map(([, rec]) => rec);
        // A report's id is drawn at random when it is recorded: the same report in both registers, two ids.
        const same = <T>(value: T): T => JSON.parse(JSON.stringify(value).replace(/MR-[0-9a-f]{12}/g, 'MR-x'));
        runs.push({ report: same(report), entries: same(entries), progress, verified: await r.verify() });
      } finally {
        await r.close();
        await drop();
      }
    }
    const [here, pooled] = runs;
    // An engine object cannot move to a worker thread: workers need the files it is built from.
    const engineOnly = await built.openRegister({ db: 'memory://', create: true });
    await expect(engineOnly.monitor({ asOf: '2029-01-01', engine, workers: 2 })).rejects.toThrow(/give `files`/);
    await engineOnly.close();
    expect(here!.report.reassessed).toBe(640);
    expect(JSON.stringify(here!.entries)).toContain('(\\"LI\\" gateway, C:\\\\hrdd)');
    expect(here!.report.changes.length).toBeGreaterThan(0);
    expect(here!.report.changes.some((c) => c.reasons.some((r) => r.includes('RF-EU-MISUSE-REPORTS')))).toBe(true);
    expect(pooled!.report).toEqual(here!.report);
    // Same records, in the same chain order (personal data put back: only the salts of the digests differ).
    expect(pooled!.entries).toEqual(here!.entries);
    expect(pooled!.entries.map((e) => (e as { record: { transactionId: string } }).record.transactionId)).toEqual(
      records.map((r) => (r as { transactionId: string }).transactionId).sort(),
    );
    for (const run of runs) {
      expect(run.verified).toMatchObject({ ok: true, problems: [] });
      expect(run.progress.at(-1)).toBe(1);
      expect(run.progress).toEqual([...run.progress].sort((a, b) => a - b));
    }
  }, 600_000);
});

describe('canonical text of chain records', () => {
  it('is canonicalJson, on records and on any JSON value', async () => {
    const { canonicalJson, canonicalText } = await import('../../src/digest/index.js');
    const rec = record(individualOrder(), '2026-11-01');
    expect(canonicalText({ kind: 'assessment', record: rec })).toBe(canonicalJson({ kind: 'assessment', record: rec }));
    const key = fc.oneof(fc.string(), fc.constantFrom('0', '1', '10', '9', '01', '-1', '__proto__', 'ü', '\ud83d'));
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ depthSize: 'small' }),
        fc.double(),
        fc.array(tie('node')),
        fc.dictionary(key, tie('node')),
      ),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        let want: string | Error;
        try {
          want = canonicalJson(v);
        } catch (error) {
          want = error as Error;
        }
        if (want instanceof Error) expect(() => canonicalText(v)).toThrow(want.message);
        else expect(canonicalText(v)).toBe(want);
      }),
      { numRuns: 500 },
    );
  });
});
