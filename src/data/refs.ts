/** A source or red flag cited by rules: its title and, for sources, where to read it. */
export interface RefInfo {
  title: string;
  url?: string;
  /** For sanctions and embargo instruments: the legal order that applies it (EU, US, UN, UK, or the exporter's state). */
  regime?: 'EU' | 'US' | 'UN' | 'UK' | 'national';
}

const UNGP = 'https://www.ohchr.org/sites/default/files/documents/publications/guidingprinciplesbusinesshr_en.pdf';
const COC =
  'https://www.state.gov/export-controls-and-human-rights-initiative-code-of-conduct-released-at-the-summit-for-democracy/';
const STATE = 'https://www.state.gov/key-topics-bureau-of-democracy-human-rights-and-labor/due-diligence-guidance/';
const EU821 = 'https://eur-lex.europa.eu/eli/reg/2021/821/oj';
const EU2659 = 'https://eur-lex.europa.eu/eli/reco/2024/2659/oj';
const EAR = 'https://www.ecfr.gov/current/title-15/subtitle-B/chapter-VII/subchapter-C';

const EURLEX = 'https://eur-lex.europa.eu/eli/reg';

/**
 * Sanctions and embargo instruments: one id per instrument and claim, each with the regime that applies it
 * (`EU` binds exporters established in the EU, `US` US persons and US-origin items, `UN` everyone).
 */
