import type { Ctx } from '../../platform/context.js';
import { authorizeRegion } from '../region-store.js';
import type { PilotDeps } from './deps.js';
import { logOf, type PilotLogEntry, requirePilot } from './pilot-store.js';
import { buildPilotViews, type PilotView } from './pilot-view.js';

export interface PilotDetail extends PilotView {
  log: PilotLogEntry[];
}

/**
 * One pilot for its coordinator: every pair's checklist — the readiness of both schools, and for
 * the regular and the support dossier whether it was set ready, requested, delivered and imported,
 * filled in from the chain — the pilot's own checklist, its suppliers, and its log.
 */
export async function getPilot(
  ctx: Ctx,
  deps: Pick<PilotDeps, 'chain' | 'exchanges'>,
  input: { regionId: string; pilotId: string },
): Promise<PilotDetail> {
  authorizeRegion(ctx, 'region:read', input.regionId);
  const { pilot, log } = await ctx.db.transaction(async (tx) => {
    const pilot = await requirePilot(tx, input.regionId, input.pilotId);
    return { pilot, log: await logOf(tx, pilot.id) };
  });
  const [view] = await buildPilotViews(ctx, deps, [pilot]);
  return { ...view, log };
}
