/** A source or red flag cited by rules: its title and, for sources, where to read it. */
export interface RefInfo {
  title: string;
  url?: string;
}

const UNGP = 'https://www.ohchr.org/sites/default/files/documents/publications/guidingprinciplesbusinesshr_en.pdf';
const COC =
  'https://www.state.gov/export-controls-and-human-rights-initiative-code-of-conduct-released-at-the-summit-for-democracy/';
const STATE = 'https://www.state.gov/key-topics-bureau-of-democracy-human-rights-and-labor/due-diligence-guidance/';
const EU821 = 'https://eur-lex.europa.eu/eli/reg/2021/821/oj';
const EU2659 = 'https://eur-lex.europa.eu/eli/reco/2024/2659/oj';
const EAR = 'https://www.ecfr.gov/current/title-15/subtitle-B/chapter-VII/subchapter-C';

/** Sources and red flags by id; every id a bundled rule cites resolves here (a test checks it). */
export const refsRegistry: Readonly<Record<string, RefInfo>> = {
  'UNGP-13': { title: 'UNGP 13: cause, contribute or be directly linked to adverse impacts', url: UNGP },
  'UNGP-14': { title: 'UNGP 14: severity by scale, scope and irremediable character', url: UNGP },
  'UNGP-17': { title: 'UNGP 17: human-rights due diligence', url: UNGP },
  'UNGP-18': { title: 'UNGP 18: identify and assess impacts', url: UNGP },
  'UNGP-19': { title: 'UNGP 19: integrate and act; leverage; ending the relationship', url: UNGP },
  'UNGP-20': { title: 'UNGP 20: track the effectiveness of the response', url: UNGP },
  'UNGP-21': { title: 'UNGP 21: communicate how impacts are addressed', url: UNGP },
  'UNGP-22': { title: 'UNGP 22: remediation', url: UNGP },
  'UNGP-24': { title: 'UNGP 24: prioritise the most severe impacts', url: UNGP },
  'UNGP-29': { title: 'UNGP 29: operational-level grievance mechanisms', url: UNGP },
  'CoC-1': {
    title: 'Code of Conduct commitment 1: take human rights into account in export-control decisions',
    url: COC,
  },
  'CoC-2': { title: 'Code of Conduct commitment 2: consult and share information', url: COC },
  'CoC-3': { title: 'Code of Conduct commitment 3: share best practices', url: COC },
  'CoC-4': {
    title: 'Code of Conduct commitment 4: assurances against misuse, re-export and transfer; sufficient information',
    url: COC,
  },
  'CoC-5': { title: 'Code of Conduct commitment 5: encourage UNGP-aligned due diligence by companies', url: COC },
  'STATE-2020': {
    title: 'US State Department guidance on transactions with surveillance capabilities (2020)',
    url: STATE,
  },
  'EU-2021/821-Art2': { title: 'EU Regulation 2021/821 Art. 2(20): cyber-surveillance items', url: EU821 },
  'EU-2021/821-Art5': { title: 'EU Regulation 2021/821 Art. 5: catch-all for cyber-surveillance items', url: EU821 },
  'EU-2019/125': {
    title: 'EU Regulation 2019/125: goods that could be used for capital punishment or torture',
    url: 'https://eur-lex.europa.eu/eli/reg/2019/125/oj',
  },
  'EU-2024/2659': {
    title: 'Commission Recommendation (EU) 2024/2659: guidelines on cyber-surveillance export due diligence',
    url: EU2659,
  },
  'EAR-732-Supp3': { title: 'EAR Part 732 Supplement 3: know your customer and red flags', url: `${EAR}/part-732` },
  'EAR-742.7': {
    title: 'EAR §742.7: crime-control licence policy with human-rights review',
    url: `${EAR}/part-742/section-742.7`,
  },
  'EAR-744.11': {
    title: 'EAR §744.11: Entity List designations, including for human-rights reasons',
    url: `${EAR}/part-744/section-744.11`,
  },
  'EAR-CSL': { title: 'US Consolidated Screening List', url: 'https://www.trade.gov/consolidated-screening-list' },
  'OECD-RBC-2018': {
    title: 'OECD Due Diligence Guidance for Responsible Business Conduct (2018)',
    url: 'https://www.oecd.org/investment/due-diligence-guidance-for-responsible-business-conduct.htm',
  },
  'RF-ITEM-LISTED': { title: 'Item on a surveillance-relevant control list' },
  'RF-ITEM-COVERT': { title: 'Covert surveillance capability' },
  'RF-ITEM-BULK': { title: 'Population-scale (bulk) capability' },
  'RF-ITEM-PERSON-ID': { title: 'Identifies individual people' },
  'RF-ITEM-DEMOGRAPHIC': { title: 'Classifies people by ethnicity, religion or similar' },
  'RF-ITEM-CUSTOM-TARGETING': { title: 'Customisation to target groups, dissidents or journalists' },
  'RF-ITEM-SAFEGUARD-REMOVAL': { title: 'Request to disable logging, access control or privacy features' },
  'RF-ITEM-FUSION': { title: 'Joined to other state surveillance or biometric databases' },
  'RF-EU-LISTED': { title: 'Party on a restricted-party list' },
  'RF-EU-SECURITY-AGENCY': { title: 'Security, intelligence, police or military end user, or close to government' },
  'RF-EU-MISUSE-REPORTS': { title: 'Credible reports of misuse or abuses by the end user' },
  'RF-EU-INFO-REFUSAL': { title: 'Refuses end-use information, an end-use statement or human-rights clauses' },
  'RF-EU-MANDATE-MISMATCH': { title: 'Capability exceeds the stated need or mandate' },
  'RF-EU-OPAQUE-OWNERSHIP': { title: 'Front company, unknown beneficial owner, or reseller with no named end user' },
  'RF-EU-DECLINES-SUPPORT': { title: 'Declines installation, training or maintenance normally included' },
  'RF-EU-NO-HISTORY': { title: 'No business history' },
  'RF-EU-UNFAMILIAR': { title: 'Does not know the product but wants it' },
  'RF-CTY-EMBARGO': { title: 'Country under comprehensive sanctions or an arms embargo' },
  'RF-CTY-REPRESSION': { title: 'Poor physical-integrity record' },
  'RF-CTY-NOT-FREE': { title: 'Low civil liberties' },
  'RF-CTY-NET-NOT-FREE': { title: 'Internet shutdowns and censorship' },
  'RF-CTY-LEGAL-FRAMEWORK': { title: 'Surveillance without independent authorisation; vague security laws' },
  'RF-CTY-CIVIL-DISORDER': { title: 'Civil disorder or armed conflict' },
  'RF-DEP-SENSITIVE-REGION': { title: 'Deployment in a minority region, protest or conflict zone' },
  'RF-DEP-OPERATIONAL-SUPPORT': { title: 'Exporter would operate, host or analyse: involvement moves to contribute' },
  'RF-DEP-NO-VERIFICATION': { title: 'Refuses audits or post-shipment checks' },
  'RF-TX-PAYMENT': { title: 'Cash, crypto or third-party payment for costly items' },
  'RF-TX-DELIVERY': { title: 'Vague delivery dates, or a freight forwarder as final consignee' },
  'RF-TX-ROUTING': { title: 'Unusual routing' },
  'RF-TX-REEXPORT-EVASIVE': { title: 'Evasive about re-export' },
  'RF-TX-CONFIG-MISMATCH': { title: 'Configuration does not fit the destination or stated use' },
  'RF-INFO-MISSING': { title: 'Information the assessment needs is missing' },
};
