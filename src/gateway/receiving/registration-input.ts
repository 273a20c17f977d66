import { AppError } from '../../platform/errors.js';
import type { Message } from '../../standard/index.js';
import type { TrafficCenterClient } from '../chain/clients.js';
import { inTestBsnRange } from '../pilot/test-bsn.js';
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

export type RegistrationField = keyof RegistrationFields;

/**
 * One thing wrong with a registration: `problem` is the short English text integrators match on
 * (kept stable), `message` says it to a person, in Dutch and English. Never the value itself.
 */
export interface RegistrationProblem {
  problem: string;
  message: Message;
}

const P = (problem: string, nl: string, en: string): RegistrationProblem => ({
  problem,
  message: { nl, en },
});

/** Every problem a registration can have; the CSV upload reuses them per line. */
export const REGISTRATION_PROBLEMS = {
  achternaam: P(
    '1 to 200 characters',
    'Vul de achternaam in (hoogstens 200 tekens).',
    'Enter the surname (at most 200 characters).',
  ),
  numberBoth: P(
    'give a BSN or an onderwijsnummer, not both',
    'Vul een BSN of een onderwijsnummer in, niet allebei.',
    'Enter a BSN or an education number, not both.',
  ),
  numberMissing: P(
    'a BSN or an onderwijsnummer is required',
    'Vul het BSN in (of, als de leerling dat niet heeft, het onderwijsnummer).',
    'Enter the BSN (or, if the pupil has none, the education number).',
  ),
  bsn: P(
    'not a valid BSN (nine digits, 11-check)',
    'Dit is geen geldig BSN: een BSN heeft negen cijfers en moet de elfproef doorstaan. Controleer het nummer.',
    'This is not a valid BSN: a BSN has nine digits and must pass the 11-check. Check the number.',
  ),
  testBsn: P(
    'a number from the test range 999990000-999999999 belongs to the region’s pilot only',
    'Dit nummer komt uit de testreeks van RvIG (999990000 tot en met 999999999) en hoort bij geen echte leerling. Pilotleerlingen meldt u aan op de pilotpagina van de school.',
    'This number is from the RvIG test range (999990000 to 999999999) and belongs to no real pupil. Register pilot pupils on the school’s pilot page.',
  ),
  onderwijsnummer: P(
    'not a valid onderwijsnummer',
    'Dit is geen geldig onderwijsnummer. Controleer het nummer.',
    'This is not a valid education number. Check the number.',
  ),
  geboortedatum: P(
    'a date YYYY-MM-DD',
    'Vul een bestaande datum in, bijvoorbeeld 17-05-2014.',
    'Enter a real date, for example 17-05-2014.',
  ),
  age: P(
    'the pupil must be between 2 and 30 years old',
    'De leerling moet tussen 2 en 30 jaar oud zijn; controleer de geboortedatum.',
    'The pupil must be between 2 and 30 years old; check the birth date.',
  ),
  sourceBrin: P(
    'four characters: two digits and two capitals (00YY)',
    'Een BRIN-code heeft vier tekens: twee cijfers en twee hoofdletters, bijvoorbeeld 01AA.',
    'A BRIN code has four characters: two digits and two capitals, for example 01AA.',
  ),
  sourceNotAdmitted: P(
    'not a school admitted to the transfer service (unknown, not admitted, or no delivery point)',
    'Deze school is niet bekend of (nog) niet aangesloten op de overstapservice. Controleer de BRIN-code.',
    'This school is unknown or not (yet) connected to the transfer service. Check the BRIN code.',
  ),
  preferenceRank: P(
    'a whole number from 1 to 20',
    'De voorkeur is een heel getal van 1 tot en met 20 (1 is de eerste keus).',
    'The preference is a whole number from 1 to 20 (1 is the first choice).',
  ),
  tooLong: P('at most 100 characters', 'Hoogstens 100 tekens.', 'At most 100 characters.'),
} as const;

/** What a registration's fields add up to: the identity, or the problems per field. */
export type RegistrationCheck =
  | { ok: true; identity: PupilIdentity }
  | { ok: false; problems: Partial<Record<RegistrationField, RegistrationProblem>> };

/**
 * Checks what a school enters for a registration: a surname, exactly one of BSN (11-check) and
 * onderwijsnummer (its check), a real birth date of a pupil of 2 to 30, a BRIN of the right form and
 * a rank from 1 to 20. Names each field that is wrong, never its value.
 */
