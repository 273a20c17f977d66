import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx, type Keyring } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { ResultCode } from '../../platform/protocol.js';
import type { Message } from '../../standard/index.js';
import { REGISTRATION_STATES, type RegistrationState } from './lifecycle.js';
import { identityOf, type RegistrationRow } from './registration-store.js';
import { RESULT_EXPLANATIONS } from './result-explanations.js';

export interface RegistrationListItem {
  registrationId: string;
  sourceBrin: string;
  /** The source school's name where this gateway knows it (it hosts the school too), else null. */
  sourceSchoolName: string | null;
  preferenceRank: number | null;
  state: RegistrationState;
  pupil: { achternaam: string; voorvoegsel?: string; roepnaam?: string; geboortedatum: string };
  createdAt: string;
  requestedAt: string | null;
  lastResult: ResultCode | null;
  lastResultAt: string | null;
  explanation: Message | null;
  received: {
    receivedDossierId: string;
    receivedAt: string;
    versionReadyAt: string | null;
    errorCount: number;
    warningCount: number;
    importedAt: string | null;
  } | null;
}

export type RegistrationListRow = RegistrationRow & {
  reject_reason_enc: Uint8Array | null;
  source_name: string | null;
  received_id: string | null;
  received_at: Date | null;
  version_ready_at: Date | null;
  error_count: number | null;
  warning_count: number | null;
  imported_at: Date | null;
};

/** The query behind a list item: the registration, the source school's name, the latest received dossier. */
export const REGISTRATION_LIST_SQL = `
  SELECT r.id, r.school_brin, r.source_brin, r.pupil_key, r.identity_enc, r.preference_rank, r.state, r.revision,
         r.last_result, r.last_result_at, r.requested_at, r.created_at, r.reject_reason_enc, s.name AS source_name,
         x.id AS received_id, x.received_at, x.version_ready_at, x.error_count, x.warning_count, x.imported_at
    FROM gw.registrations r
    LEFT JOIN gw.schools s ON s.brin = r.source_brin
    LEFT JOIN LATERAL (
      SELECT id, received_at, version_ready_at, error_count, warning_count, imported_at
        FROM gw.received_dossiers WHERE registration_id = r.id ORDER BY received_at DESC LIMIT 1
    ) x ON true`;

/** A list row as the API gives it (the identity decrypted; no BSN or onderwijsnummer). */
export function listItemOf(keyring: Keyring, r: RegistrationListRow): RegistrationListItem {
  const who = identityOf(keyring, r);
  return {
    registrationId: r.id,
    sourceBrin: r.source_brin,
    sourceSchoolName: r.source_name,
    preferenceRank: r.preference_rank,
    state: r.state,
    pupil: {
      achternaam: who.achternaam,
      ...(who.voorvoegsel ? { voorvoegsel: who.voorvoegsel } : {}),
      ...(who.roepnaam ? { roepnaam: who.roepnaam } : {}),
      geboortedatum: who.geboortedatum,
    },
    createdAt: r.created_at.toISOString(),
    requestedAt: r.requested_at?.toISOString() ?? null,
    lastResult: r.last_result,
    lastResultAt: r.last_result_at?.toISOString() ?? null,
    explanation: r.last_result ? RESULT_EXPLANATIONS[r.last_result] : null,
    received:
      r.received_id && r.received_at
        ? {
            receivedDossierId: r.received_id,
            receivedAt: r.received_at.toISOString(),
            versionReadyAt: r.version_ready_at?.toISOString() ?? null,
            errorCount: r.error_count ?? 0,
            warningCount: r.warning_count ?? 0,
            importedAt: r.imported_at?.toISOString() ?? null,
          }
        : null,
  };
}

/**
 * A school's registrations with everything the registrations page shows — state, the source
 * school's name, last result with what to do next, latest received dossier — in one query.
 */
export async function listRegistrations(
  ctx: Ctx,
  input: { schoolBrin: string; state?: RegistrationState; receivedOnly?: boolean },
): Promise<RegistrationListItem[]> {
  authorize(ctx, 'received:read', input.schoolBrin);
  if (input.state !== undefined && !REGISTRATION_STATES.includes(input.state)) {
    throw new AppError('VALIDATION_FAILED', { field: 'state' });
  }
  const { rows } = await ctx.db.query<RegistrationListRow>(
    `${REGISTRATION_LIST_SQL}
      WHERE r.school_brin = $1 AND ($2::text IS NULL OR r.state = $2) AND (NOT $3::boolean OR x.id IS NOT NULL)
        AND r.pilot_ref IS NULL -- the region's pilot registrations have their own list (ADR 0007)
      ORDER BY r.created_at, r.id`,
    [input.schoolBrin, input.state ?? null, input.receivedOnly === true],
  );
  const items = rows.map((r) => listItemOf(ctx.keyring, r));
  await audit.record(ctx.db, ctx, 'registration.list', {
    schoolBrin: input.schoolBrin,
    details: { count: items.length },
  });
  return items;
}
