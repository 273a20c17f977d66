import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import {
  listItemOf,
  REGISTRATION_LIST_SQL,
  type RegistrationListItem,
  type RegistrationListRow,
} from '../receiving/list-registrations.js';
import { ARRIVED, isSchoolYear, REGISTRATIONS_OF_YEAR, schoolYearWindow } from './milestone-sql.js';

/**
 * The school's own list behind the region's count "registered, dossier not arrived"
 * (milestone-sql.ts): its registrations of the school year without a received dossier, as the
 * registrations page shows them, for staff with `received:read`; the read is audited (count only).
 */
export async function listNotArrived(
  ctx: Ctx,
  input: { schoolBrin: string; schoolYear: string },
): Promise<RegistrationListItem[]> {
  authorize(ctx, 'received:read', input.schoolBrin);
  if (!isSchoolYear(input.schoolYear)) {
    throw new AppError('VALIDATION_FAILED', { field: 'schoolYear', reason: 'e.g. 2026-2027' });
  }
  const [from, until] = schoolYearWindow(input.schoolYear);
  const { rows } = await ctx.db.query<RegistrationListRow>(
    `${REGISTRATION_LIST_SQL}
      WHERE ${REGISTRATIONS_OF_YEAR} AND NOT ${ARRIVED} AND $2::text IS NOT NULL
      ORDER BY r.created_at, r.id`,
    [input.schoolBrin, input.schoolYear, from, until],
  );
  const items = rows.map((r) => listItemOf(ctx.keyring, r));
  await audit.record(ctx.db, ctx, 'registration.list', {
    schoolBrin: input.schoolBrin,
    details: { count: items.length, list: 'not-arrived' },
  });
  return items;
}
