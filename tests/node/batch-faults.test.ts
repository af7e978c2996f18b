import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyLogFile } from '../../src/node/index.js';
import { CLI, hrdd } from '../cli/run-cli.js';
import { baseTransaction, example } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'hrdd-batch-faults-'));
const AS_OF = ['--as-of', '2026-11-01'];
const line = (transaction: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ transaction, ...extra });
const outputLines = (file: string) => readFileSync(file, 'utf8').split('\n').slice(0, -1);
const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

/** n lines of realistic orders (the facial-recognition sale escalates), every 97th line not JSON. */
function orders(n: number): string {
  const tx = example('02-') as Record<string, unknown>;
  const lines: string[] = [];
  for (let i = 1; i <= n; i++) lines.push(i % 97 === 0 ? '{broken' : line({ ...tx, id: `SO-${i}` }));
  return `${lines.join('\n')}\n`;
}

describe('hrdd batch: flags', () => {
  it('--out into a missing directory is exit 2 naming the path, before any work', () => {
    const out = join(dir, 'no-such-dir', 'out.ndjson');
    const r = hrdd(['batch', '-', '--out', out, ...AS_OF], { input: `${line(baseTransaction())}\n` });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write output ${out}: no such directory ${join(dir, 'no-such-dir')}`);
    noStackTrace(r.stderr);
  });

  it('--out (and assess --out) into a read-only directory is exit 2 naming the path, never a stack trace', () => {
    const readOnly = join(dir, 'read-only');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
    // root writes through directory permissions; /sys stands in for a read-only place then
    const root = process.getuid?.() === 0;
    const out = root ? '/sys/hrdd-out.ndjson' : join(readOnly, 'out.ndjson');
    const r = hrdd(['batch', '-', '--out', out, ...AS_OF], { input: `${line(baseTransaction())}\n` });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`cannot write output ${out}: (permission denied|read-only)`));
    noStackTrace(r.stderr);
    const tx = join(dir, 'tx.json');
    writeFileSync(tx, JSON.stringify(baseTransaction()));
    const a = hrdd(['assess', tx, ...AS_OF, '--out', out]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain(`cannot write output ${out}`);
    noStackTrace(a.stderr);
  });

  it('error records carry the transaction id when it can be read; --fail-on-error exits 3', () => {
    const input = [
      line(baseTransaction()),
      line({ ...baseTransaction(), id: 'SO-BAD-1', destination: 'XX' }),
      '{"transaction": {"id": "SO-BROKEN"',
      line({ ...baseTransaction(), id: { not: 'an id' } }),
    ].join('\n');
    const r = hrdd(['batch', '-', ...AS_OF, '--workers', '1'], { input });
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out[1]).toMatchObject({ line: 2, transactionId: 'SO-BAD-1', error: { issues: [{ path: 'destination' }] } });
    expect(out[2].line).toBe(3);
    expect(out[2]).not.toHaveProperty('transactionId');
    expect(out[3].line).toBe(4);
    expect(out[3]).not.toHaveProperty('transactionId');
    const failing = hrdd(['batch', '-', ...AS_OF, '--workers', '1', '--fail-on-error'], { input });
    expect(failing.code).toBe(3);
    const clean = hrdd(['batch', '-', ...AS_OF, '--workers', '1', '--fail-on-error'], {
      input: `${line(baseTransaction())}\n`,
    });
    expect(clean.code).toBe(0);
  });

  it('--progress json writes only JSON lines on standard error, the summary and any failure included', () => {
    const input = orders(1200);
    const r = hrdd(['batch', '-', ...AS_OF, '--workers', '1', '--progress', 'json', '--out', join(dir, 'p.ndjson')], {
      input,
    });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(() => JSON.parse(l), l).not.toThrow();
    expect(JSON.parse(lines.at(-1)!).summary).toMatchObject({ lines: 1200, errors: 12, lastLineWritten: 1200 });
    const crashed = hrdd(
      ['batch', '-', ...AS_OF, '--workers', '1', '--progress', 'json', '--out', join(dir, 'c.ndjson')],
      {
        input: orders(300),
        env: { HRDD_TEST_CRASH_LINE: '260' },
      },
    );
    expect(crashed.code).toBe(1);
    for (const l of crashed.stderr.trim().split('\n')) expect(() => JSON.parse(l), l).not.toThrow();
    expect(JSON.parse(crashed.stderr.trim().split('\n').at(-1)!)).toMatchObject({ lastLineWritten: 250 });
  });
});

describe('hrdd batch: one line never fails the run', () => {
  it('an answer nested 100,000 arrays deep is that line’s error record; the lines after it are assessed', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const tx = JSON.stringify(baseTransaction());
    const input = [
      line(baseTransaction()),
      `{"transaction":${tx},"answers":{"misuse_reports":${deep}}}`,
      `{"transaction":{"id":"SO-DEEP","items":${deep}}}`,
      line(baseTransaction()),
    ].join('\n');
    const r = hrdd(['batch', '-', ...AS_OF, '--workers', '1'], { input });
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(4);
    expect(out[1].error.issues[0].path).toMatch(/^answers\.misuse_reports(\[0\])+$/);
    expect(out[1].error.issues[0].message).toBe('nested more than 64 levels deep');
    expect(out[2]).toMatchObject({ line: 3, transactionId: 'SO-DEEP' });
    expect(out[3].decision).toBeDefined();
  });

  it('invalid UTF-8 is an error record, not assessed with U+FFFD in its place', () => {
    const good = Buffer.from(`${line(baseTransaction())}\n`);
    const name = Buffer.concat([
      Buffer.from('{"transaction":{"id":"SO-1","exporter":{"name":"A'),
      Buffer.from([0xff]),
      Buffer.from('"}}}\n'),
    ]);
    const file = join(dir, 'utf8.ndjson');
    writeFileSync(file, Buffer.concat([good, name, good]));
    const r = hrdd(['batch', file, ...AS_OF, '--workers', '1']);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out[1]).toEqual({ line: 2, error: { issues: [{ path: '', message: 'not valid UTF-8' }] } });
    expect(out[2].decision).toBeDefined();
  });

  it('a runaway line is stopped at the line deadline and becomes an error record; the rest of its chunk is assessed', () => {
    const r = hrdd(['batch', '-', ...AS_OF, '--workers', '1', '--line-timeout', '2'], {
      input: orders(10),
      env: { HRDD_TEST_STALL_LINE: '4' },
    });
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(10);
    expect(out[3]).toEqual({
      line: 4,
      transactionId: 'SO-4',
      error: { issues: [{ path: '', message: 'assessment stopped: still running after the line deadline of 2 s' }] },
    });
    expect(out.filter((o) => o.decision).length).toBe(9);
  });

  it('a 300 MB line is never held in memory: it becomes an error record and the next line is assessed', async () => {
    const child = spawn(process.execPath, [CLI, 'batch', '-', ...AS_OF, '--workers', '1']);
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const send = (data: string | Buffer) =>
      new Promise<void>((resolve) => (child.stdin.write(data) ? resolve() : child.stdin.once('drain', resolve)));
    await send(`${line(baseTransaction())}\n{"transaction":{"id":"`);
    const mb = Buffer.alloc(1024 * 1024, 'x');
    for (let i = 0; i < 300; i++) await send(mb);
    await send(`"}}\n${line(baseTransaction())}\n`);
    child.stdin.end();
    expect(await exited).toBe(0);
    const out = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(3);
    expect(out[1]).toEqual({ line: 2, error: { issues: [{ path: '', message: 'line longer than 1048576 bytes' }] } });
    expect(out[2].decision).toBeDefined();
  }, 120_000);
});

describe('hrdd batch: writes that fail, and --resume', () => {
  const input = join(dir, 'orders.ndjson');
  writeFileSync(input, orders(600));
  const reference = join(dir, 'reference.ndjson');
  const referenceLog = join(dir, 'reference-log.ndjson');
  const full = () => {
    const r = hrdd(['batch', input, '--out', reference, '--log', referenceLog, ...AS_OF, '--workers', '2']);
    expect(r.code, r.stderr).toBe(0);
  };

  it('a short write (file size limit, as on a full disk) stops at a line boundary, says the last line, and --resume completes the run without duplicate log entries', () => {
    full();
    const out = join(dir, 'limited.ndjson');
    const log = join(dir, 'limited-log.ndjson');
    // The shell ignores SIGXFSZ, so writes past the limit fail with EFBIG (the first one cut short), like ENOSPC.
    const limited = spawnSync(
      'sh',
      [
        '-c',
        `trap '' XFSZ; ulimit -f 12000; exec "$0" "$@"`,
        process.execPath,
        CLI,
        'batch',
        input,
        '--out',
        out,
        '--log',
        log,
        ...AS_OF,
        '--workers',
        '2',
      ],
      { encoding: 'utf8' },
    );
    expect(limited.status, limited.stderr).toBe(1);
    const last = Number(/The output ends with line (\d+), complete/.exec(limited.stderr)?.[1]);
    expect(limited.stderr).toMatch(/cannot write .*: EFBIG/);
    noStackTrace(limited.stderr);
    expect(last).toBeLessThan(600);
    expect(readFileSync(out, 'utf8').endsWith('\n') || readFileSync(out, 'utf8') === '').toBe(true);
    expect(outputLines(out)).toHaveLength(last);
    expect(verifyLogFile(log).ok).toBe(true); // no torn entry
    const resumed = hrdd(['batch', input, '--out', out, '--log', log, ...AS_OF, '--workers', '2', '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`resumed after line ${last}`);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(reference, 'utf8'));
    expect(verifyLogFile(log)).toMatchObject({ ok: true, entries: 600 - 6 });
  }, 180_000);

  it('--resume after the log was written but the output was not (or was torn) appends no entry twice', () => {
    const out = join(dir, 'behind.ndjson');
    const log = join(dir, 'behind-log.ndjson');
    writeFileSync(log, readFileSync(referenceLog));
    // The output lost its last 350 lines and ends in half a line.
    const kept = outputLines(reference).slice(0, 250);
    writeFileSync(out, `${kept.join('\n')}\n${outputLines(reference)[250]!.slice(0, 100)}`);
    const r = hrdd(['batch', input, '--out', out, '--log', log, ...AS_OF, '--workers', '2', '--resume']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(reference, 'utf8'));
    expect(readFileSync(log, 'utf8')).toBe(readFileSync(referenceLog, 'utf8'));
    expect(hrdd(['batch', input, '--resume', ...AS_OF]).stderr).toContain('--resume needs --out');
  }, 120_000);
});
