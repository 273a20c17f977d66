import { authorize, type Ctx } from '../../platform/context.js';
import { isAppError } from '../../platform/errors.js';
import type { GatewayChain } from '../chain/clients.js';
import type { RegistrationState } from './lifecycle.js';
import { type RequestResult, requestDossier } from './request-dossier.js';

/** Registrations a bulk request takes: new ones, ones waiting for klaarzetten, and failed ones. */
const OPEN: readonly RegistrationState[] = ['aanmelding', 'wacht_op_klaarzetten', 'fout'];

export interface BulkRequestResult {
  requested: number;
  results: RequestResult[];
  /** How many requests ended with each result code. */
  byResult: Record<string, number>;
}

/**
 * Requests the dossiers of all open registrations of a school (new, waiting, failed), a few at a
 * time. Registrations not found (niet_gevonden) are left for the school to correct first: asking
 * again unchanged would only count against its limit of failed look-ups.
 */
export async function requestAllOpen(
  ctx: Ctx,
  chain: GatewayChain,
  input: { schoolBrin: string; concurrency?: number; instanceId?: string },
): Promise<BulkRequestResult> {
  authorize(ctx, 'request:send', input.schoolBrin);
  const { rows } = await ctx.db.query<{ id: string }>(
    `SELECT id FROM gw.registrations WHERE school_brin = $1 AND state = ANY($2::text[]) AND pilot_ref IS NULL
      ORDER BY preference_rank NULLS LAST, created_at, id`,
    [input.schoolBrin, OPEN],
  );
  const queue = rows.map((r) => r.id);
  const results: RequestResult[] = [];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      try {
        results.push(
          await requestDossier({ ...ctx }, chain, {
            schoolBrin: input.schoolBrin,
            registrationId: id,
            trigger: 'bulk',
            ...(input.instanceId ? { instanceId: input.instanceId } : {}),
          }),
        );
      } catch (e) {
        // Changed meanwhile (a request running by notice): it is being taken care of.
        if (!(isAppError(e) && (e.code === 'CONFLICT' || e.code === 'TRANSITION_NOT_ALLOWED'))) throw e;
      }
    }
  };
  const workers = Math.max(1, Math.min(input.concurrency ?? 4, 16));
  await Promise.all(Array.from({ length: workers }, worker));
  const byResult: Record<string, number> = {};
  for (const r of results) byResult[r.result] = (byResult[r.result] ?? 0) + 1;
  return { requested: results.length, results, byResult };
}
