import { authorize, type Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { dutchDay } from '../standard/index.js';
import { CONNECTION_STATUSES, type ConnectionStatus, connectionStatusSql } from './connection-path.js';
import type { ConnectionCounts } from './servicedesk-schemas.js';

/**
 * How many schools stand where on the connection path today (connection-path.ts): the servicedesk's
 * overview. Every status is present in the answer, 0 when no school stands there.
 */
export async function countSchoolsByConnection(ctx: Ctx): Promise<ConnectionCounts> {
  authorize(ctx, 'tc:read');
  if (ctx.actor.schools !== 'all') {
    throw new AppError('FORBIDDEN', { permission: 'tc:read', reason: 'counts over all schools' });
  }
  const { rows } = await ctx.db.query<{ connection: ConnectionStatus; n: number }>(
    `SELECT connection, count(*)::int AS n
       FROM (SELECT ${connectionStatusSql('$1')} AS connection
               FROM tc.schools s JOIN tc.admission a ON a.brin = s.brin) statuses
      GROUP BY connection`,
    [dutchDay(ctx.now())],
  );
  const counts = Object.fromEntries(CONNECTION_STATUSES.map((s) => [s, 0])) as ConnectionCounts['counts'];
  for (const row of rows) counts[row.connection] = Number(row.n);
  return { total: Object.values(counts).reduce((a, b) => a + b, 0), counts };
}
