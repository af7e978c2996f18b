/** json-logic-js's `parseFloat` coercion, skipping the string round trip for ordinary numbers (-0 becomes 0 as there). */
export function num(value: unknown): number {
  return typeof value === 'number' && value !== 0 ? value : Number.parseFloat(value as string);
}
