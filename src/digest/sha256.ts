import { sha256 } from 'js-sha256';

type OneShotHash = (algorithm: string, data: string, outputEncoding: 'hex') => string;

/**
 * Node's one-shot `crypto.hash` (Node ≥ 20.12), found at run time through `process.getBuiltinModule` (Node ≥ 20.16)
 * so the core imports no Node built-in: several times cheaper per call than a hash object. Elsewhere — browsers,
 * edge runtimes, older Node — js-sha256 (Node's `createHash` under Node, portable JavaScript otherwise).
 */
const nodeHash: OneShotHash | undefined = (() => {
  const host = globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } };
  const crypto = host.process?.getBuiltinModule?.('node:crypto') as { hash?: OneShotHash } | undefined;
  return typeof crypto?.hash === 'function' ? crypto.hash : undefined;
})();

/** Hex SHA-256 of a string's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  return nodeHash ? nodeHash('sha256', text, 'hex') : sha256(text);
}
