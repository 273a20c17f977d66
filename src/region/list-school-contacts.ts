import type { Ctx } from '../platform/context.js';
import { byRole, type RoleContacts, schoolContacts } from './contact-store.js';
import type { RegionDeps } from './deps.js';
import { authorizeRegion, requireMember, requireRegion } from './region-store.js';

export interface SchoolContactList {
  brin: string;
  schoolName: string;
  sector: 'po' | 'vo' | 'so' | 'swv' | 'onbekend';
  roles: RoleContacts[];
}

/**
 * The people of a member school per role, for the coordinator: the contacts the region recorded
 * (with e-mail and phone) and the people who hold the role with an account.
 */
export async function listSchoolContacts(
  ctx: Ctx,
  deps: Pick<RegionDeps, 'chain'>,
  input: { regionId: string; brin: string },
): Promise<SchoolContactList> {
  authorizeRegion(ctx, 'region:read', input.regionId);
  const contacts = await ctx.db.transaction(async (tx) => {
    await requireRegion(tx, input.regionId);
    await requireMember(tx, input.regionId, input.brin);
    return (await schoolContacts(tx, [input.brin])).get(input.brin) ?? [];
  });
  const facts = (await deps.chain.schools([input.brin])).get(input.brin);
  const sector = facts?.sector ?? 'onbekend';
  return { brin: input.brin, schoolName: facts?.name ?? input.brin, sector, roles: byRole(sector, contacts) };
}
