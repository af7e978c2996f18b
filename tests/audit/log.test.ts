import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalHash, entryHash, GENESIS_HASH, nextEntry, verifyLog } from '../../src/index.js';
import { appendToLog, readLogLines, verifyLogFile } from '../../src/node/index.js';
import { ROOT } from '../helpers.js';

function chain(n: number): string[] {
  const lines: string[] = [];
  let prev: ReturnType<typeof nextEntry> | undefined;
  for (let i = 0; i < n; i++) {
    prev = nextEntry(prev, { transactionId: `T-${i}`, decision: i % 2 ? 'escalate' : 'proceed' });
    lines.push(JSON.stringify(prev));
  }
  return lines;
}

describe('decision log', () => {
  const lines = chain(5);

  it('verifies an intact chain and reports its head', () => {
    const result = verifyLog(lines);
    expect(result).toMatchObject({ ok: true, entries: 5 });
    expect(result.head).toBe(JSON.parse(lines[4]!).hash);
    expect(verifyLog([]).head).toBe(GENESIS_HASH);
  });

  it.each([
    ['an edited field', (l: string[]) => (l[2] = l[2]!.replace('proceed', 'escalate')), 3],
    ['a dropped line', (l: string[]) => l.splice(1, 1), 2],
    ['two swapped lines', (l: string[]) => ([l[1], l[2]] = [l[2]!, l[1]!]), 2],
    [
      'a forged line with a recomputed self-hash',
      (l: string[]) => {
        const prev = JSON.parse(l[1]!);
        const forged = nextEntry(prev, { transactionId: 'FORGED', decision: 'proceed' });
        l.splice(2, 0, JSON.stringify(forged));
      },
      4,
    ],
  ])('catches %s and names the first bad line', (_, tamper, line) => {
    const copy = [...lines];
    tamper(copy);
    const result = verifyLog(copy);
    expect(result.ok).toBe(false);
    expect(result.firstBad?.line).toBe(line);
  });

  it('catches truncation and wholesale rewrites only against a stored head', () => {
    const head = verifyLog(lines).head;
    expect(verifyLog(lines.slice(0, 3)).ok).toBe(true);
    expect(verifyLog(lines.slice(0, 3), { head }).ok).toBe(false);
    expect(
      verifyLog(
        chain(5).map((l) => l.replace('T-3', 'T-X')),
        { head },
      ).ok,
    ).toBe(false);
    expect(verifyLog(lines, { head }).ok).toBe(true);
  });

  it('hashes entries as sha256(canonical({ seq, prevHash, record }))', () => {
    const e = JSON.parse(lines[0]!);
    expect(e.hash).toBe(canonicalHash({ seq: 1, prevHash: GENESIS_HASH, record: e.record }));
    expect(entryHash(1, GENESIS_HASH, e.record)).toBe(e.hash);
  });

  it('two processes appending at once never interleave or fork the chain', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hrdd-log-'));
    const file = join(dir, 'log.ndjson');
    const script = join(dir, 'append.mjs');
    const module = join(ROOT, 'dist', 'node', 'index.js');
    writeFileSync(
      script,
      `import { appendToLog } from ${JSON.stringify(module)};\nconst [file, who] = process.argv.slice(2);\nfor (let i = 0; i < 100; i++) appendToLog(file, [{ who, i }]);\n`,
    );
    const runOne = (who: string) =>
      new Promise<number>((resolve) =>
        spawn(process.execPath, [script, file, who], { stdio: 'inherit' }).on('exit', (code) => resolve(code ?? 1)),
      );
    expect(await Promise.all([runOne('a'), runOne('b')])).toEqual([0, 0]);
    const result = verifyLogFile(file);
    expect(result).toMatchObject({ ok: true, entries: 200 });
    const records = readLogLines(file).map((l) => JSON.parse(l).record);
    for (const who of ['a', 'b'])
      expect(records.filter((r) => r.who === who).map((r) => r.i)).toEqual([...Array(100).keys()]);
  });

  it('appendToLog continues an existing chain', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hrdd-log-')), 'log.ndjson');
    appendToLog(file, [{ a: 1 }]);
    appendToLog(file, [{ a: 2 }, { a: 3 }]);
    expect(verifyLogFile(file)).toMatchObject({ ok: true, entries: 3 });
    expect(readFileSync(file, 'utf8').split('\n').filter(Boolean)).toHaveLength(3);
  });
});
