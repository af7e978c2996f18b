import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkReview,
  duplicateKey,
  type LogEntry,
  nextEntry,
  parseReview,
  signCheckpoint,
  signRecord,
  verifyCheckpoint,
  verifyLog,
  verifyRecordSignature,
} from '../../src/audit/index.js';
import { appendToLog, readLogLines, verifyLogFile } from '../../src/node/index.js';
import { hrdd } from '../cli/run-cli.js';
import { ROOT } from '../helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'hrdd-log-'));

function chain(n: number, id = 'T'): string[] {
  const lines: string[] = [];
  let prev: LogEntry | undefined;
  for (let i = 0; i < n; i++) {
    prev = nextEntry(prev, { transactionId: `${id}-${i}`, decision: 'escalate' });
    lines.push(JSON.stringify(prev));
  }
  return lines;
}

describe('strict log entries', () => {
  it('rejects an extra field beside { seq, prevHash, hash, record }', () => {
    const lines = chain(3);
    lines[1] = lines[1]!.replace(/}$/, ',"note":"approved by CEO"}');
    expect(verifyLog(lines)).toMatchObject({ ok: false, firstBad: { line: 2 } });
    expect(verifyLog(lines).firstBad!.reason).toMatch(/note/);
  });

  it('rejects a duplicate key placed before the real value', () => {
    const lines = chain(3);
    lines[1] = lines[1]!.replace('{"transactionId"', '{"decision":"proceed","transactionId"');
    expect(JSON.parse(lines[1]!).record.decision).toBe('escalate');
    const result = verifyLog(lines);
    expect(result).toMatchObject({ ok: false, firstBad: { line: 2 } });
    expect(result.firstBad!.reason).toMatch(/duplicate key "record.decision"/);
  });

  it('finds duplicate keys at any depth and not across objects', () => {
    expect(duplicateKey('{"a":1,"b":{"a":2}}')).toBeUndefined();
    expect(duplicateKey('[{"a":1},{"a":2}]')).toBeUndefined();
    expect(duplicateKey('{"x":[{"a":1,"a":2}]}')).toBe('x.a');
    expect(duplicateKey('{"s":"\\"a\\":1,\\"a\\"","a":1}')).toBeUndefined();
    expect(duplicateKey('{"\\u0061":1,"a":2}')).toBe('a');
  });
});

