/**
 * A parameter that maps names to lists (`plausibleFeatures`, `describedCapabilityTerms`) as entries sorted by name;
 * anything that is not such a table gives none, and entries whose value is not a list are left out.
 */
export function arrayTable(table: unknown): [name: string, values: readonly unknown[]][] {
  if (typeof table !== 'object' || table === null || Array.isArray(table)) return [];
  return Object.keys(table)
    .sort()
    .flatMap((name) => {
      const values = (table as Record<string, unknown>)[name];
      return Array.isArray(values) ? [[name, values] as [string, readonly unknown[]]] : [];
    });
}
