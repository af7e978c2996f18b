import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { verifyRecord } from '../../src/audit/index.js';
import { createEngine, renderHtml, renderMarkdown, toRecord } from '../../src/index.js';
import { REPORT_CSP } from '../../src/report/index.js';
import { hrdd } from '../cli/run-cli.js';
import { example } from '../helpers.js';

const engine = createEngine();
const dir = mkdtempSync(join(tmpdir(), 'hrdd-verify-'));
const recordOf = (prefix: string) => {
  const tx = example(prefix);
  return toRecord(engine.assess(tx, { asOf: '2026-11-01' }), { transaction: tx }, engine);
};
const write = (name: string, value: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
};

describe('hrdd report verifies before it renders', () => {
  it('an edited decision is "NOT VERIFIED" in the first line, in red, and --require-verified exits 3', () => {
    const edited = recordOf('02-');
    edited.decision = 'proceed';
    const file = write('edited.json', edited);
    const md = hrdd(['report', file, '--format', 'md', '--require-verified']);
    expect(md.code).toBe(3);
    expect(md.stdout.split('\n')[0]).toBe('**✗ NOT VERIFIED: decision: recorded "proceed", replayed "escalate"**');
    const html = hrdd(['report', file]);
    expect(html.code).toBe(0);
    const body = html.stdout.slice(html.stdout.indexOf('<body>'));
    expect(body).toMatch(/^<body>\n<div class="verify v-not-verified" role="alert"><p>NOT VERIFIED: decision/);
    expect(html.stdout).toContain('<title>NOT VERIFIED · ');
  });

  it('a genuine record: "Verified: reproduced on hrdd x.y"', () => {
    const file = write('genuine.json', recordOf('02-'));
    const md = hrdd(['report', file, '--format', 'md', '--require-verified']);
    expect(md.code).toBe(0);
    expect(md.stdout.split('\n')[0]).toMatch(/^\*\*✓ Verified: reproduced on hrdd \d+\.\d+\.\d+\*\*$/);
  });

  it('a rule set not at hand: "Could not verify: <what>" when its hashes hold, NOT VERIFIED when they do not', () => {
    const overlay = {
      id: 'acme',
      version: '1',
      title: 'Acme',
      extends: 'hrdd-default',
      parameters: { civilLibertiesThreshold: 0.6 },
    };
    const acme = createEngine({ ruleset: overlay });
    const tx = example('02-');
    const record = toRecord(acme.assess(tx, { asOf: '2026-11-01' }), { transaction: tx }, acme);
    const v = verifyRecord(record);
    expect(v.status).toBe('could-not-verify');
    expect(v.headline).toMatch(
      /^Could not verify: rule set acme 1 \(sha256:[0-9a-f]{64}\) is not bundled: pass it with --ruleset$/,
    );
    const file = write('acme.json', record);
    expect(hrdd(['report', file, '--format', 'md', '--require-verified']).code).toBe(3);
    const ok = hrdd([
      'report',
      file,
      '--format',
      'md',
      '--ruleset',
      write('overlay.json', overlay),
      '--require-verified',
    ]);
    expect(ok.code).toBe(0);

    const edited = structuredClone(record);
    (edited.input.transaction as { destination: string }).destination = 'NO';
    expect(verifyRecord(edited)).toMatchObject({
      status: 'not-verified',
      headline: expect.stringMatching(/^NOT VERIFIED: provenance.inputHash/),
    });
  });

  it('a bare assessment cannot be verified', () => {
    const { input: _i, options: _o, ...bare } = recordOf('03-');
    expect(verifyRecord(bare).status).toBe('could-not-verify');
  });

  it('renderers show an unverified line when no verification is passed (library use)', () => {
    expect(renderMarkdown(recordOf('03-')).split('\n')[0]).toMatch(/^\*\*✗ Not verified: rendered without replaying/);
  });

  it('a detached signature is checked with the report', () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const pub = join(dir, 'pub.pem');
    const priv = join(dir, 'priv.pem');
    writeFileSync(pub, publicKey.export({ type: 'spki', format: 'pem' }));
    writeFileSync(priv, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const record = recordOf('03-');
    const file = write('signed.json', record);
    const sig = join(dir, 'signed.sig.json');
    expect(hrdd(['sign', file, '--key', priv, '--out', sig]).code).toBe(0);
    const ok = hrdd(['report', file, '--format', 'md', '--signature', sig, '--key', pub, '--require-verified']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('signed by the key given');
    // Any change after signing breaks the signature, even one that still replays.
    const changed = { ...record, input: { ...record.input, answers: { misuse_reports: false } } };
    writeFileSync(file, JSON.stringify(changed));
    const bad = hrdd(['report', file, '--format', 'md', '--signature', sig, '--key', pub, '--require-verified']);
    expect(bad.code).toBe(3);
    expect(bad.stdout.split('\n')[0]).toMatch(/NOT VERIFIED: the signature does not hold/);
  });
});

describe('sign-off, hard stops and rules not evaluated in reports', () => {
  it('a sign-off block in Markdown and HTML, blank or filled', () => {
    const record = recordOf('02-');
    const md = renderMarkdown(record, {
      signOff: { preparedBy: 'A. Analyst', reviewedBy: 'B. Officer', date: '2026-11-03', decisionTaken: 'declined' },
    });
    expect(md).toContain('| Prepared by | Reviewed by | Date | Decision taken |');
    expect(md).toContain('| A. Analyst | B. Officer | 2026-11-03 | declined |');
    expect(renderMarkdown(record)).toContain('| ______________________ | ______________________ |');
    expect(renderHtml(record)).toContain('<th scope="col">Prepared by</th>');
    const file = write('so.json', record);
    expect(hrdd(['report', file, '--format', 'md', '--prepared-by', 'A. Analyst']).stdout).toContain('| A. Analyst |');
  });

  it('a hard-stop decline shows the rule and asks nothing', () => {
    const md = renderMarkdown(recordOf('10-'));
    expect(md).toContain('## Hard stop');
    expect(md).toMatch(/- no assurance can cure this: Item with no practical use but torture or execution/);
    expect(md).toContain('None: no assurance can cure a hard stop.');
    expect(md).not.toContain('- [ ]');
    expect(renderHtml(recordOf('10-'))).toContain('<h2 id="hardstop-h">Hard stop</h2>');
  });

  it('rules not evaluated are listed', () => {
    const md = renderMarkdown(recordOf('02-'));
    expect(md).toContain('## Not evaluated for lack of data');
    expect(md).toContain('- `cty-repression`: not evaluated: the country data has no physicalIntegrity for CN');
    expect(renderHtml(recordOf('02-'))).toContain('Not evaluated for lack of data');
  });
});

describe('report hardening', () => {
  const hostile = (name: string) => {
    const tx = example('03-');
    (tx.endUsers as { name: string }[])[0]!.name = name;
    return toRecord(engine.assess(tx, { asOf: '2026-11-01' }), { transaction: tx }, engine);
  };

  it('the HTML report carries a Content-Security-Policy that admits only its own stylesheet', () => {
    const html = renderHtml(recordOf('02-'));
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(REPORT_CSP).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'/);
    const css = html.match(/<style>([\s\S]*?)<\/style>/)![1]!;
    expect(REPORT_CSP).toContain(`'sha256-${createHash('sha256').update(css).digest('base64')}'`);
    expect(html).not.toMatch(/\sstyle="/);
  });

  it('bare URLs, www names and e-mail addresses in names do not become links in Markdown', () => {
    const md = renderMarkdown(hostile('Agency https://evil.example/login www.evil.example x@evil.example'));
    const rendered = marked.parse(md, { async: false }) as string;
    expect(rendered).not.toContain('evil.example"');
    expect(rendered).toContain('Agency https://evil.example/login www.evil.example x@evil.example');
  });

  it('bidirectional override characters are shown, not obeyed', () => {
    const name = 'Police \u202Egpj.exe\u202C Bureau \u2067x\u2069';
    const md = renderMarkdown(hostile(name));
    const html = renderHtml(hostile(name));
    for (const text of [md, html]) expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/);
    expect(html).toContain('Police [U+202E]gpj.exe[U+202C] Bureau [U+2067]x[U+2069]');
  });
});

describe('hrdd replay', () => {
  it('lists the decision and provenance first and says "… and N more" past its limit', () => {
    const edited = recordOf('02-');
    edited.findings.forEach((f) => {
      f.likelihood = 1;
    });
    edited.provenance.inputHash = `sha256:${'2'.repeat(64)}`;
    edited.decision = 'proceed';
    const file = write('many.json', edited);
    const out = hrdd(['replay', file, '--limit', '3']);
    expect(out.code).toBe(3);
    const lines = out.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^NOT reproduced: .*: \d+ differences$/);
    expect(lines[1]).toMatch(/^ {2}decision: recorded "proceed", replayed "escalate"$/);
    expect(lines[2]).toMatch(/^ {2}provenance.inputHash: /);
    const total = Number(lines[0]!.match(/(\d+) differences/)![1]);
    expect(lines.at(-1)).toBe(`  … and ${total - 3} more`);
  });

  it('could not run (a rule set or list is missing) exits 2 naming it; not reproduced exits 3', () => {
    const record = recordOf('02-');
    const noRuleset = {
      ...record,
      options: { ...record.options, ruleset: { ...record.options.ruleset, hash: `sha256:${'3'.repeat(64)}` } },
    };
    const a = hrdd(['replay', write('nors.json', noRuleset)]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/could not run/);
    expect(a.stderr).toMatch(/missing: rule set hrdd-default .* is not bundled: pass it with --ruleset/);
    const withList = {
      ...record,
      options: { ...record.options, lists: [{ id: 'csl', version: '1', hash: `sha256:${'4'.repeat(64)}` }] },
    };
    const b = hrdd(['replay', write('nolist.json', withList)]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/missing: restricted-party list csl 1 .*: pass it with --lists/);
  });
});