describe('a head is a checkpoint inside the chain', () => {
  const lines = chain(6);
  const headAt3 = JSON.parse(lines[2]!).hash as string;

  it('verifies a head stored before later appends, saying where it is', () => {
    expect(verifyLog(lines, { head: headAt3 })).toMatchObject({ ok: true, entries: 6, headAt: { seq: 3, after: 3 } });
  });

  it('still fails on truncation before the head and on any rewrite', () => {
    expect(verifyLog(lines.slice(0, 2), { head: headAt3 }).ok).toBe(false);
    const rewritten = chain(6).map((l) => l.replace('T-1', 'T-X'));
    expect(verifyLog(rewritten, { head: headAt3 }).ok).toBe(false);
  });

  it('the CLI prints "chain intact; head H at entry N; M entries after it"', () => {
    const file = join(tmp(), 'log.ndjson');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const ok = hrdd(['log', 'verify', file, '--head', headAt3]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(
      `chain intact; 6 entries, head ${JSON.parse(lines[5]!).hash}; head ${headAt3} at entry 3; 3 entries after it`,
    );
    writeFileSync(file, `${lines.slice(0, 2).join('\n')}\n`);
    expect(hrdd(['log', 'verify', file, '--head', headAt3]).code).toBe(3);
  });
});

describe('appending', () => {
  it.each([
    ['no trailing newline', ''],
    ['two trailing newlines', '\n\n'],
    ['trailing spaces', '\n  \n'],
  ])('an existing log with %s still verifies after the next append', (_, ending) => {
    const file = join(tmp(), 'log.ndjson');
    writeFileSync(file, `${chain(2).join('\n')}${ending}`);
    appendToLog(file, [{ a: 3 }]);
    expect(verifyLogFile(file)).toMatchObject({ ok: true, entries: 3 });
    expect(readFileSync(file, 'utf8').endsWith('}\n')).toBe(true);
  });

  it('refuses to start a new chain for a missing file unless asked to', () => {
    const file = join(tmp(), 'missing.ndjson');
    expect(() => appendToLog(file, [{ a: 1 }], { create: false })).toThrow(/does not exist/);
    const tx = join(ROOT, 'examples', 'transactions', '01-laptops-university.json');
    const r = hrdd(['assess', tx, '--as-of', '2026-11-01', '--log', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--init/);
    expect(existsSync(file)).toBe(false);
    expect(hrdd(['assess', tx, '--as-of', '2026-11-01', '--log', file, '--init']).code).toBe(0);
    expect(verifyLogFile(file)).toMatchObject({ ok: true, entries: 1 });
    expect(
      hrdd([
        'log',
        'review',
        join(tmp(), 'nope.ndjson'),
        '--transaction-id',
        'x',
        '--decision',
        'decline',
        '--justification',
        'x'.repeat(40),
        '--reviewer',
        'A',
      ]).code,
    ).toBe(2);
  });

  it('a stale lock and four simultaneous writers never fork the chain', async () => {
    const module = join(ROOT, 'dist', 'node', 'index.js');
    for (let round = 0; round < 3; round++) {
      const dir = tmp();
      const file = join(dir, 'log.ndjson');
      const script = join(dir, 'append.mjs');
      writeFileSync(
        script,
        `import { appendToLog } from ${JSON.stringify(module)};\nconst [file, who] = process.argv.slice(2);\nfor (let i = 0; i < 25; i++) appendToLog(file, [{ who, i }]);\n`,
      );
      // Left by a writer that crashed: its process no longer exists on this host.
      writeFileSync(
        `${file}.lock`,
        JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), token: 'crashed', since: '2026-01-01T00:00:00Z' }),
      );
      const runOne = (who: string) =>
        new Promise<number>((resolve) =>
          spawn(process.execPath, [script, file, who], { stdio: 'inherit' }).on('exit', (code) => resolve(code ?? 1)),
        );
      expect(await Promise.all(['a', 'b', 'c', 'd'].map(runOne))).toEqual([0, 0, 0, 0]);
      expect(verifyLogFile(file)).toMatchObject({ ok: true, entries: 100 });
      const seqs = readLogLines(file).map((l) => JSON.parse(l).seq);
      expect(new Set(seqs).size).toBe(100);
      expect(existsSync(`${file}.lock`)).toBe(false);
    }
  });

  it('a live lock names its owner and is never taken over', () => {
    const file = join(tmp(), 'log.ndjson');
    writeFileSync(
      `${file}.lock`,
      JSON.stringify({ pid: process.pid, host: hostname(), token: 'live', since: '2026-01-01T00:00:00Z' }),
    );
    const script = `import { withFileLock } from ${JSON.stringify(join(ROOT, 'dist', 'node', 'index.js'))};\ntry { withFileLock(${JSON.stringify(file)}, () => {}, { timeoutMs: 300 }); } catch (e) { console.log(e.message); }`;
    const dir = tmp();
    writeFileSync(join(dir, 's.mjs'), script);
    return new Promise<void>((resolve) => {
      let out = '';
      const child = spawn(process.execPath, [join(dir, 's.mjs')], { env: { ...process.env } });
      child.stdout.on('data', (d) => (out += d));
      // The lock holder (this process) is alive, so the writer waits and gives up, naming it.
      child.on('exit', () => {
        expect(out).toContain(`held by process ${process.pid} on ${hostname()}`);
        resolve();
      });
    });
  });
});

describe('review guard rails', () => {
  const assessed = (decision: string, hardStops?: { ruleId: string }[]) =>
    nextEntry(undefined, { transactionId: 'T-1', decision, findings: [], ...(hardStops ? { hardStops } : {}) });
  const review = (over: Record<string, unknown>) =>
    parseReview({
      kind: 'review',
      transactionId: 'T-1',
      decision: 'proceed-with-conditions',
      justification: 'Reseller replaced by the named operator; audit right agreed in contract 2026-77.',
      reviewer: 'J. Doe',
      approvedBy: 'M. Roe',
      date: '2026-11-02',
      ...over,
    });

  it('rejects a transaction that is not in the log', () => {
    expect(() => checkReview(review({ transactionId: 'T-9' }), [assessed('escalate')])).toThrow(/no assessment of T-9/);
  });

  it('never lets a hard-stop decline be overridden', () => {
    expect(() => checkReview(review({}), [assessed('decline', [{ ruleId: 'eu-listed-barring' }])])).toThrow(
      /hard stop cannot be overridden \(eu-listed-barring\)/,
    );
    // Records made before hard stops were listed: known by the default rule set's hard-stop rules.
    const old = nextEntry(undefined, {
      transactionId: 'T-1',
      decision: 'decline',
      findings: [{ ruleId: 'item-torture-execution' }],
    });
    expect(() => checkReview(review({}), [old])).toThrow(/item-torture-execution/);
  });

  it.each([
    ['a short justification', { justification: 'ok because' }, /justification/],
    ['whitespace padding', { justification: `ok${' '.repeat(40)}fine` }, /justification/],
    ['a repeated word', { justification: 'approve approve approve approve approve ' }, /justification/],
    ['no approver', { approvedBy: undefined }, /four eyes/],
    ['the preparer approving', { approvedBy: ' j. doe ' }, /must differ/],
  ])('lowering an escalation fails with %s', (_, over, message) => {
    expect(() => checkReview(review(over), [assessed('escalate')])).toThrow(message);
  });

  it('accepts a justified, approved override and links it to the assessment', () => {
    const entry = assessed('escalate');
    expect(checkReview(review({}), [entry])).toMatchObject({ reviews: entry.hash, approvedBy: 'M. Roe' });
    // Raising a decision needs no second person.
    expect(
      checkReview(review({ decision: 'decline', approvedBy: undefined, justification: 'too risky now' }), [entry])
        .decision,
    ).toBe('decline');
  });

  it('the CLI names reviewer and approver', () => {
    const file = join(tmp(), 'log.ndjson');
    writeFileSync(file, `${JSON.stringify(assessed('escalate'))}\n`);
    const base = ['log', 'review', file, '--transaction-id', 'T-1', '--decision', 'proceed', '--reviewer', 'J. Doe'];
    const short = hrdd([...base, '--justification', 'looks fine to me', '--approved-by', 'M. Roe']);
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/justification/);
    const ok = hrdd([
      ...base,
      '--justification',
      'Named operator confirmed by embassy letter 2026-11-03.',
      '--approved-by',
      'M. Roe',
    ]);
    expect(ok.stdout).toContain('appended review by J. Doe, approved by M. Roe as entry 2');
    expect(verifyLogFile(file)).toMatchObject({ ok: true, entries: 2 });
  });
});

