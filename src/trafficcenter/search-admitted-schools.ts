import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { dutchDay } from '../standard/index.js';
import { admittedOn } from './registry.js';
import type { PublicSchool, PublicSchoolPage } from './schemas.js';

export const PUBLIC_PAGE_SIZE = 25;

/**
 * The public list of schools admitted to the transfer service today (DESIGN.md §6: the traffic
 * center publishes it), searchable by name, BRIN or place, a page at a time. Public by design: it
 * takes no actor and shows only what a school publishes anyway (no board, supplier or delivery point).
 */
export async function searchAdmittedSchools(
  ctx: Pick<Ctx, 'db' | 'now'>,
  query: { q?: string; page?: number },
): Promise<PublicSchoolPage> {
  const page = query.page ?? 1;
  if (!Number.isInteger(page) || page < 1 || page > 10_000) {
    throw new AppError('VALIDATION_FAILED', { field: 'page', reason: 'a page number from 1' });
  }
  const q = (query.q ?? '').trim().slice(0, 100);
  const pattern = q === '' ? null : `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = `${admittedOn('$1')} AND ($2::text IS NULL OR s.name ILIKE $2 OR s.brin ILIKE $2 OR s.place ILIKE $2)`;
  const params = [dutchDay(ctx.now()), pattern];
  const { rows } = await ctx.db.query<PublicSchool>(
    `SELECT s.brin, s.vestiging, s.name, s.sector, s.place, s.region
         FROM tc.schools s JOIN tc.admission a ON a.brin = s.brin
        WHERE ${where}
        ORDER BY s.name, s.brin
        LIMIT ${PUBLIC_PAGE_SIZE} OFFSET ${(page - 1) * PUBLIC_PAGE_SIZE}`,
    params,
  );
  const counted = await ctx.db.query<{ total: number }>(
    `SELECT count(*) AS total FROM tc.schools s JOIN tc.admission a ON a.brin = s.brin WHERE ${where}`,
    params,
  );
  return { schools: rows, page, pageSize: PUBLIC_PAGE_SIZE, total: counted.rows[0].total };
}
