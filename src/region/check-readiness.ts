import type { SchoolRole } from '../platform/auth/index.js';
import type { Ctx } from '../platform/context.js';
import { schoolContacts } from './contact-store.js';
import type { RegionDeps } from './deps.js';
import { type SchoolReadiness, schoolReadiness } from './readiness-rules.js';
import { authorizeRegion, memberBrins, requireRegion } from './region-store.js';

export interface RegionReadiness {
  regionId: string;
  regionName: string;
  /** Number of member schools, and how many of them have every check done. */
  schools: number;
  ready: number;
  /** Per member school the checklist, with what is missing in words; schools with most missing first. */
  members: SchoolReadiness[];
}

/**
 * The readiness check of every member school (DESIGN.md §6): admitted to the chain, delivery
 * point(s) registered — the regional platform's too where the region uses one —, roles filled
 * (a recorded contact or a person with an account in the role), test exchange done. Facts about
 * admission, delivery points and tests come from the traffic center.
 */
export async function checkReadiness(
  ctx: Ctx,
  deps: Pick<RegionDeps, 'chain'>,
  regionId: string,
): Promise<RegionReadiness> {
  authorizeRegion(ctx, 'region:read', regionId);
  const { region, brins, contacts } = await ctx.db.transaction(async (tx) => {
    const region = await requireRegion(tx, regionId);
    const brins = await memberBrins(tx, regionId);
    return { region, brins, contacts: await schoolContacts(tx, brins) };
  });
  const facts = await deps.chain.schools(brins);
  const members = brins.map((brin) =>
    schoolReadiness({
      brin,
      facts: facts.get(brin),
      settings: region.settings,
      filledRoles: new Set<SchoolRole>((contacts.get(brin) ?? []).map((c) => c.role)),
    }),
  );
  const open = (s: SchoolReadiness) => s.checks.filter((c) => !c.ok).length;
  members.sort(
    (a, b) => open(b) - open(a) || a.name.localeCompare(b.name, 'nl') || a.brin.localeCompare(b.brin),
  );
  return {
    regionId: region.id,
    regionName: region.name,
    schools: members.length,
    ready: members.filter((m) => m.ready).length,
    members,
  };
}
