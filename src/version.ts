import pkg from '../package.json' with { type: 'json' };

/** The package version, recorded in every assessment's provenance. */
export const VERSION: string = pkg.version;
export const ENGINE_NAME = 'hrdd';
