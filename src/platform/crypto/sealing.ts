import { CipherSuite } from '@hpke/core';
import { AppError } from '../errors.js';
import type { SealedBox } from '../protocol.js';
import { NodeAes256Gcm, NodeDhkemX25519HkdfSha256, NodeHkdfSha256 } from './hpke-node.js';

/**
 * End-to-end sealing of chain payloads to a delivery point's public key: HPKE (RFC 9180) in base
 * mode with DHKEM(X25519, HKDF-SHA256), HKDF-SHA256 and AES-256-GCM, through `@hpke/core` (with
 * those primitives on Node's synchronous crypto: `hpke-node.ts`, ADR 0008). `info` says what kind of payload it is (one of SEAL_INFO),
 * `aad` binds it to its exchange (the session id, 'notice', 'registration'): a box opened under
 * another info or aad, with another key, or altered in any byte, throws AppError('SEAL_INVALID').
 */
export const SEAL_INFO = {
  identifiers: 'overstap/v1/identifiers',
  dossier: 'overstap/v1/dossier',
  notice: 'overstap/v1/notice',
  registration: 'overstap/v1/registration',
  koppelsleutel: 'overstap/v1/koppelsleutel',
  feedback: 'overstap/v1/feedback',
} as const;
export type SealInfo = (typeof SEAL_INFO)[keyof typeof SEAL_INFO];

export interface SealContext {
  info: SealInfo;
  aad: string;
}

const suite = new CipherSuite({
  kem: new NodeDhkemX25519HkdfSha256(),
  kdf: new NodeHkdfSha256(),
  aead: new NodeAes256Gcm(),
});
const KEY_BYTES = 32;
const utf8 = new TextEncoder();

/** A new delivery-point key pair: raw X25519 keys, base64url (the private key stays with its gateway). */
export async function generateSealingKeyPair(): Promise<{ publicKey: string; privateKey: string }> {
  const pair = await suite.kem.generateKeyPair();
  return {
    publicKey: toBase64url(await suite.kem.serializePublicKey(pair.publicKey)),
    privateKey: toBase64url(await suite.kem.serializePrivateKey(pair.privateKey)),
  };
}

/** Seals `plaintext` to the holder of `publicKey`. */
export async function seal(
  publicKey: string,
  plaintext: Uint8Array,
  context: SealContext,
): Promise<SealedBox> {
  const recipientPublicKey = await publicKeyOf(publicKey);
  const sealed = await suite.seal(
    { recipientPublicKey, info: utf8.encode(context.info) },
    plaintext,
    utf8.encode(context.aad),
  );
  return { enc: toBase64url(sealed.enc), ct: toBase64url(sealed.ct) };
}

/** Opens a box sealed to `privateKey`'s public key under the same info and aad. */
export async function open(privateKey: string, box: SealedBox, context: SealContext): Promise<Uint8Array> {
  const recipientKey = await privateKeyOf(privateKey);
  const enc = typeof box?.enc === 'string' ? fromBase64url(box.enc) : undefined;
  const ct = typeof box?.ct === 'string' ? fromBase64url(box.ct) : undefined;
  if (enc?.length !== KEY_BYTES || !ct) throw new AppError('SEAL_INVALID', { reason: 'malformed' });
  try {
    const plain = await suite.open(
      { recipientKey, enc, info: utf8.encode(context.info) },
      ct,
      utf8.encode(context.aad),
    );
    return new Uint8Array(plain);
  } catch {
    throw new AppError('SEAL_INVALID', { reason: 'cannot-open' });
  }
}

export async function sealJson(publicKey: string, value: unknown, context: SealContext): Promise<SealedBox> {
  return seal(publicKey, utf8.encode(JSON.stringify(value)), context);
}

export async function openJson<T>(privateKey: string, box: SealedBox, context: SealContext): Promise<T> {
  const plain = await open(privateKey, box, context);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain)) as T;
  } catch {
    throw new AppError('SEAL_INVALID', { reason: 'not-json' });
  }
}

// Deserializing an X25519 private key costs a scalar multiplication; a gateway opens many boxes
// with a handful of delivery-point keys, so keep the last few.
const privateKeys = new Map<string, Promise<CryptoKey>>();
const PRIVATE_KEY_CACHE = 32;
// A public key is imported into OpenSSL on every seal; a node seals to the delivery points of the
// schools it exchanges with, over and over, so keep the last ones (they are public).
const publicKeys = new Map<string, CryptoKey>();
const PUBLIC_KEY_CACHE = 256;

async function publicKeyOf(publicKey: string): Promise<CryptoKey> {
  const known = publicKeys.get(publicKey);
  if (known) return known;
  const raw = fromBase64url(publicKey);
  if (raw?.length !== KEY_BYTES) throw new AppError('SEALING_KEY_INVALID');
  let key: CryptoKey;
  try {
    key = await suite.kem.deserializePublicKey(raw);
  } catch {
    throw new AppError('SEALING_KEY_INVALID');
  }
  if (publicKeys.size >= PUBLIC_KEY_CACHE) publicKeys.delete(publicKeys.keys().next().value as string);
  publicKeys.set(publicKey, key);
  return key;
}

function privateKeyOf(privateKey: string): Promise<CryptoKey> {
  let key = privateKeys.get(privateKey);
  if (!key) {
    const raw = fromBase64url(privateKey);
    if (raw?.length !== KEY_BYTES)
      throw new AppError('CONFIG_INVALID', { reason: 'a sealing private key is 32 bytes, base64url' });
    key = suite.kem.deserializePrivateKey(raw).catch(() => {
      privateKeys.delete(privateKey);
      throw new AppError('CONFIG_INVALID', { reason: 'a sealing private key is not a valid X25519 key' });
    });
    if (privateKeys.size >= PRIVATE_KEY_CACHE) privateKeys.delete(privateKeys.keys().next().value as string);
    privateKeys.set(privateKey, key);
  }
  return key;
}

function toBase64url(bytes: ArrayBuffer | Uint8Array): string {
  // a view on the same memory, not a copy: a sealed dossier is some 100 kB
  return (
    bytes instanceof Uint8Array
      ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      : Buffer.from(bytes)
  ).toString('base64url');
}

/**
 * Strict base64url without padding: undefined when `text` is not. Buffer's decoder alone is lax: it
 * also takes base64's `+`, `/` and `=`, and skips any other character it does not know. Skipping
 * shortens the result: for a length that is not 1 modulo 4 (which no encoding has), n characters
 * give ⌊3n/4⌋ bytes only when every one of them counted. So a decode and a length check find what a
 * regular expression over the whole text would, without a second pass over a sealed dossier's 130 kB
 * (about 130 µs there).
 */
export function fromBase64url(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1 || text.includes('+') || text.includes('/') || text.includes('='))
    return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.length === Math.floor((text.length * 3) / 4) ? bytes : undefined;
}