describe('signed checkpoints and records', () => {
  const keys = () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    return {
      pub: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      priv: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
  };
  const mine = keys();
  const theirs = keys();

  it('a checkpoint verifies under its key only', async () => {
    const cp = await signCheckpoint({ seq: 3, hash: `sha256:${'a'.repeat(64)}` }, mine.priv);
    expect(await verifyCheckpoint(cp, mine.pub)).toEqual([]);
    expect(await verifyCheckpoint(cp, theirs.pub)).toEqual([expect.stringMatching(/another key/)]);
    expect(await verifyCheckpoint({ ...cp, seq: 4 }, mine.pub)).toEqual(['the signature does not match']);
  });

  it('a head signed last month verifies after later appends; a rewritten chain cannot be re-anchored', () => {
    const dir = tmp();
    const file = join(dir, 'log.ndjson');
    writeFileSync(join(dir, 'pub.pem'), mine.pub);
    writeFileSync(join(dir, 'priv.pem'), mine.priv);
    writeFileSync(join(dir, 'other.pem'), theirs.priv);
    writeFileSync(file, `${chain(3).join('\n')}\n`);
    expect(hrdd(['log', 'checkpoint', file, '--key', join(dir, 'priv.pem')]).code).toBe(0);
    appendToLog(file, [{ transactionId: 'T-3', decision: 'proceed' }]);
    const ok = hrdd(['log', 'verify', file, '--key', join(dir, 'pub.pem')]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/checkpoints signed by the key hold/);

    // A rewrite with every hash recomputed is a consistent chain, but the signed checkpoint no longer fits it,
    // and re-signing the new head with another key does not help.
    writeFileSync(file, `${chain(4, 'R').join('\n')}\n`);
    expect(verifyLogFile(file).ok).toBe(true);
    hrdd(['log', 'checkpoint', file, '--key', join(dir, 'other.pem')]);
    const bad = hrdd(['log', 'verify', file, '--key', join(dir, 'pub.pem')]);
    expect(bad.code).toBe(3);
    expect(bad.stdout).toMatch(/checkpoint 1: entry 3 has another hash \(rewritten\)/);
    expect(bad.stdout).toMatch(/checkpoint 2: signed with another key/);
    writeFileSync(file, `${chain(2).join('\n')}\n`);
    expect(hrdd(['log', 'verify', file, '--key', join(dir, 'pub.pem')]).stdout).toMatch(
      /entry 3 is missing \(truncated\)/,
    );
  });

  it('a record signature catches any change to the record', async () => {
    const record = { transactionId: 'T-1', decision: 'decline' };
    const sig = await signRecord(record, mine.priv);
    expect(await verifyRecordSignature({ decision: 'decline', transactionId: 'T-1' }, sig, mine.pub)).toEqual([]);
    expect(await verifyRecordSignature({ ...record, decision: 'proceed' }, sig, mine.pub)).toEqual([
      expect.stringMatching(/not the one signed/),
    ]);
    expect(await verifyRecordSignature(record, sig, theirs.pub)).toEqual([expect.stringMatching(/another key/)]);
  });
});
