import { describe, expect, it } from 'vitest';
import { createEngine, refsRegistry, renderHtml, renderMarkdown } from '../../src/index.js';
import { example } from '../helpers.js';

const engine = createEngine();

describe('reports', () => {
  const a = engine.assess(example('02-'), { asOf: '2026-11-01' });

  it('markdown shows decision, ranked findings, assurances, missing information and provenance', () => {
    const md = renderMarkdown(a, { refs: refsRegistry });
    expect(md).toContain('**Decision: Escalate to compliance review**');
    expect(md.indexOf('highest-risk-combination')).toBeLessThan(md.indexOf('item-surveillance-capability'));
    expect(md).toContain('- [ ] Human-rights clause');
    expect(md).toContain('## Missing information');
    expect(md).toContain(a.provenance.ruleset.hash);
    expect(md).toContain('hrdd replay');
  });

  it('html is self-contained, accessible markup, with a heat map', () => {
    const html = renderHtml(a, { refs: refsRegistry });
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(html).toContain('<svg role="img"');
    expect(html).toContain('<th scope="col">Severity</th>');
    expect(html).toContain('@media print');
  });

  it('escapes hostile text', () => {
    const tx = example('03-');
    (tx.endUsers as Record<string, unknown>[])[0]!.name = '<script>alert(1)</script> & "Co"';
    const html = renderHtml(engine.assess(tx, { asOf: '2026-11-01' }));
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
    expect(renderMarkdown(engine.assess(tx, { asOf: '2026-11-01' }))).not.toContain('<script>');
  });
});
