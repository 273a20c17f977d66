import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { moveRegistration } from './registration-store.js';
import { moveSwvRequest } from './swv-request-store.js';

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
 * Ends the requests of gateway instances that stopped — killed between claiming a registration or a
 * samenwerkingsverband's SWV request ('aangevraagd') and storing the answer: a request whose holder
 * has no heartbeat newer than `staleAfterMs` (or no heartbeat row at all) becomes 'fout'
 * (TechnischeFout), so that the next bulk request, a notice's job or a person asks again at once.
 * Requests of live instances are never touched. Safe with any number of instances sweeping together
 * (rows are locked, others' locks skipped) and against an instance that was only slow: its late
 * answer finds the request changed (compare-and-set on the revision) and its whole transaction —
 * received dossier included — is rolled back, so nothing is stored twice or half. Returns how many
 * requests (registrations and SWV requests together) were released.
 */
export async function releaseInterruptedRequests(ctx: Ctx, input: ReleaseInput): Promise<number> {
  authorize(ctx, 'gateway:admin');
  const unheldBefore = new Date(ctx.now().getTime() - (input.unheldAfterMs ?? UNHELD_REQUEST_MS));
  return ctx.db.transaction(async (tx) => {
    const at = ctx.now();
    let released = 0;
    for (const kind of HELD_REQUESTS) {
      const { rows } = await tx.query<HeldRequest>(
        `SELECT r.id, r.school_brin, r.state, r.revision, r.requested_by FROM ${kind.table} r
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
      for (const row of rows) {
        await kind.move(tx, row, 'fout', at, { lastResult: 'TechnischeFout' });
        await audit.record(tx, ctx, kind.abandoned, {
          schoolBrin: row.school_brin,
          subject: row.id,
          details: {
            result: 'TechnischeFout',
            reason: row.requested_by === null ? 'not-answered-in-time' : 'instance-stopped',
            ...(row.requested_by === null ? {} : { instance: row.requested_by }),
          },
        });
      }
      released += rows.length;
    }
    return released;
  });
}

interface HeldRequest {
  id: string;
  school_brin: string;
  state: 'aangevraagd';
  revision: number;
  requested_by: string | null;
}

/**
 * The requests a gateway instance holds while they are in flight: a school's registrations and a
 * samenwerkingsverband's SWV requests (same lifecycle, each with its compare-and-set move).
 */
export const HELD_REQUESTS = [
  { table: 'gw.registrations', move: moveRegistration, abandoned: 'registration.request-abandoned' },
  { table: 'gw.swv_requests', move: moveSwvRequest, abandoned: 'swv.request-abandoned' },
] as const;
