import { DECISIONS, type Decision } from '../model/index.js';
import { oneOf } from './io.js';

export { type EngineFiles as EngineFlags, engineFromFiles as engineFromFlags } from '../node/engine-files.js';

/** Validates `--fail-on`. */
export function failOnOption(value: string | undefined): Decision | undefined {
  return value === undefined ? undefined : oneOf<Decision>(value, DECISIONS, '--fail-on');
}

export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
