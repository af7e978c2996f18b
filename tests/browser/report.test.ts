import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createEngine, refsRegistry, renderHtml, toRecord } from '../../src/index.js';
import { example, ROOT } from '../helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available)
  console.warn(`browser test skipped: no Chromium at ${CHROMIUM} (apt-get install chromium; .ci/run installs it)`);

describe.skipIf(!available)('HTML report in headless Chromium', () => {
  it('renders the key elements, passes axe-core, makes no requests and logs no errors', async () => {
    const engine = createEngine();
    const tx = example('02-');
    const record = toRecord(engine.assess(tx, { asOf: '2026-11-01' }), { transaction: tx }, engine);
    const html = renderHtml(record, { refs: refsRegistry, recordFile: 'record.json' });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => requests.push(r.url()));
      await page.setContent(html, { waitUntil: 'load' });
      expect(await page.locator('h1').textContent()).toContain('SO-2026-0102');
      expect(await page.getByLabel('Decision').textContent()).toContain('Escalate');
      expect(await page.locator('svg[role="img"] rect').count()).toBe(16);
      expect(await page.locator('table').first().locator('tbody tr').count()).toBe(record.findings.length);
      expect(await page.getByText('hrdd replay record.json').count()).toBe(1);
      await page.addScriptTag({ content: readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8') });
      const violations = (await page.evaluate(async () => {
        const result = await (
          globalThis as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string }[] }> } }
        ).axe.run();
        return result.violations.map((v) => ({ id: v.id, impact: v.impact }));
      })) as { id: string; impact: string }[];
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
      expect(errors).toEqual([]);
      expect(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([]);
      mkdirSync(join(ROOT, 'tests/output'), { recursive: true });
      await page.screenshot({ path: join(ROOT, 'tests/output/report.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  }, 60_000);
});
