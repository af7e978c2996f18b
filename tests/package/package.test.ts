import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { example, ROOT } from '../helpers.js';

const dist = (file: string) => {
  const path = join(ROOT, 'dist', file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first (npm test does)`);
  return path;
};

describe('built package', () => {
  it('works through require() (CommonJS, every dependency resolvable from CJS)', () => {
    const require = createRequire(import.meta.url);
    const hrdd = require(dist('index.cjs'));
    expect(hrdd.parseTransaction(example('01-')).id).toBe('SO-2026-0101');
    expect(hrdd.canonicalHash({ b: 1, a: 2 })).toBe(hrdd.canonicalHash({ a: 2, b: 1 }));
    expect(hrdd.createEngine().assess(example('01-'), { asOf: '2026-11-01' }).decision).toBe('proceed');
  });

  it('works through import() (ESM)', async () => {
    const hrdd = await import(pathToFileURL(dist('index.js')).href);
    expect(hrdd.createEngine().assess(example('10-'), { asOf: '2026-11-01' }).decision).toBe('decline');
    expect(typeof hrdd.compileLogic).toBe('function');
  });

  it('the core entry imports no Node built-ins', () => {
    for (const file of ['index.js', 'index.cjs']) {
      const code = readFileSync(dist(file), 'utf8');
      expect(code).not.toMatch(
        /from\s*["']node:|require\(["']node:|from\s*["'](fs|path|os|child_process|worker_threads|crypto)["']|require\(["'](fs|path|os|child_process|worker_threads|crypto)["']\)/,
      );
    }
  });

  it('generates no code at run time: no eval, no Function constructor (safe under a strict CSP)', () => {
    for (const file of ['index.js', 'index.cjs', 'node/index.js', 'node/index.cjs', 'node/batch-worker.js']) {
      const code = readFileSync(dist(file), 'utf8');
      expect(code, file).not.toMatch(/\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*["'`]/);
    }
  });

  it('ships type declarations for both formats', () => {
    expect(readFileSync(dist('index.d.ts'), 'utf8')).toContain('createEngine');
    expect(readFileSync(dist('index.d.cts'), 'utf8')).toContain('createEngine');
  });
});
