import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { decodeIdentity } from '../pupils/identity.js';
import { identityAad } from '../sending/dossier-store.js';
import { isSchoolYear, LEAVING_DOSSIERS, READY_NOT_REQUESTED } from './milestone-sql.js';

/** A leaving pupil whose dossier waits, ready, for a school that has not asked for it. */
export interface ReadyNotRequestedItem {
  dossierId: string;
  pupil: { achternaam: string; voorvoegsel?: string; roepnaam?: string };
  groep: string | null;
  destination: { brin: string; schoolName: string | null };
  readyAt: string;
}

/**
 * The school's own list behind the region's count "set ready, not requested" (milestone-sql.ts):
 * names for the school's staff with `dossier:read`; the read is audited (count only).
 */
export async function listReadyNotRequested(
  ctx: Ctx,
  input: { schoolBrin: string; schoolYear: string },
): Promise<ReadyNotRequestedItem[]> {
  authorize(ctx, 'dossier:read', input.schoolBrin);
  if (!isSchoolYear(input.schoolYear)) {
    throw new AppError('VALIDATION_FAILED', { field: 'schoolYear', reason: 'e.g. 2026-2027' });
  }
  const { rows } = await ctx.db.query<{
    id: string;
    pupil_id: string;
    identity_enc: Uint8Array;
    groep: string | null;
    destination_brin: string;
    destination_name: string | null;
    ready_at: Date;
  }>(
    `SELECT l.id, l.pupil_id, p.identity_enc, l.groep, l.destination_brin, s.name AS destination_name, l.ready_at
       FROM (${LEAVING_DOSSIERS}) l
       JOIN gw.pupils p ON p.id = l.pupil_id
       LEFT JOIN gw.schools s ON s.brin = l.destination_brin
      WHERE ${READY_NOT_REQUESTED}
      ORDER BY l.ready_at, l.id`,
    [input.schoolBrin, input.schoolYear],
  );
  const items = rows.map((r): ReadyNotRequestedItem => {
    const who = decodeIdentity(ctx.keyring.decrypt(r.identity_enc, identityAad(r.pupil_id)));
    return {
      dossierId: r.id,
      pupil: {
        achternaam: who.achternaam,
        ...(who.voorvoegsel ? { voorvoegsel: who.voorvoegsel } : {}),
        ...(who.roepnaam ? { roepnaam: who.roepnaam } : {}),
      },
      groep: r.groep,
      destination: { brin: r.destination_brin, schoolName: r.destination_name },
      readyAt: r.ready_at.toISOString(),
    };
  });
  await audit.record(ctx.db, ctx, 'dossier.list', {
    schoolBrin: input.schoolBrin,
    details: { count: items.length, schooljaar: input.schoolYear, list: 'ready-not-requested' },
  });
  return items;
}
