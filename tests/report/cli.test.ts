import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/run.js';
import { createEngine, toRecord } from '../../src/index.js';
import { example } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'hrdd-report-'));
const engine = createEngine();
const tx = example('03-');
const assessment = engine.assess(tx, { asOf: '2026-11-01' });
const recordFile = join(dir, 'SO-3.json');
writeFileSync(recordFile, JSON.stringify(toRecord(assessment, { transaction: tx }, engine)));

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('hrdd report', () => {
  it('writes an HTML report of a record, naming the file in the replay command', async () => {
    const out = join(dir, 'r.html');
    expect(await run(['report', recordFile, '--out', out])).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<h1>Transaction SO-2026-0103</h1>');
    expect(html).toContain('<pre><code>hrdd replay SO-3.json</code></pre>');
  });

  it('writes Markdown with --format md, also for a bare assessment', async () => {
    const bare = join(dir, 'bare.json');
    writeFileSync(bare, JSON.stringify(assessment));
    const out = join(dir, 'r.md');
    expect(await run(['report', bare, '--format', 'md', '--out', out])).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(
      /^\*\*✗ Could not verify: a bare assessment.*\n\n# Due-diligence assessment SO-2026-0103\n/,
    );
  });

  it('bad input exits 2 with the field named', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...assessment, decision: 'maybe', input: { transaction: tx } }));
    expect(await run(['report', broken])).toBe(2);
    expect(stderr.mock.calls.join('')).toContain('decision');
    expect(await run(['report', recordFile, '--format', 'pdf'])).toBe(2);
    expect(stderr.mock.calls.join('')).toContain('--format');
  });
});
