import type { Ctx } from '../../platform/context.js';
import { dutchDay } from '../../standard/index.js';
import { authorizeRegion, requireRegion } from '../region-store.js';
import type { PilotDeps } from './deps.js';
import type { PilotStatus } from './pilot-rules.js';
import { listPilotRows } from './pilot-store.js';
import { buildPilotViews } from './pilot-view.js';

export interface PilotListItem {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  status: PilotStatus;
  pairs: number;
  completePairs: number;
  notifiedAt: string | null;
}

/** The region's pilots, newest period first, each with its status and how many pairs completed. */
export async function listPilots(
  ctx: Ctx,
  deps: Pick<PilotDeps, 'chain' | 'exchanges'>,
  regionId: string,
): Promise<{ regionId: string; regionName: string; today: string; pilots: PilotListItem[] }> {
  authorizeRegion(ctx, 'region:read', regionId);
  const { region, rows } = await ctx.db.transaction(async (tx) => ({
    region: await requireRegion(tx, regionId),
    rows: await listPilotRows(tx, regionId),
  }));
  const views = await buildPilotViews(ctx, deps, rows);
  return {
    regionId: region.id,
    regionName: region.name,
    today: dutchDay(ctx.now()),
    pilots: views.map((v) => ({
      id: v.id,
      name: v.name,
      startsOn: v.startsOn,
      endsOn: v.endsOn,
      status: v.status,
      pairs: v.pairs.length,
      completePairs: v.completePairs,
      notifiedAt: v.notifiedAt,
    })),
  };
}
