import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, refsRegistry, renderHtml, renderMarkdown, toRecord } from '../../src/index.js';
import { markdownCode, replayCommand } from '../../src/report/index.js';
import { example } from '../helpers.js';
import { fixtureAssessment, fixtureRecord, HOSTILE } from './fixtures/record.js';

const TAGS = new Set(
  'html head meta title style body header p h1 dl div dt dd main section h2 code ul li span svg text rect desc figure figcaption table caption thead tbody tr th td pre footer a'.split(
    ' ',
  ),
);
const tagsOf = (html: string) => new Set([...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!));
const lt = (s: string) => s.split('<').length;
/** Markdown with backslash escapes and code spans removed, left to right as CommonMark reads them. */
const inert = (md: string) => md.replace(/\\[\s\S]|(`+)[\s\S]*?[^`]\1(?!`)/g, '');
/** Unescaped pipes: the cell separators of a Markdown table row. */
const cells = (line: string) => line.replace(/\\./g, '').split('|').length;

describe('reports of the real engine', () => {
  const engine = createEngine();
  const tx = example('02-');
  const a = engine.assess(tx, { asOf: '2026-11-01' });
  const record = toRecord(a, { transaction: tx }, engine);

  it('markdown shows decision, ranked findings, assurances, missing information and provenance', () => {
    const md = renderMarkdown(record, { refs: refsRegistry, recordFile: 'SO-2026-0102.json' });
    expect(md).toContain('**Decision: Escalate to compliance review**');
    expect(md.indexOf('highest-risk-combination')).toBeLessThan(md.indexOf('item-surveillance-capability'));
    expect(md).toMatch(/- \[ \] Human-rights clause \(`human-rights-clause`\) from `eu-1` \(Metropolitan/);
    expect(md).toContain('UNGP-24 (UNGP 24: prioritise the most severe impacts)');
    expect(md).toContain('## Missing information');
    expect(md).toContain(a.provenance.ruleset.hash);
    expect(md).toContain('- Evaluator: compiled');
    expect(md).toContain('Replay: `hrdd replay SO-2026-0102.json`');
    expect(md).toContain('not legal advice');
  });

  it('html is self-contained, accessible markup, with a heat map counting every finding', () => {
    const html = renderHtml(record, { refs: refsRegistry });
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|url\(|@import/);
    expect(html).toContain('<svg class="heat-map" role="img" aria-labelledby="hm-title hm-desc"');
    const counts = [...html.matchAll(/font-size="20" font-weight="700" fill="#0f172a">(\d+)</g)].map((m) =>
      Number(m[1]),
    );
    expect(counts.reduce((x, y) => x + y, 0)).toBe(a.findings.length);
    expect(html).toContain('<th scope="col">Severity</th>');
    expect(html).toContain('<caption>');
    expect(html).toContain('@media print');
    expect(html).toContain('hrdd replay &lt;record.json&gt;');
    expect(html).toContain('<dt>End user</dt>');
    expect(html).toContain('UNGP 24: prioritise the most severe impacts');
  });

  it('is deterministic and the same for a record and its JSON round trip', () => {
    const again = JSON.parse(JSON.stringify(record));
    expect(renderHtml(again, { refs: refsRegistry })).toBe(renderHtml(record, { refs: refsRegistry }));
    expect(renderMarkdown(again)).toBe(renderMarkdown(record));
  });

  it('escapes a hostile party name that went through the engine', () => {
    const hostile = example('03-');
    (hostile.endUsers as Record<string, unknown>[])[0]!.name = '<script>alert(1)</script> & "Co"';
    const assessed = engine.assess(hostile, { asOf: '2026-11-01' });
    const html = renderHtml(toRecord(assessed, { transaction: hostile }, engine));
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
    expect(renderMarkdown(toRecord(assessed, { transaction: hostile }, engine))).not.toContain('<script>');
  });
});

/** Strings rich in the characters that matter to HTML and Markdown, plus any other code point. */
const hostileText = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom('<', '>', '&', '"', "'", '|', '`', '\\', '\n', '\r', '*', '_', '[', ']', '#', '!'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    ),
    maxLength: 40,
  })
  // Text a transaction accepts: a visible character, and no lone surrogate.
  .filter(
    (s) =>
      /[^\p{White_Space}\p{Cf}\p{Cc}]/u.test(s) &&
      !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s),
  );

