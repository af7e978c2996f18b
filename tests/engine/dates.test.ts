import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayAssessment } from '../../src/audit/index.js';
import { addDaysIso } from '../../src/engine/dates.js';
import { createEngine, toRecord } from '../../src/index.js';
import { dateOperations } from '../../src/logic/index.js';
import { hrdd } from '../cli/run-cli.js';
import { baseTransaction, example } from '../helpers.js';

const ops = dateOperations();
const call = (name: string, ...args: unknown[]) => ops[name]!.fn(...args);

describe('dates are calendar days, whatever the year or the time zone', () => {
  it('years 0000–0099 are read as written, not as 1900–1999', () => {
    expect(addDaysIso('0050-02-28', 1)).toBe('0050-03-01');
    expect(addDaysIso('0099-12-31', 1)).toBe('0100-01-01');
    expect(call('add_days', '0001-01-01', 365)).toBe('0002-01-01');
    const utcDay = (y: number, m: number, d: number) => {
      const t = new Date(Date.UTC(2000, m - 1, d));
      t.setUTCFullYear(y);
      return t.getTime() / 86_400_000;
    };
    expect(call('days_between', '0050-01-01', '1950-01-01')).toBe(utcDay(1950, 1, 1) - utcDay(50, 1, 1));
    expect(call('before', '0050-01-01', '1949-01-01')).toBe(true);
    expect(call('add_days', '0000-02-28', 1)).toBe('0000-02-29');
  });

  it('outside years 0000–9999 an operation gives null and a review date saturates', () => {
    expect(call('add_days', '9999-12-31', 1)).toBeNull();
    expect(call('add_days', '2026-01-01', 1e11)).toBeNull();
    expect(addDaysIso('9999-12-31', 30)).toBe('9999-12-31');
  });

  it('an assessment as of 9999-12-31 makes a record that replays', () => {
    const engine = createEngine();
    const tx = example('03-');
    const a = engine.assess(tx, { asOf: '9999-12-31' });
    expect(a.reviewBy).toBe('9999-12-31');
    expect(replayAssessment(toRecord(a, { transaction: tx }, engine))).toMatchObject({ reproduced: true });
  });

  it('replay does not depend on the time zone (Pacific/Apia skipped 2011-12-30)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hrdd-tz-'));
    const tx = baseTransaction();
    (tx.items as Record<string, unknown>[])[0]!.capabilities = ['biometric-identification'];
    tx.assurances = [{ type: 'end-use-statement', from: 'eu', obtainedOn: '2011-12-30' }];
    const file = join(dir, 'tx.json');
    writeFileSync(file, JSON.stringify(tx));
    const utc = hrdd(['assess', file, '--as-of', '2011-12-30'], { env: { TZ: 'UTC' } });
    expect(JSON.parse(utc.stdout).requiredAssurances).toContainEqual(
      expect.objectContaining({ type: 'end-use-statement', validUntil: addDaysIso('2011-12-30', 365) }),
    );
    const apia = hrdd(['assess', file, '--as-of', '2011-12-30'], { env: { TZ: 'Pacific/Apia' } });
    expect(utc.code).toBe(0);
    expect(apia.stdout).toBe(utc.stdout);
    const record = join(dir, 'record.json');
    writeFileSync(record, utc.stdout);
    expect(hrdd(['replay', record], { env: { TZ: 'Pacific/Apia' } }).code).toBe(0);
  });
});
