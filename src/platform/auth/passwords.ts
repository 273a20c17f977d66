import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors.js';

/**
 * Passwords are hashed with scrypt (memory-hard: N = 2^15 × r = 8 takes 32 MiB per hash), a random
 * 16-byte salt per password, and a 64-byte key. The parameters travel with the hash, in the PHC
 * string format, so they can be raised later: `needsRehash` says when a stored hash is weaker than
 * today's parameters, and sign-in then stores a new one.
 *
 *   $scrypt$ln=15,r=8,p=1$<salt, base64 without padding>$<key, base64 without padding>
 */
export interface ScryptParams {
  /** log2 of N, the CPU/memory cost. */
  ln: number;
  r: number;
  p: number;
}

export const PASSWORD_PARAMS: ScryptParams = { ln: 15, r: 8, p: 1 };
const KEY_BYTES = 64;
const SALT_BYTES = 16;
export const MIN_PASSWORD_LENGTH = 12;
/** Longer passwords are refused: hashing any length costs the same, but parsing a huge body does not. */
export const MAX_PASSWORD_LENGTH = 1024;
const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

function derive(password: string, salt: Buffer, params: ScryptParams, length: number): Promise<Buffer> {
  const N = 2 ** params.ln;
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 256 * N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');

export async function hashPassword(
  password: string,
  params: ScryptParams = PASSWORD_PARAMS,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params, KEY_BYTES);
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${b64(salt)}$${b64(key)}`;
}

function parse(hash: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
  const m = FORMAT.exec(hash);
  if (!m) return null;
  const params = { ln: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  // Refuse parameters no one chose (a damaged row must not make the server allocate gigabytes).
  if (params.ln < 10 || params.ln > 22 || params.r < 1 || params.r > 32 || params.p < 1 || params.p > 16) {
    return null;
  }
  return { params, salt: Buffer.from(m[4], 'base64'), key: Buffer.from(m[5], 'base64') };
}

/** True when the password matches the stored hash; the comparison takes constant time. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const parsed = parse(hash);
  if (!parsed || parsed.key.length < 32) return false;
  const key = await derive(password, parsed.salt, parsed.params, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

/** True when the hash was made with weaker parameters than today's (or cannot be read). */
export function needsRehash(hash: string, params: ScryptParams = PASSWORD_PARAMS): boolean {
  const parsed = parse(hash);
  if (!parsed) return true;
  return (
    parsed.params.ln < params.ln ||
    parsed.params.r < params.r ||
    parsed.params.p < params.p ||
    parsed.key.length < KEY_BYTES
  );
}

/**
 * Spends the time of one verification without an account, so that a wrong e-mail address takes
 * as long to refuse as a wrong password (no account enumeration by timing).
 */
let dummyHash: Promise<string> | undefined;
export async function verifyNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword('overstap: no such account');
  await verifyPassword(password, await dummyHash);
  return false;
}

/** The password rules: at least 12 characters, at most 1024, and not the e-mail address. */
export function assertPasswordAcceptable(password: string, email: string): void {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    throw new AppError('PASSWORD_TOO_WEAK', { reason: 'too-short', minLength: MIN_PASSWORD_LENGTH });
  }
  if (length > MAX_PASSWORD_LENGTH) {
    throw new AppError('PASSWORD_TOO_WEAK', { reason: 'too-long', maxLength: MAX_PASSWORD_LENGTH });
  }
  const p = password.trim().toLowerCase();
  const e = email.trim().toLowerCase();
  if (p === e || p === e.split('@')[0]) {
    throw new AppError('PASSWORD_TOO_WEAK', { reason: 'is-email', minLength: MIN_PASSWORD_LENGTH });
  }
}
