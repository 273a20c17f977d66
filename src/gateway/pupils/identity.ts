import { isValidBsn, isValidOnderwijsnummer } from '../../standard/index.js';

/**
 * Who a pupil is, as the gateway keeps it: always encrypted at rest (a keyring record bound to its
 * row), never in a log, an audit entry or a job payload.
 */
export interface PupilIdentity {
  bsn?: string;
  onderwijsnummer?: string;
  /** Only for the pupil of an SWV dossier (which has no BSN): the school's own pupil id. */
  leerlingid?: string;
  achternaam: string;
  voorvoegsel?: string;
  roepnaam?: string;
  /** YYYY-MM-DD */
  geboortedatum: string;
}

export const BRIN_PATTERN = /^[0-9]{2}[A-Z]{2}$/;
export const VESTIGING_PATTERN = /^[0-9]{2}$/;

export function isBrin(value: string): boolean {
  return BRIN_PATTERN.test(value);
}

export { isValidBsn, isValidOnderwijsnummer };

/** Whether a text is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

/** A surname reduced for comparison: no accents, no case, letters and digits only. */
export function comparableName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Whether the surname a requesting school sent is this pupil's: equal up to accents, case, spaces
 * and punctuation, with or without the voorvoegsel ("de Vries" and "Vries" both match Vries, de).
 */
export function surnameMatches(
  given: string,
  pupil: Pick<PupilIdentity, 'achternaam' | 'voorvoegsel'>,
): boolean {
  const g = comparableName(given);
  if (g === '') return false;
  const own = comparableName(pupil.achternaam);
  if (g === own) return true;
  return pupil.voorvoegsel !== undefined && g === comparableName(`${pupil.voorvoegsel} ${pupil.achternaam}`);
}

export function encodeIdentity(identity: PupilIdentity): Buffer {
  return Buffer.from(JSON.stringify(identity), 'utf8');
}

export function decodeIdentity(bytes: Uint8Array): PupilIdentity {
  return JSON.parse(Buffer.from(bytes).toString('utf8')) as PupilIdentity;
}
