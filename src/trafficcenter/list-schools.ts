import { authorize, type Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { dutchDay } from '../standard/index.js';
import { type ConnectionStatus, connectionStatusSql } from './connection-path.js';
import { admittedOn, type SchoolRow } from './registry.js';
import type { SchoolListPage, SchoolListQuery } from './servicedesk-schemas.js';

export const SCHOOL_LIST_PAGE_SIZE = 25;

interface Row extends SchoolRow {
  total: number;
  qualified: boolean | null;
  qualified_from: string | null;
  qualified_until: string | null;
  test_exchange_at: Date | null;
  admitted_today: boolean | null;
  connection: ConnectionStatus | null;
}

/**
 * The servicedesk's list of every school the traffic center knows — admitted or not — with its
 * admission and its place on the connection path (connection-path.ts), searchable by name, BRIN,
 * place or board and filtered by sector, admission today and connection status, a page at a time
 * in name order. One SQL statement: the page and the total of all matches together (the total
 * also when the page lies past the end).
 */
export async function listSchools(ctx: Ctx, query: SchoolListQuery): Promise<SchoolListPage> {
  authorize(ctx, 'tc:read');
  if (ctx.actor.schools !== 'all') {
    // A reader limited to some schools has getSchool for those; the list is the operator's.
    throw new AppError('FORBIDDEN', { permission: 'tc:read', reason: 'the list of all schools' });
  }
  const page = query.page ?? 1;
  if (!Number.isInteger(page) || page < 1 || page > 10_000) {
    throw new AppError('VALIDATION_FAILED', { field: 'page', reason: 'a page number from 1' });
  }
  const q = (query.q ?? '').trim().slice(0, 100);
  const pattern = q === '' ? null : `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const admitted = query.admission === undefined ? null : query.admission === 'admitted';
  const { rows } = await ctx.db.query<Row>(
    `WITH matched AS (
       SELECT s.brin, s.vestiging, s.name, s.sector, s.board, s.region, s.place,
              a.qualified, a.qualified_from::text AS qualified_from, a.qualified_until::text AS qualified_until,
              a.test_exchange_at, ${admittedOn('$1')} AS admitted_today,
              ${connectionStatusSql('$1')} AS connection
         FROM tc.schools s JOIN tc.admission a ON a.brin = s.brin
        WHERE ($2::text IS NULL OR s.name ILIKE $2 OR s.brin ILIKE $2 OR s.place ILIKE $2 OR s.board ILIKE $2)
          AND ($3::text IS NULL OR s.sector = $3)
          AND ($4::boolean IS NULL OR ${admittedOn('$1')} = $4)
     ), filtered AS (
       SELECT * FROM matched WHERE $5::text IS NULL OR connection = $5
     )
     SELECT counted.total, p.*
       FROM (SELECT count(*)::int AS total FROM filtered) counted
       LEFT JOIN LATERAL (
         SELECT * FROM filtered ORDER BY name, brin
          LIMIT ${SCHOOL_LIST_PAGE_SIZE} OFFSET ${(page - 1) * SCHOOL_LIST_PAGE_SIZE}
       ) p ON true`,
    [dutchDay(ctx.now()), pattern, query.sector ?? null, admitted, query.status ?? null],
  );
  const total = Number(rows[0]?.total ?? 0);
  const schools = rows
    .filter((r) => r.brin !== null)
    .map((r) => ({
      brin: r.brin,
      vestiging: r.vestiging,
      name: r.name,
      sector: r.sector,
      board: r.board,
      region: r.region,
      place: r.place,
      admission: {
        qualified: r.qualified === true,
        qualifiedFrom: r.qualified_from,
        qualifiedUntil: r.qualified_until,
        testExchangeAt: r.test_exchange_at === null ? null : new Date(r.test_exchange_at).toISOString(),
        admittedToday: r.admitted_today === true,
      },
      connection: r.connection as ConnectionStatus,
    }));
  return { schools, page, pageSize: SCHOOL_LIST_PAGE_SIZE, total };
}
