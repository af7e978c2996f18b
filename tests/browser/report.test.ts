import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createEngine, refsRegistry, renderHtml, toRecord } from '../../src/index.js';
import { example, ROOT } from '../helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available)
  console.warn(
    `tests/browser skipped: no Chromium at ${CHROMIUM}. Install Debian's package (apt-get install chromium; .ci/run does) to run the HTML report in a browser.`,
  );

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

type AxeResult = { violations: { id: string; impact: string | null; help: string }[] };

describe('HTML report in headless Chromium', () => {
  it.skipIf(!available)(
    'renders the key elements, passes axe-core, makes no requests, logs no errors and prints on A4',
    async () => {
      const engine = createEngine();
      const tx = example('02-');
      const record = toRecord(engine.assess(tx, { asOf: '2026-11-01' }), { transaction: tx }, engine);
      const html = renderHtml(record, { refs: refsRegistry, recordFile: 'SO-2026-0102.json' });
      const out = join(ROOT, 'tests/output');
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, 'report.html'), html);
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
      try {
        // Under its own Content-Security-Policy the page loads its stylesheet (allowed by hash) and reports nothing.
        const strict = await browser.newPage();
        const violations: string[] = [];
        strict.on('console', (m) => {
          if (m.type() === 'error') violations.push(m.text());
        });
        await strict.goto(`file://${join(out, 'report.html')}`, { waitUntil: 'load' });
        expect(violations).toEqual([]);
        await strict.close();
        // The CSP forbids scripts: this page bypasses it only to inject axe-core for the audit.
        const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, bypassCSP: true });
        const errors: string[] = [];
        const requests: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('request', (r) => requests.push(r.url()));
        await page.goto(`file://${join(out, 'report.html')}`, { waitUntil: 'load' });

        expect(await page.locator('html').getAttribute('lang')).toBe('en');
        expect(await page.locator('h1').textContent()).toBe('Transaction SO-2026-0102');
        expect(await page.locator('.decision .verdict').textContent()).toContain('Escalate to compliance review');
        expect(await page.getByRole('img', { name: 'Findings by severity and likelihood' }).count()).toBe(1);
        expect(await page.locator('svg.heat-map rect').count()).toBe(16);
        const findings = page.getByRole('region', { name: 'Findings' }).locator('tbody tr');
        expect(await findings.count()).toBe(record.findings.length);
        expect(await findings.first().locator('th').textContent()).toContain(record.findings[0]!.title);
        const assurances = page.getByRole('region', { name: 'Required assurances' }).locator('tbody tr');
        expect(await assurances.count()).toBe(record.requiredAssurances.length);
        expect(await page.locator('pre code').textContent()).toBe('hrdd replay SO-2026-0102.json');
        expect(await page.locator('footer').textContent()).toContain('not legal advice');

        await page.addScriptTag({ content: readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8') });
        const axe = (await page.evaluate(() =>
          (globalThis as unknown as { axe: { run: () => Promise<AxeResult> } }).axe.run(),
        )) as AxeResult;
        const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

        expect(errors).toEqual([]);
        // The document itself is the only request: no fonts, images, styles or scripts from anywhere.
        expect(requests).toEqual([`file://${join(out, 'report.html')}`]);
        await page.screenshot({ path: join(out, 'report.png'), fullPage: true });

        // Printed on A4 (≈ 718 CSS px between 14 mm margins) nothing is wider than the page.
        await page.emulateMedia({ media: 'print' });
        await page.setViewportSize({ width: 718, height: 1000 });
        expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(718);
        const pdf = await page.pdf({ format: 'A4', printBackground: true });
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        writeFileSync(join(out, 'report.pdf'), pdf);
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});
