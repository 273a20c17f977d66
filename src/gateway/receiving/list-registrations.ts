import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { ResultCode } from '../../platform/protocol.js';
import type { Message } from '../../standard/index.js';
import { REGISTRATION_STATES, type RegistrationState } from './lifecycle.js';
import { identityOf, type RegistrationRow } from './registration-store.js';
import { RESULT_EXPLANATIONS } from './result-explanations.js';

export interface RegistrationListItem {
  registrationId: string;
  sourceBrin: string;
  preferenceRank: number | null;
  state: RegistrationState;
  pupil: { achternaam: string; voorvoegsel?: string; roepnaam?: string; geboortedatum: string };
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

type Row = RegistrationRow & {
  received_id: string | null;
  received_at: Date | null;
  version_ready_at: Date | null;
  error_count: number | null;
  warning_count: number | null;
  imported_at: Date | null;
};

/** A school's registrations with their state, last result (and what to do) and latest received dossier: one query. */
export async function listRegistrations(
  ctx: Ctx,
  input: { schoolBrin: string; state?: RegistrationState; receivedOnly?: boolean },
): Promise<RegistrationListItem[]> {
  authorize(ctx, 'received:read', input.schoolBrin);
  if (input.state !== undefined && !REGISTRATION_STATES.includes(input.state)) {
    throw new AppError('VALIDATION_FAILED', { field: 'state' });
  }
  const { rows } = await ctx.db.query<Row>(
    `SELECT r.id, r.school_brin, r.source_brin, r.pupil_key, r.identity_enc, r.preference_rank, r.state, r.revision,
            r.last_result, r.last_result_at, r.requested_at, r.created_at,
            x.id AS received_id, x.received_at, x.version_ready_at, x.error_count, x.warning_count, x.imported_at
       FROM gw.registrations r
       LEFT JOIN LATERAL (
         SELECT id, received_at, version_ready_at, error_count, warning_count, imported_at
           FROM gw.received_dossiers WHERE registration_id = r.id ORDER BY received_at DESC LIMIT 1
       ) x ON true
      WHERE r.school_brin = $1 AND ($2::text IS NULL OR r.state = $2) AND (NOT $3::boolean OR x.id IS NOT NULL)
      ORDER BY r.created_at, r.id`,
    [input.schoolBrin, input.state ?? null, input.receivedOnly === true],
  );
  const items = rows.map((r): RegistrationListItem => {
    const who = identityOf(ctx.keyring, r);
    return {
      registrationId: r.id,
      sourceBrin: r.source_brin,
      preferenceRank: r.preference_rank,
      state: r.state,
      pupil: {
        achternaam: who.achternaam,
        ...(who.voorvoegsel ? { voorvoegsel: who.voorvoegsel } : {}),
        ...(who.roepnaam ? { roepnaam: who.roepnaam } : {}),
        geboortedatum: who.geboortedatum,
      },
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
  });
  await audit.record(ctx.db, ctx, 'registration.list', {
    schoolBrin: input.schoolBrin,
    details: { count: items.length },
  });
  return items;
}
