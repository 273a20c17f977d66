import { AppError } from '../../platform/errors.js';
import type { TrafficCenterClient } from '../chain/clients.js';
import {
  isBrin,
  isIsoDate,
  isValidBsn,
  isValidOnderwijsnummer,
  type PupilIdentity,
} from '../pupils/identity.js';

/** What a school enters for a registration. */
export interface RegistrationFields {
  achternaam: string;
  voorvoegsel?: string;
  roepnaam?: string;
  /** Exactly one of bsn and onderwijsnummer. */
  bsn?: string;
  onderwijsnummer?: string;
  /** YYYY-MM-DD */
  geboortedatum: string;
  /** The school the pupil comes from. */
  sourceBrin: string;
  /** Where the region allows several registrations: 1 is the first choice. */
  preferenceRank?: number;
}

/** The source school must be known and admitted: it has a usable delivery point in the traffic center's overview. */
export async function assertAdmittedSource(
  trafficCenter: TrafficCenterClient,
  sourceBrin: string,
  requestId: string,
): Promise<void> {
  const overview = await trafficCenter.deliveryPoints({ brin: sourceBrin, purpose: 'OV' }, requestId);
  if (overview.result !== 'ok' || overview.deliveryPoints.length === 0) {
    throw new AppError('REGISTRATION_INVALID', {
      problems: {
        sourceBrin:
          'not a school admitted to the transfer service (unknown, not admitted, or no delivery point)',
      },
    });
  }
}

/**
 * Checks what a school enters for a registration: a surname, exactly one of BSN (11-check) and
 * onderwijsnummer (its check), a real birth date of a pupil of 2 to 30, a BRIN of the right form and
 * a rank from 1 to 20. REGISTRATION_INVALID names each field in `problems`, never its value.
 */
export function validateRegistration(input: RegistrationFields, now: Date): PupilIdentity {
  const problems: Record<string, string> = {};
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const achternaam = text(input.achternaam);
  if (achternaam === '' || achternaam.length > 200) problems.achternaam = '1 to 200 characters';
  const bsn = text(input.bsn);
  const onr = text(input.onderwijsnummer);
  if (bsn && onr) problems.bsn = 'give a BSN or an onderwijsnummer, not both';
  else if (!bsn && !onr) problems.bsn = 'a BSN or an onderwijsnummer is required';
  else if (bsn && !isValidBsn(bsn)) problems.bsn = 'not a valid BSN (nine digits, 11-check)';
  else if (onr && !isValidOnderwijsnummer(onr)) problems.onderwijsnummer = 'not a valid onderwijsnummer';
  const geboortedatum = text(input.geboortedatum);
  if (!isIsoDate(geboortedatum)) problems.geboortedatum = 'a date YYYY-MM-DD';
  else {
    const age = (now.getTime() - Date.parse(`${geboortedatum}T00:00:00Z`)) / (365.25 * 86_400_000);
    if (age < 2 || age > 30) problems.geboortedatum = 'the pupil must be between 2 and 30 years old';
  }
  if (typeof input.sourceBrin !== 'string' || !isBrin(input.sourceBrin)) {
    problems.sourceBrin = 'four characters: two digits and two capitals (00YY)';
  }
  const rank = input.preferenceRank;
  if (rank !== undefined && !(Number.isInteger(rank) && rank >= 1 && rank <= 20)) {
    problems.preferenceRank = 'a whole number from 1 to 20';
  }
  for (const field of ['voorvoegsel', 'roepnaam'] as const) {
    if (input[field] !== undefined && text(input[field]).length > 100)
      problems[field] = 'at most 100 characters';
  }
  if (Object.keys(problems).length > 0) throw new AppError('REGISTRATION_INVALID', { problems });
  return {
    ...(bsn ? { bsn } : { onderwijsnummer: onr }),
    achternaam,
    ...(text(input.voorvoegsel) ? { voorvoegsel: text(input.voorvoegsel) } : {}),
    ...(text(input.roepnaam) ? { roepnaam: text(input.roepnaam) } : {}),
    geboortedatum,
  };
}
