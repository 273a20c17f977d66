import type { Ctx } from '../../platform/context.js';
import { authorizeRegion } from '../region-store.js';
import type { MonitoringDeps } from './deps.js';
import { loadDashboard, type MonitoringDashboard, schoolYearFor } from './load-dashboard.js';

/**
 * The coordinator's dashboard (DESIGN.md §6 monitoring): per member school and milestone the count
 * against the region's deadline (done, on track, behind), the regional totals with each pupil
 * counted once, the "ready, not requested" and "not arrived" counts per school, the traffic center's
 * session outcomes per school, and progress over time — aggregates only, never a pupil.
 */
export async function getMonitoringDashboard(
  ctx: Ctx,
  deps: Pick<MonitoringDeps, 'chain' | 'outcomes'>,
  input: { regionId: string; schoolYear?: string },
): Promise<MonitoringDashboard> {
  authorizeRegion(ctx, 'region:read', input.regionId);
  return loadDashboard(ctx, deps, {
    regionId: input.regionId,
    schoolYear: schoolYearFor(ctx, input.schoolYear),
  });
}
