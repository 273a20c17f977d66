import type { Ctx } from '../platform/context.js';
import { type RegionContact, regionContacts } from './contact-store.js';
import { authorizeRegion, requireRegion } from './region-store.js';

/** The region's own people that the help page of its schools shows (organisation questions). */
export async function listRegionContacts(ctx: Ctx, regionId: string): Promise<RegionContact[]> {
  authorizeRegion(ctx, 'region:read', regionId);
  return ctx.db.transaction(async (tx) => {
    await requireRegion(tx, regionId);
    return (await regionContacts(tx, [regionId])).get(regionId) ?? [];
  });
}
