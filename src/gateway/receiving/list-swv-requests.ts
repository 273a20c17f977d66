import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import type { ResultCode } from '../../platform/protocol.js';
import type { Message, ProfileCode } from '../../standard/index.js';
import type { RegistrationState } from './lifecycle.js';
import { SWV_RESULT_EXPLANATIONS } from './swv-request-store.js';

export interface SwvRequestListItem {
  swvRequestId: string;
  sourceBrin: string;
  state: RegistrationState;
  lastResult: ResultCode | null;
  lastResultAt: string | null;
  explanation: Message | null;
  received: {
    receivedDossierId: string;
    receivedAt: string;
    profile: ProfileCode;
    versionReadyAt: string | null;
    errorCount: number;
    warningCount: number;
  } | null;
}

/**
 * A samenwerkingsverband's SWV requests with their state, last result (and what to do) and latest
 * received dossier: one query, no koppelsleutel in the answer. One audit entry for the read.
 */
export async function listSwvRequests(
  ctx: Ctx,
  input: { schoolBrin: string },
): Promise<SwvRequestListItem[]> {
  authorize(ctx, 'received:read', input.schoolBrin);
  const { rows } = await ctx.db.query<{
    id: string;
    source_brin: string;
    state: RegistrationState;
    last_result: ResultCode | null;
    last_result_at: Date | null;
    received_id: string | null;
    received_at: Date | null;
    profile: ProfileCode | null;
    version_ready_at: Date | null;
    error_count: number | null;
    warning_count: number | null;
  }>(
    `SELECT r.id, r.source_brin, r.state, r.last_result, r.last_result_at,
            x.id AS received_id, x.received_at, x.profile, x.version_ready_at, x.error_count, x.warning_count
       FROM gw.swv_requests r
       LEFT JOIN LATERAL (
         SELECT id, received_at, profile, version_ready_at, error_count, warning_count
           FROM gw.swv_received_dossiers WHERE swv_request_id = r.id ORDER BY received_at DESC LIMIT 1
       ) x ON true
      WHERE r.school_brin = $1
      ORDER BY r.created_at, r.id`,
    [input.schoolBrin],
  );
  const items = rows.map(
    (r): SwvRequestListItem => ({
      swvRequestId: r.id,
      sourceBrin: r.source_brin,
      state: r.state,
      lastResult: r.last_result,
      lastResultAt: r.last_result_at?.toISOString() ?? null,
      explanation: r.last_result ? SWV_RESULT_EXPLANATIONS[r.last_result] : null,
      received:
        r.received_id && r.received_at && r.profile
          ? {
              receivedDossierId: r.received_id,
              receivedAt: r.received_at.toISOString(),
              profile: r.profile,
              versionReadyAt: r.version_ready_at?.toISOString() ?? null,
              errorCount: r.error_count ?? 0,
              warningCount: r.warning_count ?? 0,
            }
          : null,
    }),
  );
  await audit.record(ctx.db, ctx, 'swv.request.list', {
    schoolBrin: input.schoolBrin,
    details: { count: items.length },
  });
  return items;
}
