import { canonicalJson, canonicalText, orderedJson } from './canonical-json.js';
import { sha256Hex } from './sha256.js';

export { canonicalJson, canonicalText, orderedJson, sha256Hex };

/** `sha256:<hex>` of the RFC 8785 canonical form of `value`: equal for equal JSON, whatever its key order. */
export function canonicalHash(value: unknown): string {
  return `sha256:${sha256Hex(canonicalJson(value))}`;
}
