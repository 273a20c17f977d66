import * as audit from '../platform/audit/index.js';
import { authorize, type Ctx } from '../platform/context.js';
import { isUniqueViolation } from '../platform/db/index.js';
import { AppError } from '../platform/errors.js';
import { SCHOOL_COLUMNS, type SchoolRow, toSchool } from './registry.js';
import type { NewSchool, School } from './schemas.js';

/**
 * The chain operator registers a school (BRIN + vestiging). A new school is not admitted: it has
 * an admission record that says so until the connection path is done (setAdmission).
 */
export async function registerSchool(ctx: Ctx, input: NewSchool): Promise<School> {
  authorize(ctx, 'tc:admin', input.brin);
  try {
    return await ctx.db.transaction(async (tx) => {
      const { rows } = await tx.query<SchoolRow>(
        `INSERT INTO tc.schools (brin, vestiging, name, sector, board, region, place)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${SCHOOL_COLUMNS}`,
        [
          input.brin,
          input.vestiging,
          input.name,
          input.sector,
          input.board,
          input.region ?? null,
          input.place ?? null,
        ],
      );
      await tx.query('INSERT INTO tc.admission (brin) VALUES ($1)', [input.brin]);
      await audit.record(tx, ctx, 'tc.school.registered', {
        schoolBrin: input.brin,
        details: { vestiging: input.vestiging, sector: input.sector },
      });
      return toSchool(rows[0]);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('SCHOOL_ALREADY_REGISTERED', { brin: input.brin });
    throw e;
  }
}
