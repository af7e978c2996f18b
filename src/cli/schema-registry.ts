import { modelSchemas } from '../model/index.js';

/**
 * Every JSON Schema `hrdd schema <name>` can print and `schemas/` stores, by name.
 * Each folder that owns a format adds its entry here.
 */
export const schemaRegistry: Record<string, () => Record<string, unknown>> = {
  ...modelSchemas,
};

export function schemaNames(): string[] {
  return Object.keys(schemaRegistry).sort();
}
