import type { Ctx } from '../../platform/context.js';
import { authorizeRegion } from '../region-store.js';
import { type AddendumForm, readAddendum } from './okr-addendum.js';

/** The region's addendum as its schools will see it: the fields confirmed as "not in OSO". */
export async function getOkrAddendum(ctx: Ctx, regionId: string): Promise<AddendumForm> {
  authorizeRegion(ctx, 'region:read', regionId);
  return ctx.db.transaction((tx) => readAddendum(tx, regionId));
}
