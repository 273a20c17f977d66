import type { Message } from '../standard/index.js';

/**
 * Every error Overstap can give to a user or a peer: a stable code, an HTTP status and a message
 * in Dutch and English. Code throws `new AppError('DOSSIER_NOT_READY', details)`; one handler turns
 * it into `{code, message: {nl, en}, details}`. Add new codes here, nowhere else.
 */
export const ERRORS = {
  // generic
  VALIDATION_FAILED: { status: 400, nl: 'De invoer klopt niet.', en: 'The input is not valid.' },
  UNAUTHENTICATED: {
    status: 401,
    nl: 'U bent niet aangemeld of uw sleutel is ongeldig.',
    en: 'You are not signed in or your key is invalid.',
  },
  FORBIDDEN: {
    status: 403,
    nl: 'U mag dit niet doen voor deze school.',
    en: 'You may not do this for this school.',
  },
  NOT_FOUND: { status: 404, nl: 'Niet gevonden.', en: 'Not found.' },
  CONFLICT: {
    status: 409,
    nl: 'Dit botst met de huidige toestand; probeer het opnieuw.',
    en: 'This conflicts with the current state; try again.',
  },
  RATE_LIMITED: {
    status: 429,
    nl: 'Te veel verzoeken; wacht even en probeer het opnieuw.',
    en: 'Too many requests; wait a moment and try again.',
  },
  INTERNAL: {
    status: 500,
    nl: 'Er ging iets mis in Overstap. De fout is vastgelegd.',
    en: 'Something went wrong in Overstap. The error was logged.',
  },
  // configuration and start-up
  CONFIG_INVALID: { status: 500, nl: 'De configuratie klopt niet.', en: 'The configuration is not valid.' },
  ENCRYPTION_KEY_MISSING: {
    status: 500,
    nl: 'Een versleutelingssleutel die de database gebruikt ontbreekt of is onjuist; Overstap start niet om geen onleesbare gegevens te maken.',
    en: 'An encryption key the database uses is missing or wrong; Overstap does not start, so as not to produce unreadable data.',
  },
  // dossier library
  DOSSIER_INVALID: {
    status: 422,
    nl: 'Het dossier voldoet niet aan de OSO gegevensset 2019.1.',
    en: 'The dossier does not conform to the OSO gegevensset 2019.1.',
  },
  // lifecycle (gateway)
  DOSSIER_NOT_FOUND: {
    status: 404,
    nl: 'Dit dossier bestaat niet (bij deze school).',
    en: 'This dossier does not exist (at this school).',
  },
  TRANSITION_NOT_ALLOWED: {
    status: 409,
    nl: 'Deze stap is in de huidige toestand van het dossier niet mogelijk.',
    en: 'This step is not possible in the dossier’s current state.',
  },
  INSPECTION_REQUIRED: {
    status: 409,
    nl: 'De ouders moeten het dossier eerst hebben ingezien; leg de inzage vast.',
    en: 'The parents must first have inspected the dossier; record the inspection.',
  },
  DOSSIER_HAS_ERRORS: {
    status: 422,
    nl: 'Het dossier bevat fouten; los die eerst op.',
    en: 'The dossier has errors; fix them first.',
  },
  REGISTRATION_INVALID: {
    status: 422,
    nl: 'De aanmelding klopt niet.',
    en: 'The registration is not valid.',
  },
  // chain (traffic center)
  SCHOOL_NOT_ADMITTED: {
    status: 403,
    nl: 'Deze school is niet toegelaten tot de overstapservice.',
    en: 'This school is not admitted to the transfer service.',
  },
  NO_MANDATE: {
    status: 403,
    nl: 'Dit leverancierssysteem heeft geen mandaat voor deze school.',
    en: 'This supplier system has no mandate for this school.',
  },
  UNKNOWN_SUPPLIER: {
    status: 403,
    nl: 'Dit certificaat hoort bij geen bekend leverancierssysteem.',
    en: 'This certificate belongs to no known supplier system.',
  },
} as const satisfies Record<string, { status: number } & Message>;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly messages: Message;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, details: Record<string, unknown> = {}, message?: Message) {
    const e = ERRORS[code];
    super(message?.en ?? e.en);
    this.name = 'AppError';
    this.code = code;
    this.status = e.status;
    this.messages = message ?? { nl: e.nl, en: e.en };
    this.details = details;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** The one shape every error takes on the wire. */
export interface ErrorBody {
  code: string;
  message: Message;
  details: Record<string, unknown>;
}

export function errorBody(e: AppError): ErrorBody {
  return { code: e.code, message: e.messages, details: e.details };
}
