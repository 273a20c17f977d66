import type { ServerMessage } from '../../api';

/** The wire shapes of the registrations API (src/gateway/http/schemas.ts), as the pages use them. */

export const REGISTRATION_STATES = [
  'aanmelding',
  'aangevraagd',
  'ontvangen',
  'wacht_op_klaarzetten',
  'niet_gevonden',
  'fout',
  'ingelezen',
  'afgewezen',
] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

export const RESULT_CODES = [
  'OverdrachtGeslaagd',
  'NietGewijzigd',
  'NietKlaargezet',
  'DossierVerlopen',
  'GegevensKomenNietOvereen',
  'LeerlingNietGevonden',
  'SessieAfwijkend',
  'OnbekendAanleverpunt',
  'GeenRelatieMetDoel',
  'SessieReedsAfgemeld',
  'SessieVerlopen',
  'VerstrekkerNietBekend',
  'SchoolNietToegelaten',
  'GeenMandaat',
  'OnbekendeSchool',
  'TeVeelVerzoeken',
  'OngeldigVerzoek',
  'TechnischeFout',
] as const;
export type ResultCode = (typeof RESULT_CODES)[number];

export interface Pupil {
  achternaam: string;
  voorvoegsel?: string;
  roepnaam?: string;
  geboortedatum: string;
}

export interface RegistrationListItem {
  registrationId: string;
  sourceBrin: string;
  sourceSchoolName: string | null;
  preferenceRank: number | null;
  state: RegistrationState;
  pupil: Pupil;
  createdAt: string;
  requestedAt: string | null;
  lastResult: ResultCode | null;
  lastResultAt: string | null;
  explanation: ServerMessage | null;
  received: {
    receivedDossierId: string;
    receivedAt: string;
    versionReadyAt: string | null;
    errorCount: number;
    warningCount: number;
    importedAt: string | null;
  } | null;
}

export type RequestTrigger = 'manual' | 'bulk' | 'notice' | 'retry';

export interface RegistrationDetail extends RegistrationListItem {
  number: { bsn?: string; onderwijsnummer?: string } | null;
  rejectReason: string | null;
  requests: Array<{
    requestId: string;
    trigger: RequestTrigger;
    result: ResultCode;
    explanation: ServerMessage;
    requestedAt: string;
    answeredAt: string;
  }>;
  requestable: boolean;
}

export interface RequestResult {
  registrationId: string;
  requestId: string;
  result: ResultCode;
  state: RegistrationState;
  explanation: ServerMessage;
}

export interface BulkRequestResult {
  requested: number;
  results: RequestResult[];
  byResult: Record<string, number>;
}

/** What the form sends (POST …/registrations, PATCH …/registrations/:id). */
export interface RegistrationBody {
  achternaam: string;
  voorvoegsel?: string;
  roepnaam?: string;
  bsn?: string;
  onderwijsnummer?: string;
  geboortedatum: string;
  sourceBrin: string;
  preferenceRank?: number;
}

/** One problem of a refused CSV file (REGISTRATIONS_CSV_INVALID details.problems). */
export interface CsvProblem {
  line: number | null;
  column: string | null;
  field?: string;
  message: ServerMessage;
}

/** A school of the public list of admitted schools (GET /api/public/schools). */
export interface PublicSchool {
  brin: string;
  vestiging: string;
  name: string;
  sector: string;
  place: string | null;
  region: string | null;
}

/** States in which the page offers "request" (not while a request is on its way). */
export const REQUESTABLE: readonly RegistrationState[] = [
  'aanmelding',
  'wacht_op_klaarzetten',
  'niet_gevonden',
  'fout',
  'ontvangen',
  'ingelezen',
  'afgewezen',
];
/**
 * What "request all open" asks for (request-all-open.ts): new, waiting and failed registrations; not
 * found ones wait for a correction first.
 */
export const OPEN_STATES: readonly RegistrationState[] = ['aanmelding', 'wacht_op_klaarzetten', 'fout'];
/** States in which something is still on its way: the pages poll while one is shown. */
export const WAITING_STATES: readonly RegistrationState[] = ['aangevraagd', 'wacht_op_klaarzetten'];
/** States in which the registration can still be corrected (until a dossier arrived). */
export const CORRECTABLE_STATES: readonly RegistrationState[] = [
  'aanmelding',
  'wacht_op_klaarzetten',
  'niet_gevonden',
  'fout',
];

/** "Sanne de Vries" */
export function pupilName(p: Pupil): string {
  return [p.roepnaam, p.voorvoegsel, p.achternaam].filter(Boolean).join(' ');
}

/** "Vries, Sanne de" — for sorting. */
export function sortName(p: Pupil): string {
  return `${p.achternaam}, ${[p.roepnaam, p.voorvoegsel].filter(Boolean).join(' ')}`;
}
