import { listScopeMembers } from '../platform/auth/index.js';
import type { Ctx } from '../platform/context.js';
import type { RegionDeps } from './deps.js';
import {
  authorizeRegion,
  listTimelines,
  memberBrins,
  type RegionSettings,
  requireRegion,
} from './region-store.js';

export interface MemberSchool {
  brin: string;
  /** The traffic center's name; the BRIN when it does not know the school. */
  name: string;
  sector: 'po' | 'vo' | 'so' | 'swv' | 'onbekend';
  place: string | null;
}

export interface RegionOverview {
  id: string;
  name: string;
  settings: RegionSettings;
  members: MemberSchool[];
  coordinators: Array<{ accountId: string; name: string; email: string; active: boolean }>;
  /** The school years with a timeline, oldest first. */
  timelineYears: string[];
}

/** A region with its settings, member schools (names from the traffic center) and coordinators. */
export async function getRegion(
  ctx: Ctx,
  deps: Pick<RegionDeps, 'chain'>,
  regionId: string,
): Promise<RegionOverview> {
  authorizeRegion(ctx, 'region:read', regionId);
  const { region, brins, timelines, coordinators } = await ctx.db.transaction(async (tx) => ({
    region: await requireRegion(tx, regionId),
    brins: await memberBrins(tx, regionId),
    timelines: await listTimelines(tx, regionId),
    coordinators: await listScopeMembers(tx, 'region', [regionId]),
  }));
  const facts = await deps.chain.schools(brins);
  const members = brins
    .map((brin): MemberSchool => {
      const f = facts.get(brin);
      return { brin, name: f?.name ?? brin, sector: f?.sector ?? 'onbekend', place: f?.place ?? null };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.brin.localeCompare(b.brin));
  return {
    id: region.id,
    name: region.name,
    settings: region.settings,
    members,
    coordinators: coordinators
      .filter((c) => c.role === 'regiocoordinator')
      .map((c) => ({ accountId: c.accountId, name: c.name, email: c.email, active: c.enrolled })),
    timelineYears: timelines.map((t) => t.schoolYear),
  };
}
