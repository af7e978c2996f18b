import type { DecisionPolicy } from './schema.js';

const P = 'proceed';
const C = 'proceed-with-conditions';
const E = 'escalate';

/**
 * The decision policy used where a rule set gives none: the decision a finding implies by severity level (rows
 * 1–4) and likelihood (columns 1–4), and review intervals by score band. The floors of DESIGN.md (severity 4 →
 * at least proceed-with-conditions, and escalate at likelihood ≥ 3) apply on top of any table.
 */
export const DEFAULT_DECISION_POLICY: DecisionPolicy = {
  table: [
    [P, P, C, C],
    [P, C, C, C],
    [C, C, E, E],
    [C, C, E, E],
  ],
  reviewIntervalDays: { none: 365, low: 365, medium: 180, high: 90, critical: 30 },
};
