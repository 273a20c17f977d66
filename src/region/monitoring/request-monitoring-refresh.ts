import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { authorizeRegion, memberBrins, requireRegion } from '../region-store.js';
import type { MonitoringDeps } from './deps.js';

/**
 * "Bring up to date": asks the gateway(s) of the region's member schools to report their counts
 * now instead of at the next daily report (region:read). Without a gateway in reach: NOT_FOUND.
 */
export async function requestMonitoringRefresh(
  ctx: Ctx,
  deps: Pick<MonitoringDeps, 'reports'>,
  input: { regionId: string },
): Promise<{ queued: boolean }> {
  authorizeRegion(ctx, 'region:read', input.regionId);
  if (!deps.reports) throw new AppError('NOT_FOUND', { reason: 'no gateway to ask in this process' });
  const brins = await ctx.db.transaction(async (tx) => {
    await requireRegion(tx, input.regionId);
    return memberBrins(tx, input.regionId);
  });
  return deps.reports.requestNow(ctx, brins);
}
