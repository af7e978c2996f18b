import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The example transactions, as shipped. */
export function exampleTransactions(): Record<string, unknown>[] {
  const dir = join(import.meta.dirname, '..', 'examples', 'transactions');
  return readdirSync(dir)
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>);
}

/**
 * Answers to the default questionnaire as a compliance officer files them after talking to a customer: the usual
 * undertakings accepted, no red flags disclosed. Every assessment of the real workload carries them.
 */
export const FILED_ANSWERS: Record<string, unknown> = {
  sensitive_region: false,
  capability_exceeds_mandate: false,
  government_links: true,
  beneficial_owners_known: true,
  misuse_reports: false,
  end_use_statement: 'accepted',
  human_rights_clause: 'accepted',
  audits_accepted: 'accepted',
  reexport_plans: 'none',
  customization_requested: false,
  safeguard_removal: false,
  aware_of_repression: false,
};

/** The real workload: every example with its answers, `n` in all (ids made distinct). */
export function realWorkload(n: number): { transaction: Record<string, unknown>; answers: Record<string, unknown> }[] {
  const examples = exampleTransactions();
  return Array.from({ length: n }, (_, i) => ({
    transaction: { ...examples[i % examples.length], id: `T-${i}` },
    answers: FILED_ANSWERS,
  }));
}
