import { describe, expect, it } from 'vitest';
import { replayAssessment } from '../src/index.js';
import { example } from '../tests/helpers.js';
import { type Order, OrderHook } from './erp-order-hook.js';

const order = (prefix: string): Order => ({ transaction: example(prefix) as Order['transaction'], answers: {} });

describe('ERP order hook example', () => {
  it('releases, holds and blocks by decision', () => {
    const hook = new OrderHook('2026-11-01');
    expect(hook.check(order('01-')).status).toBe('released');
    expect(hook.check(order('02-')).status).toBe('held-for-compliance');
    expect(hook.check(order('10-')).status).toBe('blocked');
  });

  it('asks for the outstanding conditions and releases once they arrive; every record replays', () => {
    const hook = new OrderHook('2026-11-01');
    const waiting = hook.check(order('03-'));
    expect(waiting.status).toBe('waiting-for-conditions');
    expect(waiting.requests!.assurances.length).toBeGreaterThan(0);
    expect(waiting.requests!.questions).toContain('misuse_reports');
    const assurances = waiting.requests!.assurances.map((r) => ({
      type: r.type,
      from: r.from!,
      obtainedOn: '2026-10-20',
    }));
    const text: Record<string, unknown> = {
      end_user_mandate: 'Criminal investigations under the police act',
      judicial_authorisation: 'independent',
      reexport_plans: 'none',
    };
    const yes = ['beneficial_owners_known', 'government_links', 'grievance_channel', 'remote_access'];
    const accepted = ['end_use_statement', 'human_rights_clause', 'audits_accepted', 'suspension_right', 'flow_down'];
    const answers: Record<string, unknown> = Object.fromEntries(
      waiting.requests!.questions.map((q) => [q, text[q] ?? (accepted.includes(q) ? 'accepted' : yes.includes(q))]),
    );
    // The follow-up to the mandate shows once the mandate is answered.
    answers.capability_exceeds_mandate = false;
    const released = hook.receive(waiting, assurances, answers);
    expect(released.status).toBe('released');
    expect(hook.records).toHaveLength(2);
    for (const record of hook.records) expect(replayAssessment(record).reproduced).toBe(true);
  });
});