export function checkRegistration(input: RegistrationFields, now: Date): RegistrationCheck {
  const problems: Partial<Record<RegistrationField, RegistrationProblem>> = {};
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const achternaam = text(input.achternaam);
  if (achternaam === '' || achternaam.length > 200) problems.achternaam = REGISTRATION_PROBLEMS.achternaam;
  const bsn = text(input.bsn);
  const onr = text(input.onderwijsnummer);
  if (bsn && onr) problems.bsn = REGISTRATION_PROBLEMS.numberBoth;
  else if (!bsn && !onr) problems.bsn = REGISTRATION_PROBLEMS.numberMissing;
  else if (bsn && !isValidBsn(bsn)) problems.bsn = REGISTRATION_PROBLEMS.bsn;
  // ADR 0007: the test range is the pilot's (pilot/register-pilot-pupil.ts), never a real registration's
  else if (inTestBsnRange(bsn)) problems.bsn = REGISTRATION_PROBLEMS.testBsn;
  else if (inTestBsnRange(onr)) problems.onderwijsnummer = REGISTRATION_PROBLEMS.testBsn;
  else if (onr && !isValidOnderwijsnummer(onr))
    problems.onderwijsnummer = REGISTRATION_PROBLEMS.onderwijsnummer;
  const geboortedatum = text(input.geboortedatum);
  if (!isIsoDate(geboortedatum)) problems.geboortedatum = REGISTRATION_PROBLEMS.geboortedatum;
  else {
    const age = (now.getTime() - Date.parse(`${geboortedatum}T00:00:00Z`)) / (365.25 * 86_400_000);
    if (age < 2 || age > 30) problems.geboortedatum = REGISTRATION_PROBLEMS.age;
  }
  if (typeof input.sourceBrin !== 'string' || !isBrin(input.sourceBrin)) {
    problems.sourceBrin = REGISTRATION_PROBLEMS.sourceBrin;
  }
  const rank = input.preferenceRank;
  if (rank !== undefined && !(Number.isInteger(rank) && rank >= 1 && rank <= 20)) {
    problems.preferenceRank = REGISTRATION_PROBLEMS.preferenceRank;
  }
  for (const field of ['voorvoegsel', 'roepnaam'] as const) {
    if (input[field] !== undefined && text(input[field]).length > 100)
      problems[field] = REGISTRATION_PROBLEMS.tooLong;
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    identity: {
      ...(bsn ? { bsn } : { onderwijsnummer: onr }),
      achternaam,
      ...(text(input.voorvoegsel) ? { voorvoegsel: text(input.voorvoegsel) } : {}),
      ...(text(input.roepnaam) ? { roepnaam: text(input.roepnaam) } : {}),
      geboortedatum,
    },
  };
}

/**
 * REGISTRATION_INVALID with, per field, `problems` (the stable English text) and `messages`
 * (nl/en, for people).
 */
export function registrationInvalid(
  problems: Partial<Record<RegistrationField, RegistrationProblem>>,
): AppError {
  const entries = Object.entries(problems) as Array<[RegistrationField, RegistrationProblem]>;
  return new AppError('REGISTRATION_INVALID', {
    problems: Object.fromEntries(entries.map(([field, p]) => [field, p.problem])),
    messages: Object.fromEntries(entries.map(([field, p]) => [field, p.message])),
  });
}

/** The identity of a valid registration, or REGISTRATION_INVALID naming each field that is wrong. */
export function validateRegistration(input: RegistrationFields, now: Date): PupilIdentity {
  const checked = checkRegistration(input, now);
  if (!checked.ok) throw registrationInvalid(checked.problems);
  return checked.identity;
}

/** Whether the source school is known and admitted: it has a usable delivery point in the overview. */
export async function isAdmittedSource(
  trafficCenter: TrafficCenterClient,
  sourceBrin: string,
  requestId: string,
): Promise<boolean> {
  const overview = await trafficCenter.deliveryPoints({ brin: sourceBrin, purpose: 'OV' }, requestId);
  return overview.result === 'ok' && overview.deliveryPoints.length > 0;
}

/** The source school must be known and admitted; REGISTRATION_INVALID (sourceBrin) otherwise. */
export async function assertAdmittedSource(
  trafficCenter: TrafficCenterClient,
  sourceBrin: string,
  requestId: string,
): Promise<void> {
  if (!(await isAdmittedSource(trafficCenter, sourceBrin, requestId))) {
    throw registrationInvalid({ sourceBrin: REGISTRATION_PROBLEMS.sourceNotAdmitted });
  }
}
