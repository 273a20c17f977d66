import type { Keyring } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import type { ResultCode } from '../../platform/protocol.js';
import type { Finding } from '../../standard/index.js';
import { decodeIdentity, type PupilIdentity } from '../pupils/identity.js';
import { assertTransition, type RegistrationState } from './lifecycle.js';

/** A registration as stored; the identity stays encrypted until `identityOf`. */
export interface RegistrationRow {
  id: string;
  school_brin: string;
  source_brin: string;
  pupil_key: string;
  identity_enc: Uint8Array;
  preference_rank: number | null;
  state: RegistrationState;
  revision: number;
  last_result: ResultCode | null;
  last_result_at: Date | null;
  requested_at: Date | null;
  created_at: Date;
}

export const registrationAad = (id: string) => `gw.registrations:${id}`;
export const rejectReasonAad = (id: string) => `gw.registrations.reject_reason:${id}`;
export const receivedAad = (id: string) => `gw.received_dossiers:${id}`;
export const receivedFindingsAad = (id: string) => `gw.received_dossiers.findings:${id}`;

const COLUMN_NAMES = [
  'id',
  'school_brin',
  'source_brin',
  'pupil_key',
  'identity_enc',
  'preference_rank',
  'state',
  'revision',
  'last_result',
  'last_result_at',
  'requested_at',
  'created_at',
];
const COLUMNS = COLUMN_NAMES.join(', ');

/** A registration of a school, or REGISTRATION_NOT_FOUND (also when it is another school's). */
export async function loadRegistration(
  db: Queryable,
  schoolBrin: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<RegistrationRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('REGISTRATION_NOT_FOUND', { registrationId: id });
  const { rows } = await db.query<RegistrationRow>(
    `SELECT ${COLUMNS} FROM gw.registrations WHERE id = $1 AND school_brin = $2${options.lock ? ' FOR UPDATE' : ''}`,
    [id, schoolBrin],
  );
  if (!rows[0]) throw new AppError('REGISTRATION_NOT_FOUND', { registrationId: id });
  return rows[0];
}

/** A registration with what its latest received dossier says (nulls when none arrived). */
export interface RegistrationWithLastReceived extends RegistrationRow {
  /** The source's ready time of the version received last: a new request asks "only if changed since". */
  last_version_ready_at: Date | null;
  last_imported_at: Date | null;
  /** The received dossier that is the registration's latest. */
  last_received_id: string | null;
}

/** loadRegistration and the latest received dossier's id and times, in one statement. */
export async function loadRegistrationWithLastReceived(
  db: Queryable,
  schoolBrin: string,
  id: string,
): Promise<RegistrationWithLastReceived> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('REGISTRATION_NOT_FOUND', { registrationId: id });
  const { rows } = await db.query<RegistrationWithLastReceived>(
    `SELECT ${COLUMN_NAMES.map((c) => `r.${c}`).join(', ')},
            last.version_ready_at AS last_version_ready_at, last.imported_at AS last_imported_at,
            last.id AS last_received_id
       FROM gw.registrations r
       LEFT JOIN LATERAL (
         SELECT d.id, d.version_ready_at, d.imported_at FROM gw.received_dossiers d
          WHERE d.registration_id = r.id ORDER BY d.received_at DESC LIMIT 1
       ) last ON true
      WHERE r.id = $1 AND r.school_brin = $2`,
    [id, schoolBrin],
  );
  if (!rows[0]) throw new AppError('REGISTRATION_NOT_FOUND', { registrationId: id });
  return rows[0];
}

/**
 * Claims a registration for a request in one statement: → aangevraagd (revision + 1, requested at and
 * by), unless a request is already in flight since `staleBefore` or later. Answers the claimed row
 * with its latest received dossier's id and times, or undefined when nothing was claimed (unknown,
 * in flight, or changed meanwhile: `loadRegistrationWithLastReceived` tells which). Every state may
 * go to aangevraagd (lifecycle.ts); the database trigger checks it once more.
 */
export async function claimForRequest(
  db: Queryable,
  schoolBrin: string,
  id: string,
  claim: { at: Date; staleBefore: Date; requestedBy?: string },
): Promise<RegistrationWithLastReceived | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('REGISTRATION_NOT_FOUND', { registrationId: id });
  const last = (column: string) =>
    `(SELECT d.${column} FROM gw.received_dossiers d WHERE d.registration_id = r.id
       ORDER BY d.received_at DESC LIMIT 1)`;
  const { rows } = await db.query<RegistrationWithLastReceived>(
    `UPDATE gw.registrations r
        SET state = 'aangevraagd', revision = r.revision + 1, updated_at = $3, requested_at = $3,
            requested_by = $4
      WHERE r.id = $1 AND r.school_brin = $2
        AND (r.state <> 'aangevraagd' OR r.requested_at IS NULL OR r.requested_at < $5)
      RETURNING ${COLUMN_NAMES.map((c) => `r.${c}`).join(', ')},
                ${last('version_ready_at')} AS last_version_ready_at, ${last('imported_at')} AS last_imported_at,
                ${last('id')} AS last_received_id`,
    [id, schoolBrin, claim.at, claim.requestedBy ?? null, claim.staleBefore],
  );
  return rows[0];
}

