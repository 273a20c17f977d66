import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import type { ResultCode } from '../../platform/protocol.js';
import type { RegistrationState } from '../receiving/lifecycle.js';
import { identityOf } from '../receiving/registration-store.js';
import type { PilotKind } from './test-bsn.js';

/** A pilot registration of the school, as its own pilot list shows it. */
export interface PilotRegistrationListItem {
  registrationId: string;
  pilotRef: string;
  kind: PilotKind;
  state: RegistrationState;
  sourceBrin: string;
  /** The fictional pupil. */
  pupil: { achternaam: string; voorvoegsel?: string; roepnaam?: string };
  lastResult: ResultCode | null;
  /** When the latest dossier arrived, and whether it was imported (ISO 8601). */
  receivedAt: string | null;
  importedAt: string | null;
  /** Whether that dossier is marked pilot at this side too (it always should be). */
  receivedPilot: boolean | null;
}

/**
 * The school's pilot registrations (ADR 0007), apart from its registrations list: the fictional
 * pupils, the last result of their request, the dossier received. `received:read`; audited.
 */
export async function listPilotRegistrations(
  ctx: Ctx,
  input: { schoolBrin: string },
): Promise<PilotRegistrationListItem[]> {
  authorize(ctx, 'received:read', input.schoolBrin);
  const { rows } = await ctx.db.query<{
    id: string;
    identity_enc: Uint8Array;
    pilot_ref: string;
    pilot_kind: PilotKind;
    state: RegistrationState;
    source_brin: string;
    last_result: ResultCode | null;
    received_at: Date | null;
    imported_at: Date | null;
    received_pilot: boolean | null;
  }>(
    `SELECT r.id, r.identity_enc, r.pilot_ref::text AS pilot_ref, r.pilot_kind, r.state, r.source_brin,
            r.last_result, x.received_at, x.imported_at, x.pilot AS received_pilot
       FROM gw.registrations r
       LEFT JOIN LATERAL (
         SELECT d.received_at, d.imported_at, d.pilot FROM gw.received_dossiers d
          WHERE d.registration_id = r.id ORDER BY d.received_at DESC LIMIT 1
       ) x ON true
      WHERE r.school_brin = $1 AND r.pilot_ref IS NOT NULL
      ORDER BY r.created_at, r.pilot_kind, r.id`,
    [input.schoolBrin],
  );
  const items = rows.map((r): PilotRegistrationListItem => {
    const who = identityOf(ctx.keyring, r);
    return {
      registrationId: r.id,
      pilotRef: r.pilot_ref,
      kind: r.pilot_kind,
      state: r.state,
      sourceBrin: r.source_brin,
      pupil: {
        achternaam: who.achternaam,
        ...(who.voorvoegsel ? { voorvoegsel: who.voorvoegsel } : {}),
        ...(who.roepnaam ? { roepnaam: who.roepnaam } : {}),
      },
      lastResult: r.last_result,
      receivedAt: r.received_at?.toISOString() ?? null,
      importedAt: r.imported_at?.toISOString() ?? null,
      receivedPilot: r.received_pilot,
    };
  });
  await audit.record(ctx.db, ctx, 'registration.list', {
    schoolBrin: input.schoolBrin,
    details: { count: items.length, list: 'pilot' },
  });
  return items;
}
