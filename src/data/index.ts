export * from './country-data.js';
export { type RefInfo, refsRegistry } from './refs.js';
