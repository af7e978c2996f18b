/**
 * Destination regions for public reporting: the UN M49 geographic regions and sub-regions (UN Statistics
 * Division, "Standard country or area codes for statistical use"). Coarse enough that a published count does not
 * name a customer; fine enough to show where surveillance technology goes.
 */
const M49: Record<string, string> = {
  'Northern Africa': 'DZ EG LY MA SD TN EH',
  'Sub-Saharan Africa':
    'IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW AO CM CF TD CG CD GQ GA ST BW SZ LS NA ZA BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG',
  'Latin America and the Caribbean':
    'AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI BZ CR SV GT HN MX NI PA AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE',
  'Northern America': 'BM CA GL PM US',
  'Central Asia': 'KZ KG TJ TM UZ',
  'Eastern Asia': 'CN HK MO KP JP MN KR TW',
  'South-eastern Asia': 'BN KH ID LA MY MM PH SG TH TL VN',
  'Southern Asia': 'AF BD BT IN IR MV NP PK LK',
  'Western Asia': 'AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE',
  'Eastern Europe': 'BY BG CZ HU PL MD RO RU SK UA',
  'Northern Europe': 'AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB',
  'Southern Europe': 'AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES XK',
  'Western Europe': 'AT BE FR DE LI LU MC NL CH',
  Oceania: 'AU CX CC HM NZ NF FJ NC PG SB VU GU KI MH FM NR MP PW AS CK PF NU PN WS TK TO TV UM WF',
  Antarctica: 'AQ',
};

const byCountry = new Map<string, string>();
for (const [region, codes] of Object.entries(M49)) for (const code of codes.split(' ')) byCountry.set(code, region);

/** The M49 region of an ISO 3166-1 alpha-2 code (`Unknown region` for a code not in the table). */
export function regionOf(country: string): string {
  return byCountry.get(country) ?? 'Unknown region';
}

export const REGIONS: readonly string[] = Object.keys(M49);
