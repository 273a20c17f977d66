import { authorize, type Ctx } from '../../platform/context.js';
import { dutchDay } from '../../standard/index.js';
import type { PilotDeps } from './deps.js';
import type { PilotStatus } from './pilot-rules.js';
import { listCurrentPilotRows } from './pilot-store.js';
import { buildPilotViews } from './pilot-view.js';

export interface UpcomingPilot {
  id: string;
  regionName: string;
  name: string;
  startsOn: string;
  endsOn: string;
  status: PilotStatus;
  schools: Array<{ brin: string; name: string }>;
  suppliers: string[];
  pairs: number;
  completePairs: number;
}

/**
 * For the servicedesk (`tc:read`): the pilots of every region that have not ended yet — when they
 * run, which schools and suppliers take part — so that it knows when pilot exchanges come.
 */
export async function listUpcomingPilots(
  ctx: Ctx,
  deps: Pick<PilotDeps, 'chain' | 'exchanges'>,
): Promise<UpcomingPilot[]> {
  authorize(ctx, 'tc:read');
  const rows = await listCurrentPilotRows(ctx.db, dutchDay(ctx.now()));
  const views = await buildPilotViews(ctx, deps, rows);
  return views.map((v) => {
    const schools = new Map<string, string>();
    for (const p of v.pairs) for (const s of [p.po, p.vo]) schools.set(s.brin, s.name);
    return {
      id: v.id,
      regionName: v.regionName,
      name: v.name,
      startsOn: v.startsOn,
      endsOn: v.endsOn,
      status: v.status,
      schools: [...schools.entries()].map(([brin, name]) => ({ brin, name })),
      suppliers: v.suppliers.map((s) => s.name),
      pairs: v.pairs.length,
      completePairs: v.completePairs,
    };
  });
}
