import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { moveRegistration } from './registration-store.js';

export interface ReleaseInput {
  /** The instance that sweeps: its own requests are never released (it is alive by definition). */
  instanceId: string;
  /** An instance whose heartbeat is older than this is taken to be gone (database clock). */
  staleAfterMs: number;
  /** A request held by no instance (sent outside a server process) is released after this long. */
  unheldAfterMs?: number;
}

/** How long a request that no instance holds may stay 'aangevraagd' (as requestDossier allows too). */
export const UNHELD_REQUEST_MS = 5 * 60_000;

/**
 * Ends the requests of gateway instances that stopped — killed between claiming a registration
 * ('aangevraagd') and storing the answer: a request whose holder has no heartbeat newer than
 * `staleAfterMs` (or no heartbeat row at all) becomes 'fout' (TechnischeFout), so that the next bulk
 * request, a notice's job or a person asks again at once. Requests of live instances are never
 * touched. Safe with any number of instances sweeping together (rows are locked, others' locks
 * skipped) and against an instance that was only slow: its late answer finds the registration
 * changed (compare-and-set on the revision) and its whole transaction — received dossier included —
 * is rolled back, so nothing is stored twice or half. Returns how many requests were released.
 */
export async function releaseInterruptedRequests(ctx: Ctx, input: ReleaseInput): Promise<number> {
  authorize(ctx, 'gateway:admin');
  const unheldBefore = new Date(ctx.now().getTime() - (input.unheldAfterMs ?? UNHELD_REQUEST_MS));
  return ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query<{
      id: string;
      school_brin: string;
      state: 'aangevraagd';
      revision: number;
      requested_by: string | null;
    }>(
      `SELECT r.id, r.school_brin, r.state, r.revision, r.requested_by FROM gw.registrations r
        WHERE r.state = 'aangevraagd'
          AND CASE WHEN r.requested_by IS NULL THEN r.requested_at < $3
                   ELSE r.requested_by <> $1 AND NOT EXISTS (
                     SELECT 1 FROM gw.instances i
                      WHERE i.id = r.requested_by
                        AND i.last_seen > clock_timestamp() - make_interval(secs => $2::double precision / 1000))
              END
        ORDER BY r.requested_at
        LIMIT 1000
          FOR UPDATE OF r SKIP LOCKED`,
      [input.instanceId, input.staleAfterMs, unheldBefore],
    );
    const at = ctx.now();
    for (const row of rows) {
      await moveRegistration(tx, row, 'fout', at, { lastResult: 'TechnischeFout' });
      await audit.record(tx, ctx, 'registration.request-abandoned', {
        schoolBrin: row.school_brin,
        subject: row.id,
        details: {
          result: 'TechnischeFout',
          reason: row.requested_by === null ? 'not-answered-in-time' : 'instance-stopped',
          ...(row.requested_by === null ? {} : { instance: row.requested_by }),
        },
      });
    }
    return rows.length;
  });
}
