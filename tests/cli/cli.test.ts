import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AssessmentSchema } from '../../src/index.js';
import { baseTransaction, EXAMPLES_DIR } from '../helpers.js';
import { hrdd } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'hrdd-cli-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const police = join(EXAMPLES_DIR, '03-facial-recognition-police-high-civil-liberties.json');
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('hrdd', () => {
  it('--help and --version', () => {
    const help = hrdd(['--help']);
    expect(help.code).toBe(0);
    for (const cmd of ['assess', 'questionnaire', 'schema']) expect(help.stdout).toContain(cmd);
    expect(hrdd(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('schema transaction prints JSON Schema; an unknown name exits 2 listing the names', () => {
    const out = hrdd(['schema', 'transaction']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).$schema).toContain('2020-12');
    const bad = hrdd(['schema', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('transaction');
  });

  it('assess prints a record and exits 0; --fail-on exits 3 at or above the decision', () => {
    const out = hrdd(['assess', police, '--as-of', '2026-11-01']);
    expect(out.code).toBe(0);
    const record = JSON.parse(out.stdout);
    const { input: _input, options: _options, ...assessment } = record;
    expect(() => AssessmentSchema.parse(assessment)).not.toThrow();
    expect(record.decision).toBe('proceed-with-conditions');
    expect(record.input.transaction.id).toBe('SO-2026-0103');
    expect(record.options.ruleset.hash).toBe(record.provenance.ruleset.hash);
    expect(hrdd(['assess', police, '--as-of', '2026-11-01', '--fail-on', 'proceed-with-conditions']).code).toBe(3);
    expect(hrdd(['assess', police, '--as-of', '2026-11-01', '--fail-on', 'escalate']).code).toBe(0);
  });

  it('assess output is byte-identical across runs, time zones and locales', () => {
    const a = hrdd(['assess', police, '--as-of', '2026-11-01']).stdout;
    const b = hrdd(['assess', police, '--as-of', '2026-11-01'], {
      env: { TZ: 'Asia/Kathmandu', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
    }).stdout;
    expect(b).toBe(a);
  });

  it('without --as-of uses today and says so', () => {
    const out = hrdd(['assess', police]);
    expect(out.code).toBe(0);
    expect(out.stderr).toContain('as of today');
    expect(JSON.parse(out.stdout).asOf).toBe(new Date().toISOString().slice(0, 10));
  });

  it('md and html formats', () => {
    expect(hrdd(['assess', police, '--as-of', '2026-11-01', '--format', 'md']).stdout).toContain(
      '# Due-diligence assessment SO-2026-0103',
    );
    expect(hrdd(['assess', police, '--as-of', '2026-11-01', '--format', 'html']).stdout).toMatch(/^<!doctype html>/);
  });

  describe('bad input exits 2 with a message, never a stack trace', () => {
    const bad = baseTransaction();
    (bad.items as Record<string, unknown>[])[0]!.quantity = -1;
    bad.destination = 'XX';
    it.each([
      [
        'an invalid transaction',
        [file('bad.json', JSON.stringify(bad)), '--as-of', '2026-11-01'],
        ['items[0].quantity', 'destination'],
      ],
      ['a missing file', [join(dir, 'nope.json')], ['no such file']],
      ['a file that is not JSON', [file('text.json', 'order 42, please'), '--as-of', '2026-11-01'], ['not valid JSON']],
      ['an invalid --as-of', [police, '--as-of', '2026-02-30'], ['--as-of']],
      ['an unknown --format', [police, '--format', 'pdf'], ['json, md, html']],
      ['an unknown --fail-on', [police, '--fail-on', 'maybe'], ['proceed, proceed-with-conditions, escalate, decline']],
      ['an unknown --evaluator', [police, '--evaluator', 'fast'], ['compiled, reference']],
      [
        'a rule set that fails to load',
        [
          police,
          '--ruleset',
          file(
            'rs.json',
            JSON.stringify({
              id: 'x',
              version: '1',
              title: 'x',
              rules: [
                {
                  id: 'r1',
                  title: 't',
                  description: 'd',
                  category: 'item',
                  when: { frobnicate: [] },
                  severity: { scale: 1, scope: 1, irremediability: 1 },
                  likelihood: 1,
                  refs: ['UNGP-18'],
                  rationale: 'r',
                },
              ],
            }),
          ),
        ],
        ['rules[0].when.frobnicate', 'r1'],
      ],
      [
        'invalid answers',
        [police, '--as-of', '2026-11-01', '--answers', file('answers.json', '{"misuse_reports":"maybe"}')],
        ['answers.misuse_reports'],
      ],
    ])('%s', (_, args, expected) => {
      const out = hrdd(['assess', ...(args as string[])]);
      expect(out.code).toBe(2);
      for (const text of expected) expect(out.stderr).toContain(text);
      noStack(out.stderr);
    });
  });

  it('questionnaire validate exits 0 for valid answers and 2 listing every issue', () => {
    // The default questions depend on the transaction: without it nothing can be judged valid.
    const blind = hrdd(['questionnaire', 'validate', file('ok.json', '{}')]);
    expect(blind.code).toBe(2);
    expect(blind.stderr).toContain('facts-required');
    expect(blind.stderr).toContain('--transaction');
    const out = hrdd([
      'questionnaire',
      'validate',
      file('q.json', '{"misuse_reports":"x","bogus":1}'),
      '--transaction',
      police,
    ]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('bogus: unknown-question');
    expect(out.stderr).toContain('misuse_reports: type');
  });
});

describe('hrdd rules validate', () => {
  it('rejects an overlay reading a misspelt path, naming it and the path meant (exit 2)', () => {
    const overlay = {
      id: 'acme',
      version: '1',
      title: 'Acme overlay',
      extends: 'hrdd-default',
      rules: [
        {
          id: 'acme-cash',
          title: 'Cash payment',
          description: 'Cash leaves no trail of who paid.',
          category: 'transaction',
          when: { '==': [{ var: 'transaction.paymnet.method' }, 'cash'] },
          severity: { scale: 2, scope: 2, irremediability: 2 },
          likelihood: 3,
          refs: ['UNGP-19'],
          rationale: 'Paid in cash.',
        },
      ],
    };
    const out = hrdd(['rules', 'validate', file('overlay.json', JSON.stringify(overlay))]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('rules[0].when["=="][0].var');
    expect(out.stderr).toContain('"transaction.paymnet.method"');
    expect(out.stderr).toContain('did you mean "transaction.payment.method"?');
    noStack(out.stderr);
    expect(hrdd(['rules', 'validate', join(import.meta.dirname, '../../src/data/default-ruleset.json')]).code).toBe(0);
  });
});