export function identityOf(
  keyring: Keyring,
  row: Pick<RegistrationRow, 'id' | 'identity_enc'>,
): PupilIdentity {
  return decodeIdentity(keyring.decrypt(row.identity_enc, registrationAad(row.id)));
}

/**
 * Moves a registration to `to` if nobody changed it since it was read (compare-and-set on the
 * revision; CONFLICT otherwise). The database trigger checks the transition once more.
 */
export async function moveRegistration(
  db: Queryable,
  row: Pick<RegistrationRow, 'id' | 'state' | 'revision'>,
  to: RegistrationState,
  at: Date,
  set: RegistrationMoveFields = {},
): Promise<number> {
  const move = registrationMove(row, to, at, set, 1);
  const { rows } = await db.query<{ revision: number }>(move.sql, move.params);
  if (!rows[0]) throw new AppError('CONFLICT', { registrationId: row.id, reason: 'changed-meanwhile' });
  return rows[0].revision;
}

export interface RegistrationMoveFields {
  lastResult?: ResultCode;
  requestedAt?: Date;
  requestedBy?: string;
}

/**
 * `moveRegistration`'s compare-and-set as SQL (`UPDATE … RETURNING id, revision`, parameters from
 * `firstParam`), for a statement that stores more in the same step: make the other changes select
 * FROM it, so that none of them happens when the registration changed meanwhile.
 */
export function registrationMove(
  row: Pick<RegistrationRow, 'id' | 'state' | 'revision'>,
  to: RegistrationState,
  at: Date,
  set: RegistrationMoveFields,
  firstParam: number,
): { sql: string; params: unknown[] } {
  assertTransition(row.state, to);
  const $ = (i: number) => `$${firstParam + i - 1}`;
  return {
    sql: `UPDATE gw.registrations
        SET state = ${$(3)}, revision = revision + 1, updated_at = ${$(4)},
            last_result = coalesce(${$(5)}, last_result),
            last_result_at = CASE WHEN ${$(5)}::text IS NULL THEN last_result_at ELSE ${$(4)} END,
            requested_at = coalesce(${$(6)}, requested_at),
            requested_by = ${$(7)}
      WHERE id = ${$(1)} AND revision = ${$(2)} RETURNING id, revision`,
    params: [
      row.id,
      row.revision,
      to,
      at,
      set.lastResult ?? null,
      set.requestedAt ?? null,
      set.requestedBy ?? null,
    ],
  };
}

/** The latest dossier received for a registration, decrypted. */
export interface ReceivedDossierRow {
  id: string;
  source_brin: string;
  xml: Buffer;
  findings: Finding[];
  received_at: Date;
  version_ready_at: Date | null;
  imported_at: Date | null;
}

/** The latest received dossier of a registration, or RECEIVED_DOSSIER_NOT_FOUND. */
export async function loadLatestReceived(
  db: Queryable,
  keyring: Keyring,
  registrationId: string,
): Promise<ReceivedDossierRow> {
  const { rows } = await db.query<{
    id: string;
    source_brin: string;
    xml_enc: Uint8Array;
    findings_enc: Uint8Array;
    received_at: Date;
    version_ready_at: Date | null;
    imported_at: Date | null;
  }>(
    `SELECT id, source_brin, xml_enc, findings_enc, received_at, version_ready_at, imported_at
       FROM gw.received_dossiers WHERE registration_id = $1 ORDER BY received_at DESC LIMIT 1`,
    [registrationId],
  );
  const row = rows[0];
  if (!row) throw new AppError('RECEIVED_DOSSIER_NOT_FOUND', { registrationId });
  return {
    id: row.id,
    source_brin: row.source_brin,
    xml: Buffer.from(keyring.decrypt(row.xml_enc, receivedAad(row.id))),
    findings: JSON.parse(
      Buffer.from(keyring.decrypt(row.findings_enc, receivedFindingsAad(row.id))).toString('utf8'),
    ) as Finding[],
    received_at: row.received_at,
    version_ready_at: row.version_ready_at,
    imported_at: row.imported_at,
  };
}
