import { sha256 } from 'js-sha256';

/** Hex SHA-256 of a string's UTF-8 bytes (Node's crypto under Node, portable JavaScript elsewhere). */
export function sha256Hex(text: string): string {
  return sha256(text);
}
