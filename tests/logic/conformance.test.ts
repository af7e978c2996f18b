import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileLogic, compileReference } from '../../src/logic/index.js';

type Case = [rule: unknown, data: unknown, expected: unknown];
const raw = JSON.parse(
  readFileSync(new URL('../fixtures/jsonlogic-shared-tests.json', import.meta.url), 'utf8'),
) as unknown[];
const cases: [string, Case][] = [];
let section = '';
for (const entry of raw) {
  if (typeof entry === 'string') section = entry.replace(/^#\s*/, '');
  else cases.push([section, entry as Case]);
}

describe('shared JsonLogic conformance cases', () => {
  it('has all 280 cases', () => {
    expect(cases).toHaveLength(280);
  });
  for (const [name, compile] of [
    ['compiled', compileLogic],
    ['reference', compileReference],
  ] as const) {
    it(`pass 100% in the ${name} evaluator`, () => {
      const failures: string[] = [];
      for (const [sec, [rule, data, expected]] of cases) {
        let actual: unknown;
        try {
          actual = compile(rule)(data);
        } catch (error) {
          actual = `threw ${(error as Error).message.split('\n')[0]}`;
        }
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          failures.push(
            `${sec}: ${JSON.stringify(rule)} on ${JSON.stringify(data)} → ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`,
          );
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
