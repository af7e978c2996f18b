import type { AssuranceDef } from '../rules/schema.js';

/**
 * The twelve assurance types of the Code of Conduct's commitment 4 as a company obtains them: the undertaking a
 * contract or end-use certificate would carry, who gives it and how long it is relied on.
 */
export const assuranceCatalogue: AssuranceDef[] = [
  {
    type: 'end-use-statement',
    title: 'End-use statement',
    text: 'The end user states its full name and address, the items received, the specific end use, the site where they will be installed, and that they will be used only for that end use at that site.',
    givenBy: ['end-user'],
    validityDays: 365,
    refs: ['CoC-4', 'EAR-732-Supp3', 'EU-2024/2659'],
  },
  {
    type: 'no-reexport',
    title: 'No re-export or transfer without consent',
    text: 'The recipient will not re-export, resell, lend or otherwise transfer the items, software or technology, or give access to them, to any other party or country without the exporter’s prior written consent.',
    givenBy: ['end-user', 'consignee', 'intermediary'],
    validityDays: 730,
    refs: ['CoC-4'],
  },
  {
    type: 'human-rights-clause',
    title: 'Human-rights clause',
    text: 'The end user will use the items only in accordance with international human-rights law — lawfully, for a legitimate aim, and only where necessary and proportionate — and never to target people for exercising their rights to expression, assembly, association, privacy or religion.',
    givenBy: ['end-user'],
    validityDays: 365,
    refs: ['UNGP-13', 'STATE-2020', 'CoC-4'],
  },
  {
    type: 'use-limitation',
    title: 'Use limitation',
    text: 'Use is limited to the stated purpose, organisational unit, geographic area and number of seats or sensors; any extension needs a new assessment and the exporter’s written consent.',
    givenBy: ['end-user'],
    validityDays: 365,
    refs: ['STATE-2020', 'EU-2024/2659'],
  },
  {
    type: 'no-targeting-customization',
    title: 'No customisation for targeting',
    text: 'The end user has not requested and will not request customisation or configuration that targets people by ethnicity, religion, political opinion or profession (including journalists, human-rights defenders and opposition figures).',
    givenBy: ['end-user'],
    validityDays: 365,
    refs: ['STATE-2020', 'UNGP-13'],
  },
  {
    type: 'audit-right',
    title: 'Audit and post-shipment verification right',
    text: 'The exporter or an independent auditor may verify the installation, configuration and use of the items after delivery, including access to usage logs, on reasonable notice.',
    givenBy: ['end-user'],
    validityDays: 730,
    refs: ['UNGP-20', 'STATE-2020', 'EU-2024/2659'],
  },
  {
    type: 'suspension-right',
    title: 'Right to suspend support',
    text: 'The exporter may suspend support, updates, maintenance and licences if there are credible reports that the items are being used to violate human rights, and may end the relationship if misuse is confirmed.',
    givenBy: ['end-user'],
    validityDays: 730,
    refs: ['UNGP-19', 'STATE-2020'],
  },
  {
    type: 'technical-safeguards',
    title: 'Technical safeguards',
    text: 'The system is delivered and kept with safeguards on: immutable audit logs, role-based access, expiring licences, geofencing to the stated area, and high-risk features switched off unless separately approved.',
    givenBy: ['exporter'],
    validityDays: 365,
    refs: ['STATE-2020'],
  },
  {
    type: 'human-rights-training',
    title: 'Human-rights training',
    text: 'Operators of the system receive training on the legal limits of its use and on international human-rights standards before it goes live, with records kept.',
    givenBy: ['end-user'],
    validityDays: 365,
    refs: ['STATE-2020'],
  },
  {
    type: 'grievance-mechanism',
    title: 'Grievance mechanism',
    text: 'People affected by the system can raise concerns through an accessible grievance channel operated by or on behalf of the exporter, and the end user will cooperate with its investigations.',
    givenBy: ['exporter'],
    validityDays: 730,
    refs: ['UNGP-22', 'STATE-2020'],
  },
  {
    type: 'authority-consultation',
    title: 'Consultation of the export-control authority',
    text: 'The competent export-control authority has been notified or consulted (licence application, EU Regulation 2021/821 Art. 5(2) notification, or advisory opinion) and its written answer is on file.',
    givenBy: ['exporter'],
    validityDays: 365,
    refs: ['EU-2021/821-Art5', 'CoC-2'],
  },
  {
    type: 'enhanced-monitoring',
    title: 'Enhanced monitoring',
    text: 'The exporter re-screens the parties and re-assesses the transaction at least every six months while support continues, and after any credible report of misuse.',
    givenBy: ['exporter'],
    validityDays: 180,
    refs: ['UNGP-20', 'EU-2024/2659'],
  },
];
