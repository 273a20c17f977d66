import { type Ctx, may } from '../platform/context.js';
import { listRegionsByIds } from './region-store.js';

export interface RegionListItem {
  id: string;
  name: string;
}

/**
 * The regions the caller may read: for a coordinator the regions of their memberships, for an
 * operator (region:read everywhere) all of them. Not a refusal but an empty list for anyone else,
 * so the home page can ask it of every person.
 */
export async function listRegions(ctx: Ctx): Promise<RegionListItem[]> {
  const everywhere = may(ctx.actor, 'region:read') && ctx.actor.schools === 'all';
  const ids = everywhere
    ? 'all'
    : [...(ctx.actor.grants ?? new Map())]
        .filter(([key, permissions]) => key.startsWith('region:') && permissions.has('region:read'))
        .map(([key]) => key.slice('region:'.length));
  if (ids !== 'all' && ids.length === 0) return [];
  const regions = await listRegionsByIds(ctx.db, ids);
  return regions.map((r) => ({ id: r.id, name: r.name }));
}
