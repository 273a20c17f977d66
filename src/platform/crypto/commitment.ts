import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors.js';
import type { PupilIdentifiers, SwvKey } from '../protocol.js';

/**
 * The commitment of a session (DESIGN.md §4, step 2): what the traffic center holds instead of a
 * pupil's identity. base64url(SHA-256) over a canonical encoding of
 *
 *   'overstap/commitment/v1', salt, 'bsn:<bsn>' or 'onr:<onderwijsnummer>', geboortedatum,
 *   achternaam (NFC, trimmed, lower-case)
 *
 * each field as a 4-byte big-endian length followed by its UTF-8 bytes, so that no two different
 * sets of identifiers encode alike. The BSN counts when present, otherwise the onderwijsnummer.
 * The salt (random, sealed to the source along with the identifiers) keeps the hash from being
 * reversed by trying all birth dates and BSNs.
 */
const TAG = 'overstap/commitment/v1';
const SWV_TAG = 'overstap/commitment/swv/v1';
const SALT_BYTES = 16;

/** A new random salt, base64url (16 bytes). */
export function newSalt(): string {
  return randomBytes(SALT_BYTES).toString('base64url');
}

export function commitment(ids: PupilIdentifiers): string {
  return digest(ids).toString('base64url');
}

/** Whether `ids` (as unsealed by the source) match the session's commitment; constant time. */
export function commitmentMatches(ids: PupilIdentifiers, expected: string): boolean {
  let actual: Buffer;
  try {
    actual = digest(ids);
  } catch {
    return false;
  }
  const given = Buffer.from(expected, 'base64url');
  return given.length === actual.length && timingSafeEqual(given, actual);
}

/** The surname as the commitment sees it: Unicode NFC, no surrounding white space, lower case. */
export function normalizeAchternaam(achternaam: string): string {
  return achternaam.normalize('NFC').trim().toLowerCase();
}

function digest(ids: PupilIdentifiers): Buffer {
  const invalid = (field: string) => new AppError('VALIDATION_FAILED', { field, reason: 'commitment' });
  if (typeof ids.salt !== 'string' || !/^[A-Za-z0-9_-]{22,}$/.test(ids.salt)) throw invalid('salt');
  const bsn = ids.bsn?.trim();
  const onr = ids.onderwijsnummer?.trim();
  const number = bsn ? `bsn:${bsn}` : onr ? `onr:${onr}` : undefined;
  if (!number) throw invalid('bsn');
  if (typeof ids.geboortedatum !== 'string' || ids.geboortedatum.trim() === '')
    throw invalid('geboortedatum');
  if (typeof ids.achternaam !== 'string' || normalizeAchternaam(ids.achternaam) === '')
    throw invalid('achternaam');
  return hashFields([TAG, ids.salt, number, ids.geboortedatum.trim(), normalizeAchternaam(ids.achternaam)]);
}

/**
 * The commitment of an swv session: the same encoding over 'overstap/commitment/swv/v1', the salt
 * and the koppelsleutel (upper case, without spaces or dashes), so that it never equals the
 * commitment of a pupil's identifiers.
 */
export function koppelsleutelCommitment(key: SwvKey): string {
  return swvDigest(key).toString('base64url');
}

/** Whether an unsealed koppelsleutel matches the session's commitment; constant time. */
export function koppelsleutelCommitmentMatches(key: SwvKey, expected: string): boolean {
  let actual: Buffer;
  try {
    actual = swvDigest(key);
  } catch {
    return false;
  }
  const given = Buffer.from(expected, 'base64url');
  return given.length === actual.length && timingSafeEqual(given, actual);
}

function swvDigest(key: SwvKey): Buffer {
  const invalid = (field: string) => new AppError('VALIDATION_FAILED', { field, reason: 'commitment' });
  if (typeof key.salt !== 'string' || !/^[A-Za-z0-9_-]{22,}$/.test(key.salt)) throw invalid('salt');
  const koppelsleutel = typeof key.koppelsleutel === 'string' ? key.koppelsleutel.replace(/[\s-]/g, '') : '';
  if (koppelsleutel === '') throw invalid('koppelsleutel');
  return hashFields([SWV_TAG, key.salt, koppelsleutel.toUpperCase()]);
}

/** SHA-256 over the fields, each as a 4-byte big-endian length followed by its UTF-8 bytes. */
function hashFields(fields: readonly string[]): Buffer {
  const hash = createHash('sha256');
  for (const field of fields) {
    const bytes = Buffer.from(field, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    hash.update(length).update(bytes);
  }
  return hash.digest();
}
