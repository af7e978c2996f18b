/** Answers a careful end user gives: nothing alarming, everything accepted. */
export const cleanAnswers = {
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
  end_user_mandate: 'Criminal investigations under the police act, each search authorised by a court',
  judicial_authorisation: 'independent',
  suspension_right: 'accepted',
  grievance_channel: true,
  remote_access: true,
  country_repression: false,
  country_internet_controls: false,
  country_civil_disorder: false,
  vague_security_laws: false,
  training_accepted: true,
  flow_down: 'accepted',
};

export function withAssurances(
  tx: Record<string, unknown>,
  list: [type: string, from: string][],
  obtainedOn = '2026-10-01',
): Record<string, unknown> {
  const existing = (tx.assurances as unknown[] | undefined) ?? [];
  return { ...tx, assurances: [...existing, ...list.map(([type, from]) => ({ type, from, obtainedOn }))] };
}