const SANCTIONS_REFS: Readonly<Record<string, RefInfo>> = {
  'EU-833/2014': {
    title:
      'Council Regulation (EU) No 833/2014 Art. 2 and 2a: ban on dual-use items and advanced technology for Russia',
    url: `${EURLEX}/2014/833/oj`,
    regime: 'EU',
  },
  'EU-833/2014-Art3k': {
    title: 'Council Regulation (EU) No 833/2014 Art. 3k and Annex XXIII: ban on further goods for Russia',
    url: `${EURLEX}/2014/833/oj`,
    regime: 'EU',
  },
  'EU-765/2006': {
    title:
      'Council Regulation (EC) No 765/2006 (as amended): ban on dual-use items and advanced technology for Belarus',
    url: `${EURLEX}/2006/765/oj`,
    regime: 'EU',
  },
  'EU-359/2011-MONITORING': {
    title:
      'Council Regulation (EU) No 359/2011 (Iran, human rights), Annex IV: monitoring and interception equipment only with prior authorisation',
    url: `${EURLEX}/2011/359/oj`,
    regime: 'EU',
  },
  'EU-36/2012-MONITORING': {
    title:
      'Council Regulation (EU) No 36/2012 (Syria): monitoring and interception equipment only with prior authorisation',
    url: `${EURLEX}/2012/36/oj`,
    regime: 'EU',
  },
  'EU-401/2013-MONITORING': {
    title:
      'Council Regulation (EU) No 401/2013 (Myanmar/Burma), as amended by Regulation (EU) 2018/647: monitoring equipment only with prior authorisation',
    url: `${EURLEX}/2013/401/oj`,
    regime: 'EU',
  },
  'EU-2017/2063-MONITORING': {
    title:
      'Council Regulation (EU) 2017/2063 (Venezuela), Annex II: monitoring and interception equipment only with prior authorisation; no monitoring services for the government',
    url: `${EURLEX}/2017/2063/oj`,
    regime: 'EU',
  },
  'UK-MONITORING': {
    title:
      'UK sanctions regulations on Iran (Human Rights) 2019, Myanmar 2021, Syria 2019 and Venezuela 2019: interception and monitoring goods, technology and services restricted',
    url: 'https://www.legislation.gov.uk/',
    regime: 'UK',
  },
  'UK-RUSSIA-2019': {
    title:
      'The Russia (Sanctions) (EU Exit) Regulations 2019 (SI 2019/855), Part 5: export of dual-use and other restricted goods to or for use in Russia prohibited',
    url: 'https://www.legislation.gov.uk/uksi/2019/855',
    regime: 'UK',
  },
  'UK-BELARUS-2019': {
    title:
      'The Republic of Belarus (Sanctions) (EU Exit) Regulations 2019 (SI 2019/600), as amended in 2022: export of dual-use and other restricted goods to or for use in Belarus prohibited',
    url: 'https://www.legislation.gov.uk/uksi/2019/600',
    regime: 'UK',
  },
  'NATIONAL-RUSSIA-BELARUS': {
    title:
      "National export bans on Russia and Belarus aligned with the EU and G7 measures: Switzerland's Ordinance on measures in connection with the situation in Ukraine (SR 946.231.176.72), Norway, Iceland and Liechtenstein adopting Regulation 833/2014, Japan's Foreign Exchange and Foreign Trade Act measures, Korea's and Taiwan's strategic-items bans",
    regime: 'national',
  },
  'NATIONAL-RUSSIA-BELARUS-OTHER': {
    title:
      'National sanctions and export controls on Russia and Belarus of Australia, Canada, New Zealand and Singapore: coverage of dual-use items differs by state and must be checked with the authority',
    regime: 'national',
  },
  'EU-692/2014': {
    title: 'Council Regulation (EU) No 692/2014: restrictive measures on Crimea and Sevastopol',
    url: `${EURLEX}/2014/692/oj`,
    regime: 'EU',
  },
  'EU-2022/263': {
    title:
      'Council Regulation (EU) 2022/263: restrictive measures on the non-government-controlled areas of the Donetsk, Luhansk, Kherson and Zaporizhzhia oblasts',
    url: `${EURLEX}/2022/263/oj`,
    regime: 'EU',
  },
  'EU-2271/96': {
    title: 'Council Regulation (EC) No 2271/96 (Blocking Statute): protection against extra-territorial US laws',
    url: `${EURLEX}/1996/2271/oj`,
    regime: 'EU',
  },
  'EU-ARMS-EMBARGOES': {
    title: 'EU arms embargoes (Council CFSP decisions, EU Sanctions Map): bind exporters established in the EU',
    url: 'https://www.sanctionsmap.eu/',
    regime: 'EU',
  },
  'UN-SC-ARMS-EMBARGOES': {
    title: 'UN Security Council arms embargoes (Chapter VII resolutions): bind every state and exporter',
    url: 'https://main.un.org/securitycouncil/en/sanctions/information',
    regime: 'UN',
  },
  'UN-SC-SANCTIONS': {
    title:
      'UN Security Council sanctions on Iran and North Korea (resolutions 1718 (2006) et seq.; 1737 (2006) et seq., re-applied 2025) with EU and US comprehensive measures',
    url: 'https://main.un.org/securitycouncil/en/sanctions/information',
    regime: 'UN',
  },
  'EAR-746': {
    title: 'EAR Part 746 (§746.2 Cuba, §746.4 North Korea, §746.7 Iran) and OFAC programmes: US embargoes',
    url: `${EAR}/part-746`,
    regime: 'US',
  },
  'EAR-746.8': {
    title: 'EAR §746.8: licence requirements for Russia and Belarus, policy of denial',
    url: `${EAR}/part-746/section-746.8`,
    regime: 'US',
  },
  'US-EO-13685': {
    title: 'US Executive Order 13685 (2014): prohibitions on the Crimea region of Ukraine',
    url: 'https://ofac.treasury.gov/sanctions-programs-and-country-information/ukraine-russia-related-sanctions',
    regime: 'US',
  },
  'US-EO-14065': {
    title:
      'US Executive Order 14065 (2022): prohibitions on the so-called Donetsk and Luhansk People’s Republics and other covered regions of Ukraine',
    url: 'https://ofac.treasury.gov/sanctions-programs-and-country-information/ukraine-russia-related-sanctions',
    regime: 'US',
  },
};

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
    title:
      'Code of Conduct commitment 1: legal, regulatory, policy and enforcement tools to control exports of dual-use items to end users that could misuse them for serious human-rights violations',
    url: COC,
  },
  'CoC-2': {
    title: 'Code of Conduct commitment 2: engage the private sector, academia and civil society in consultations',
    url: COC,
  },
  'CoC-3': {
    title: 'Code of Conduct commitment 3: share information on threats and risks with other subscribing states',
    url: COC,
  },
  'CoC-4': {
    title:
      'Code of Conduct commitment 4: best practices; assurances that items will not be misused, re-exported or transferred; sufficient information to assess the risk',
    url: COC,
  },
  'CoC-5': {
    title:
      'Code of Conduct commitment 5: consult industry and promote human-rights due diligence in line with the UNGPs',
    url: COC,
  },
  'CoC-6': {
    title: 'Code of Conduct commitment 6: build the capacity of non-subscribing states and encourage them to join',
    url: COC,
  },
  'STATE-2020': {
    title: 'US State Department guidance on transactions with surveillance capabilities (2020)',
    url: STATE,
  },
  'EU-2021/821-Art2': { title: 'EU Regulation 2021/821 Art. 2(20): cyber-surveillance items', url: EU821 },
  'EU-2021/821-Art5': { title: 'EU Regulation 2021/821 Art. 5: catch-all for cyber-surveillance items', url: EU821 },
  'EU-2021/821-Art3': {
    title: 'EU Regulation 2021/821 Art. 3 and Annex I: authorisation required for listed dual-use items',
    url: EU821,
  },
  'EU-2019/125': {
    title: 'EU Regulation 2019/125: goods that could be used for capital punishment or torture',
    url: 'https://eur-lex.europa.eu/eli/reg/2019/125/oj',
  },
  'EU-2019/1318': {
    title: 'Commission Recommendation (EU) 2019/1318: internal compliance programmes, red flags of diversion',
    url: 'https://eur-lex.europa.eu/eli/reco/2019/1318/oj',
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
  ...SANCTIONS_REFS,
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
