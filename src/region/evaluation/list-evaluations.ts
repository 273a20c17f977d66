import type { Ctx } from '../../platform/context.js';
import { authorizeRegion, requireRegion } from '../region-store.js';
import { type EvaluationState, listEvaluationsOf, responseCounts } from './evaluation-store.js';
import type { EvaluationRole } from './questions.js';

export interface EvaluationListItem {
  id: string;
  schoolYear: string;
  state: EvaluationState;
  roles: EvaluationRole[];
  responses: number;
  openedAt: string | null;
  closedAt: string | null;
}

/** The region's evaluations, the latest school year first, with how many answered. */
export async function listEvaluations(ctx: Ctx, input: { regionId: string }): Promise<EvaluationListItem[]> {
  authorizeRegion(ctx, 'region:read', input.regionId);
  return ctx.db.transaction(async (tx) => {
    await requireRegion(tx, input.regionId);
    const evaluations = await listEvaluationsOf(tx, input.regionId);
    const counts = await responseCounts(
      tx,
      evaluations.map((e) => e.id),
    );
    return evaluations.map((e) => ({
      id: e.id,
      schoolYear: e.schoolYear,
      state: e.state,
      roles: e.roles,
      responses: Object.values(counts.get(e.id) ?? {}).reduce((n, c) => n + (c ?? 0), 0),
      openedAt: e.openedAt,
      closedAt: e.closedAt,
    }));
  });
}