describe('reports of a hand-built record with hostile text in every field', () => {
  const record = fixtureRecord();

  it('html contains only the report’s own tags and no script, handler or javascript: link', () => {
    const html = renderHtml(record, {
      refs: { 'UNGP-24': { title: `T ${HOSTILE}`, url: 'javascript:alert(3)' } },
      recordFile: HOSTILE,
    });
    expect([...tagsOf(html)].filter((t) => !TAGS.has(t))).toEqual([]);
    expect(html).not.toMatch(/<script|<img|href="javascript|<a /);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('<dt>Stated end use</dt>');
    expect(html).toContain('Screening list');
  });

  it('markdown keeps every table row one row and every hostile value inert', () => {
    const md = renderMarkdown(record, { recordFile: HOSTILE });
    expect(md).toContain('\\<script\\>');
    expect(inert(md)).not.toMatch(/[<>]/);
    const row = md.split('\n').find((l) => l.startsWith('| 1 |'))!;
    expect(cells(row)).toBe(9);
    expect(md.split('\n').length).toBe(renderMarkdown(fixtureRecord('x'), { recordFile: 'x' }).split('\n').length);
  });

  it('property: any text adds no tag to the HTML and no line or cell to the Markdown', () => {
    const plainHtml = lt(renderHtml(fixtureRecord('x')));
    const plainMd = renderMarkdown(fixtureRecord('x')).split('\n');
    fc.assert(
      fc.property(hostileText, (s) => {
        const record = fixtureRecord(s);
        expect(lt(renderHtml(record))).toBe(plainHtml);
        const md = renderMarkdown(record).split('\n');
        expect(md.length).toBe(plainMd.length);
        expect(inert(md.join('\n'))).not.toMatch(/[<>]/);
        expect(cells(md.find((l) => l.startsWith('| 1 |'))!)).toBe(9);
      }),
      { numRuns: 200 },
    );
  });

  it('without a registry shows reference ids; with one, titles and web links', () => {
    expect(renderHtml(fixtureAssessment('x'))).toContain('<li>UNGP-24</li>');
    const linked = renderHtml(fixtureAssessment('x'), { refs: refsRegistry });
    expect(linked).toMatch(/<a href="https:\/\/[^"]+">UNGP-24<\/a> — UNGP 24: prioritise/);
  });

  it('a bare assessment has no transaction or record options; a record has both', () => {
    const bare = renderHtml(fixtureAssessment('x'));
    expect(bare).not.toContain('id="tx-h"');
    expect(bare).not.toContain('Evaluator');
    const full = renderHtml(fixtureRecord('x'));
    expect(full).toContain('id="tx-h"');
    expect(full).toContain('<th scope="row">Evaluator</th><td>compiled</td>');
    expect(full).toMatch(/eu-1<span class="sub">x<\/span>/);
  });

  it('statuses, badges and headline figures follow the assessment', () => {
    const html = renderHtml(fixtureRecord('x'));
    expect(html).toContain('<span class="badge outstanding">✗ outstanding</span>');
    expect(html).toContain('<span class="badge satisfied">✓ satisfied</span></td><td>2027-10-01</td>');
    expect(html).toContain('<span class="n">1 of 2</span><span class="l">assurances outstanding</span>');
    expect(html).toContain('<span class="badge blocking">blocking</span>');
    expect(html).toContain('class="decision d-escalate"');
  });
});

describe('helpers', () => {
  it('replayCommand quotes file names for a POSIX shell', () => {
    expect(replayCommand()).toBe('hrdd replay <record.json>');
    expect(replayCommand('records/SO-1.json')).toBe('hrdd replay records/SO-1.json');
    expect(replayCommand("it's mine.json")).toBe(`hrdd replay 'it'\\''s mine.json'`);
  });

  it('markdownCode fences any backtick run', () => {
    expect(markdownCode('a')).toBe('`a`');
    expect(markdownCode('a`b')).toBe('``a`b``');
    expect(markdownCode('`x`')).toBe('`` `x` ``');
  });
});
