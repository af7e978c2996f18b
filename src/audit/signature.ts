import { z } from 'zod';
import { canonicalHash } from '../digest/index.js';
import { HrddError } from '../errors.js';
import { parseWith } from '../model/index.js';

/**
 * Ed25519 signatures through Web Crypto (`globalThis.crypto.subtle`: browsers, Node 20+, edge runtimes), with keys
 * the user supplies as PEM (PKCS #8 private, SPKI public). Each message starts with its purpose, so a checkpoint
 * signature can never pass as a record signature or the other way round.
 */
const ED25519 = { name: 'Ed25519' } as const;

const Base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'expected base64');
const Base64Url = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'expected an Ed25519 public key, base64url');
const Hash = z.string().regex(/^sha256:[0-9a-f]{64}$/);

/** A signed checkpoint of a decision log: entry `seq` had hash `hash`, attested by the holder of `keyId`. */
export const CheckpointSchema = z
  .strictObject({
    seq: z.number().int().nonnegative(),
    hash: Hash,
    keyId: Base64Url.describe('The Ed25519 public key that signed, base64url (as in a JWK "x").'),
    signature: Base64,
  })
  .meta({ id: 'Checkpoint', description: 'A signed `seq:hash` of a decision log.' });
export type Checkpoint = z.infer<typeof CheckpointSchema>;

/** A detached signature of one assessment record (its canonical hash), for evidence given outside the company. */
export const RecordSignatureSchema = z
  .strictObject({ kind: z.literal('hrdd-record-signature'), hash: Hash, keyId: Base64Url, signature: Base64 })
  .meta({ id: 'RecordSignature' });
export type RecordSignature = z.infer<typeof RecordSignatureSchema>;

/** The bytes a checkpoint signs: `hrdd decision-log checkpoint\n<seq>:<hash>`. */
export const checkpointMessage = (seq: number, hash: string) => `hrdd decision-log checkpoint\n${seq}:${hash}`;
/** The bytes a record signature signs: `hrdd assessment record\n<canonical hash of the record>`. */
export const recordMessage = (hash: string) => `hrdd assessment record\n${hash}`;

function subtle() {
  const s = globalThis.crypto?.subtle;
  if (!s)
    throw new HrddError('Web Crypto is not available in this runtime', [{ path: 'key', message: 'no crypto.subtle' }]);
  return s;
}

function pemBytes(pem: string, label: 'PRIVATE KEY' | 'PUBLIC KEY'): Uint8Array {
  const match = new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]+)-----END ${label}-----`).exec(pem);
  if (!match)
    throw new HrddError('not a key', [
      {
        path: 'key',
        message: `expected a PEM "${label}" (${label === 'PRIVATE KEY' ? 'PKCS #8' : 'SPKI'}) Ed25519 key`,
      },
    ]);
  return Uint8Array.from(atob(match[1]!.replace(/\s+/g, '')), (c) => c.charCodeAt(0));
}

const toBase64 = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const encode = (text: string) => new TextEncoder().encode(text);

async function importKey(pem: string, kind: 'private' | 'public') {
  const der = pemBytes(pem, kind === 'private' ? 'PRIVATE KEY' : 'PUBLIC KEY');
  try {
    return await subtle().importKey(kind === 'private' ? 'pkcs8' : 'spki', der, ED25519, true, [
      kind === 'private' ? 'sign' : 'verify',
    ]);
  } catch {
    throw new HrddError('not an Ed25519 key', [{ path: 'key', message: `the ${kind} key is not an Ed25519 key` }]);
  }
}

/** The id of a key: its Ed25519 public key, base64url (the JWK "x"); a private key's JWK carries it too. */
async function keyIdOf(key: Awaited<ReturnType<typeof importKey>>): Promise<string> {
  const jwk = await subtle().exportKey('jwk', key);
  return jwk.x!;
}

async function sign(message: string, privateKeyPem: string): Promise<{ keyId: string; signature: string }> {
  const key = await importKey(privateKeyPem, 'private');
  const signature = await subtle().sign(ED25519, key, encode(message));
  return { keyId: await keyIdOf(key), signature: toBase64(signature) };
}

async function verify(message: string, keyId: string, signature: string, publicKeyPem: string): Promise<string[]> {
  const key = await importKey(publicKeyPem, 'public');
  if ((await keyIdOf(key)) !== keyId) return [`signed with another key (${keyId})`];
  const ok = await subtle().verify(ED25519, key, fromBase64(signature), encode(message));
  return ok ? [] : ['the signature does not match'];
}

/** Signs `seq:hash` of a decision-log entry (usually the head) with a PEM private key. */
export async function signCheckpoint(head: { seq: number; hash: string }, privateKeyPem: string): Promise<Checkpoint> {
  const { keyId, signature } = await sign(checkpointMessage(head.seq, head.hash), privateKeyPem);
  return { seq: head.seq, hash: head.hash, keyId, signature };
}

/** Problems with a checkpoint's signature under a PEM public key (none: it is genuine). */
export async function verifyCheckpoint(checkpoint: unknown, publicKeyPem: string): Promise<string[]> {
  const cp = parseWith(CheckpointSchema, checkpoint, 'checkpoint');
  return verify(checkpointMessage(cp.seq, cp.hash), cp.keyId, cp.signature, publicKeyPem);
}

/** Signs an assessment record (its canonical hash) with a PEM private key: a detached signature. */
export async function signRecord(record: unknown, privateKeyPem: string): Promise<RecordSignature> {
  const hash = canonicalHash(record);
  const { keyId, signature } = await sign(recordMessage(hash), privateKeyPem);
  return { kind: 'hrdd-record-signature', hash, keyId, signature };
}

/** Problems with a record's detached signature under a PEM public key (none: the record is as signed). */
export async function verifyRecordSignature(
  record: unknown,
  signature: unknown,
  publicKeyPem: string,
): Promise<string[]> {
  const sig = parseWith(RecordSignatureSchema, signature, 'record signature');
  if (canonicalHash(record) !== sig.hash) return ['the record is not the one signed (its hash differs)'];
  return verify(recordMessage(sig.hash), sig.keyId, sig.signature, publicKeyPem);
}
