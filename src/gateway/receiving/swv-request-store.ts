import type { Queryable } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import type { ResultCode } from '../../platform/protocol.js';
import type { Message } from '../../standard/index.js';
import { assertTransition, type RegistrationState } from './lifecycle.js';
import { RESULT_EXPLANATIONS } from './result-explanations.js';

/**
 * A samenwerkingsverband's requests for SWV dossiers (gw.swv_requests) and the dossiers received
 * for them. The koppelsleutel and the dossiers are keyring records bound to their row; the request
 * follows the registration's lifecycle (same states, same transition table and trigger).
 */
export interface SwvRequestRow {
  id: string;
  school_brin: string;
  source_brin: string;
  koppelsleutel_enc: Uint8Array;
  state: RegistrationState;
  revision: number;
  last_result: ResultCode | null;
  last_result_at: Date | null;
  requested_at: Date | null;
}

export const swvKoppelsleutelAad = (id: string) => `gw.swv_requests:${id}`;
export const swvReceivedAad = (id: string) => `gw.swv_received_dossiers:${id}`;
export const swvReceivedFindingsAad = (id: string) => `gw.swv_received_dossiers.findings:${id}`;

export const SWV_REQUEST_COLUMNS =
  'id, school_brin, source_brin, koppelsleutel_enc, state, revision, last_result, last_result_at, requested_at';

/** An SWV request of a school, or SWV_REQUEST_NOT_FOUND (also when it is another school's). */
export async function loadSwvRequest(db: Queryable, schoolBrin: string, id: string): Promise<SwvRequestRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('SWV_REQUEST_NOT_FOUND', { swvRequestId: id });
  const { rows } = await db.query<SwvRequestRow>(
    `SELECT ${SWV_REQUEST_COLUMNS} FROM gw.swv_requests WHERE id = $1 AND school_brin = $2`,
    [id, schoolBrin],
  );
  if (!rows[0]) throw new AppError('SWV_REQUEST_NOT_FOUND', { swvRequestId: id });
  return rows[0];
}

/**
 * Moves an SWV request if nobody changed it since it was read (compare-and-set; CONFLICT otherwise).
 * `requestedBy`: the gateway instance that holds it while 'aangevraagd' (none: held by no instance;
 * any other state lets go of it, also in the database).
 */
export async function moveSwvRequest(
  db: Queryable,
  row: Pick<SwvRequestRow, 'id' | 'state' | 'revision'>,
  to: RegistrationState,
  at: Date,
  set: { lastResult?: ResultCode; requestedAt?: Date; requestedBy?: string } = {},
): Promise<number> {
  assertTransition(row.state, to);
  const { rows } = await db.query<{ revision: number }>(
    `UPDATE gw.swv_requests
        SET state = $3, revision = revision + 1, updated_at = $4,
            last_result = coalesce($5, last_result),
            last_result_at = CASE WHEN $5::text IS NULL THEN last_result_at ELSE $4 END,
            requested_at = coalesce($6, requested_at),
            requested_by = $7
      WHERE id = $1 AND revision = $2 RETURNING revision`,
    [row.id, row.revision, to, at, set.lastResult ?? null, set.requestedAt ?? null, set.requestedBy ?? null],
  );
  if (!rows[0]) throw new AppError('CONFLICT', { swvRequestId: row.id, reason: 'changed-meanwhile' });
  return rows[0].revision;
}

/**
 * What a result means for a samenwerkingsverband that asked by koppelsleutel, where that differs
 * from a school's request by BSN (RESULT_EXPLANATIONS); nl/en.
 */
export const SWV_RESULT_EXPLANATIONS: Readonly<Record<ResultCode, Message>> = {
  ...RESULT_EXPLANATIONS,
  LeerlingNietGevonden: {
    nl: 'De school kent deze koppelsleutel niet. Controleer de sleutel en de BRIN-code van de school, en vraag de school zo nodig om een nieuwe sleutel.',
    en: 'The school does not know this koppelsleutel. Check the key and the school’s BRIN code, and ask the school for a new key if needed.',
  },
  NietKlaargezet: {
    nl: 'Het dossier staat (nu) niet voor uw samenwerkingsverband klaar. Vraag het later opnieuw op met dezelfde koppelsleutel, of neem contact op met de school.',
    en: 'The dossier is not (now) set ready for your samenwerkingsverband. Request it again later with the same koppelsleutel, or contact the school.',
  },
  DossierVerlopen: {
    nl: 'Het klaargezette dossier is verlopen (zomerwissel). Vraag de school het opnieuw klaar te zetten en vraag het daarna opnieuw op.',
    en: 'The dossier that was set ready has expired (summer switch). Ask the school to set it ready again, then request it again.',
  },
  GeenRelatieMetDoel: {
    nl: 'De school heeft geen aanleverpunt voor samenwerkingsverbanden, of uw organisatie is bij het verkeerscentrum niet als samenwerkingsverband bekend. Neem contact op met de servicedesk.',
    en: 'The school has no delivery point for samenwerkingsverbanden, or your organisation is not known to the traffic center as a samenwerkingsverband. Contact the service desk.',
  },
};
