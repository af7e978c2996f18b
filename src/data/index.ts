export * from './country-data.js';
export { type RefInfo, refsRegistry } from './refs.js';
export {
  defaultSanctionedRegions,
  parseSanctionedRegions,
  type SanctionedRegion,
  type SanctionedRegions,
  SanctionedRegionsSchema,
} from './sanctioned-regions.js';
