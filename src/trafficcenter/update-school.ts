import * as audit from '../platform/audit/index.js';
import { authorize, type Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { requireSchool, SCHOOL_COLUMNS, type SchoolRow, toSchool } from './registry.js';
import type { School, SchoolChanges } from './schemas.js';

const COLUMNS = {
  vestiging: 'vestiging',
  name: 'name',
  sector: 'sector',
  board: 'board',
  region: 'region',
  place: 'place',
} as const satisfies Record<keyof SchoolChanges, string>;

/** The chain operator corrects a school's details (name, board, region, …); the BRIN stays. */
export async function updateSchool(ctx: Ctx, brin: string, changes: SchoolChanges): Promise<School> {
  authorize(ctx, 'tc:admin', brin);
  const fields = (Object.keys(COLUMNS) as (keyof SchoolChanges)[]).filter((k) => changes[k] !== undefined);
  if (fields.length === 0) throw new AppError('VALIDATION_FAILED', { reason: 'nothing to change' });
  return ctx.db.transaction(async (tx) => {
    await requireSchool(tx, brin, { lock: true });
    const sets = fields.map((f, i) => `${COLUMNS[f]} = $${i + 2}`).join(', ');
    const { rows } = await tx.query<SchoolRow>(
      `UPDATE tc.schools SET ${sets}, updated_at = now() WHERE brin = $1 RETURNING ${SCHOOL_COLUMNS}`,
      [brin, ...fields.map((f) => changes[f])],
    );
    await audit.record(tx, ctx, 'tc.school.updated', { schoolBrin: brin, details: { fields } });
    return toSchool(rows[0]);
  });
}
