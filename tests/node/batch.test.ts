import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assessStream, verifyLogFile } from '../../src/node/index.js';
import { CLI, hrdd } from '../cli/run-cli.js';
import { baseTransaction, example, ROOT } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'hrdd-batch-'));
const BROKEN = new Set([2, 500, 31_337, 99_999]);

/** n lines; the broken ones are not JSON, invalid, or too long. */
function input(n: number): string {
  const good = JSON.stringify({ transaction: baseTransaction() });
  const lines: string[] = [];
  for (let i = 1; i <= n; i++) {
    if (i === 2) lines.push('{not json');
    else if (i === 500) lines.push(JSON.stringify({ transaction: { ...baseTransaction(), destination: 'XX' } }));
    else if (i === 31_337) lines.push(JSON.stringify({ transaction: baseTransaction(), pad: 'x'.repeat(1_100_000) }));
    else if (i === 99_999) lines.push('[]');
    else lines.push(good);
  }
  return `${lines.join('\n')}\n`;
}

describe('hrdd batch', () => {
  const big = join(dir, 'big.ndjson');
  writeFileSync(big, input(100_000));

  it('100,000 lines: one output line each, broken ones as error records in place, identical for 1 and 2 workers', () => {
    const outputs = [1, 2].map((workers) => {
      const out = join(dir, `out-${workers}.ndjson`);
      const r = hrdd(['batch', big, '--out', out, '--workers', String(workers), '--as-of', '2026-11-01']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('100000 lines');
      return readFileSync(out, 'utf8');
    });
    expect(outputs[1]).toBe(outputs[0]);
    const lines = outputs[0]!.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(100_000);
    for (const n of BROKEN)
      expect(JSON.parse(lines[n - 1]!)).toMatchObject({ line: n, error: { issues: expect.any(Array) } });
    expect(JSON.parse(lines[499]!).error.issues[0].path).toBe('destination');
    expect(JSON.parse(lines[31_336]!).error.issues[0].message).toContain('longer than');
    expect(JSON.parse(lines[0]!).decision).toBe('proceed');
  }, 120_000);

  it('reads standard input and writes standard output; empty input gives empty output', () => {
    const tx = example('10-');
    const r = hrdd(['batch', '-', '--as-of', '2026-11-01', '--workers', '1'], {
      input: `${JSON.stringify({ transaction: tx })}\n{"transaction": {}}\n`,
    });
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0].decision).toBe('decline');
    expect(lines[1].line).toBe(2);
    const empty = hrdd(['batch', '-', '--as-of', '2026-11-01'], { input: '' });
    expect(empty.code).toBe(0);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toContain('0 lines');
  });

  it('--fail-on, --log and --progress json', () => {
    const log = join(dir, 'batch-log.ndjson');
    const r = hrdd(
      ['batch', '-', '--as-of', '2026-11-01', '--fail-on', 'escalate', '--log', log, '--progress', 'json'],
      {
        input: `${JSON.stringify({ transaction: example('10-') })}\n${JSON.stringify({ transaction: example('01-') })}\n`,
      },
    );
    expect(r.code).toBe(3);
    expect(verifyLogFile(log)).toMatchObject({ ok: true, entries: 2 });
    expect(r.stderr).toContain('"summary"');
  });

  it('an unreadable input file exits 2', () => {
    const r = hrdd(['batch', join(dir, 'missing.ndjson')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing.ndjson');
  });

  it('a crashed worker fails the run loudly, naming the lines', () => {
    const small = join(dir, 'small.ndjson');
    writeFileSync(small, input(600));
    const r = hrdd(['batch', small, '--as-of', '2026-11-01', '--workers', '2', '--out', join(dir, 'crash.ndjson')], {
      env: { HRDD_TEST_CRASH_LINE: '300' },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/lines 251–500/);
  });

  it('SIGINT leaves well-formed output and says the last line written', async () => {
    const out = join(dir, 'interrupted.ndjson');
    const child = spawn(process.execPath, [
      CLI,
      'batch',
      big,
      '--out',
      out,
      '--workers',
      '1',
      '--as-of',
      '2026-11-01',
      '--progress',
      'json',
    ]);
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (d) => {
      stderr += d;
      if (!sent && stderr.includes('"lines"')) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    const last = JSON.parse(stderr.trim().split('\n').pop()!).summary.lastLineWritten as number;
    expect(last).toBeGreaterThan(0);
    expect(last).toBeLessThan(100_000);
    const lines = readFileSync(out, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(last);
    for (const line of lines.slice(-3)) expect(() => JSON.parse(line)).not.toThrow();
  }, 60_000);
});

describe('assessStream', () => {
  it('yields exactly one output line per input line, in order', async () => {
    const lines = [
      JSON.stringify({ transaction: example('01-') }),
      'nope',
      JSON.stringify({ transaction: example('11-'), asOf: '2026-01-01' }),
    ];
    const out: string[] = [];
    for await (const line of assessStream(lines, { asOf: '2026-11-01' })) out.push(line);
    expect(out.map((l) => JSON.parse(l).decision ?? JSON.parse(l).line)).toEqual(['proceed', 2, 'decline']);
    expect(JSON.parse(out[2]!).asOf).toBe('2026-01-01');
  });
});

describe('runBatch', () => {
  it('cuts chunks on line boundaries whatever the read sizes: the same output as one whole read', async () => {
    // The built module: worker threads load compiled JavaScript.
    const { runBatch } = (await import(
      pathToFileURL(join(ROOT, 'dist', 'node', 'index.js')).href
    )) as typeof import('../../src/node/index.js');
    const lines = Array.from({ length: 23 }, (_, i) =>
      i % 7 === 3 ? '{oops' : JSON.stringify({ transaction: { ...example('0' + ((i % 9) + 1) + '-'), id: `T-${i}` } }),
    );
    const text = `${lines.join('\r\n')}\r\n${JSON.stringify({ transaction: example('01-') })}`; // no final newline
    const run = async (pieces: Buffer[], chunkSize: number) => {
      const out: Buffer[] = [];
      const output = new Writable({
        write: (chunk, _enc, done) => {
          out.push(chunk);
          done();
        },
      });
      const summary = await runBatch({
        input: Readable.from(pieces),
        output,
        files: {},
        asOf: '2026-11-01',
        chunkSize,
      });
      return { text: Buffer.concat(out).toString('utf8'), summary };
    };
    const whole = await run([Buffer.from(text)], 1000);
    const bytes = Buffer.from(text);
    const pieces: Buffer[] = [];
    for (let at = 0, n = 1; at < bytes.length; at += n, n = (n * 7 + 3) % 61) pieces.push(bytes.subarray(at, at + n));
    const split = await run(pieces, 3);
    expect(split.text).toBe(whole.text);
    // A file releases each chunk once written, so chunk memory is reused for later chunks: still the same bytes.
    const file = join(dir, 'reused.ndjson');
    const output = createWriteStream(file);
    await runBatch({ input: Readable.from(pieces), output, files: {}, asOf: '2026-11-01', chunkSize: 2, workers: 2 });
    await new Promise((resolve) => output.end(resolve));
    expect(readFileSync(file, 'utf8')).toBe(whole.text);
    expect(split.summary.lines).toBe(24);
    expect(split.summary.errors).toBe(3);
    expect(
      whole.text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).line ?? null),
    ).toEqual(lines.map((l, i) => (l === '{oops' ? i + 1 : null)).concat([null]));
  });
});
