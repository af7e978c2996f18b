import { canonicalHash } from '../digest/index.js';
import { HrddError } from '../errors.js';
import { parseCsl } from './formats/csl.js';
import { parseEuFsf } from './formats/eu.js';
import { parseFtm, parseOpenSanctionsCsv } from './formats/opensanctions.js';
import { parseUkSanctionsList } from './formats/uk.js';
import { parseUnConsolidated } from './formats/un.js';
import type { ListEntry } from './types.js';

/** The list formats read: US CSL (CSV or JSON), OpenSanctions (FtM NDJSON, targets.simple.csv), EU FSF, UN SC, UK. */
export const LIST_FORMATS = ['csl', 'ftm', 'opensanctions-csv', 'eu-fsf', 'un-sc', 'uk'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

export interface ParseListOptions {
  /** The format; detected from the content when absent. */
  format?: ListFormat;
  /** The list name recorded as each entry's `source` (default: the publisher's list name; CSL rows carry their own). */
  source?: string;
}

/** The format of a list, from its first bytes: an XML root element, an NDJSON entity, a CSV header, or CSL JSON. */
export function detectListFormat(input: string): ListFormat {
  const text = input.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('<')) {
    const root = /<(?!\?|!)(?:[\w.-]+:)?([\w.-]+)/.exec(text)?.[1];
    if (root === 'export') return 'eu-fsf';
    if (root === 'CONSOLIDATED_LIST') return 'un-sc';
    if (root === 'Designations') return 'uk';
    throw new HrddError('Unknown screening list format', [
      {
        path: 'line 1',
        message: `XML root <${root ?? '?'}> is not one of <export> (EU FSF), <CONSOLIDATED_LIST> (UN), <Designations> (UK)`,
      },
    ]);
  }
  if (text.startsWith('{')) {
    const first = text.slice(0, text.indexOf('\n') < 0 ? undefined : text.indexOf('\n'));
    if (/^\{\s*"results"\s*:/.test(text)) return 'csl';
    if (/"schema"\s*:/.test(first) && /"properties"\s*:/.test(first)) return 'ftm';
    return 'csl';
  }
  if (text.startsWith('[')) return 'csl';
  const header = text.slice(0, text.indexOf('\n') < 0 ? undefined : text.indexOf('\n'));
  if (/(^|,)"?schema"?(,|$)/.test(header) && /(^|,)"?identifiers"?(,|$)/.test(header)) return 'opensanctions-csv';
  return 'csl';
}

/**
 * Parses a restricted-party list in any supported format (detected, or given) into entries of one shape, each with
 * its source, programmes, listing date, identifiers and addresses. Malformed input throws `HrddError` naming the
 * line, record or element and the field.
 */
export function parseScreeningList(input: string, options: ParseListOptions = {}): ListEntry[] {
  const text = input.replace(/^\uFEFF/, '');
  const format = options.format ?? detectListFormat(text);
  const source = options.source;
  switch (format) {
    case 'csl':
      return source ? parseCsl(text).map((e) => ({ ...e, source })) : parseCsl(text);
    case 'ftm':
      return parseFtm(text, source);
    case 'opensanctions-csv':
      return parseOpenSanctionsCsv(text, source);
    case 'eu-fsf':
      return parseEuFsf(text, source);
    case 'un-sc':
      return parseUnConsolidated(text, source);
    case 'uk':
      return parseUkSanctionsList(text, source);
  }
}

/** Identity of a list for provenance: a name, the entry count as version, and the canonical hash of its entries. */
export function listIdentity(
  name: string,
  entries: readonly ListEntry[],
): { id: string; version: string; hash: string } {
  return { id: name, version: `${entries.length} entries`, hash: canonicalHash(entries) };
}
