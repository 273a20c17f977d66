import { regionGrantKey } from '../platform/auth/index.js';
import type { Ctx } from '../platform/context.js';
import { may } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import type { Message } from '../standard/index.js';
import {
  byRole,
  type RegionContact,
  type RoleContacts,
  regionContacts,
  schoolContacts,
} from './contact-store.js';
import type { RegionDeps } from './deps.js';
import { platformName } from './readiness-rules.js';
import { BRIN, regionsOfSchool } from './region-store.js';

export interface SchoolHelp {
  brin: string;
  schoolName: string;
  sector: 'po' | 'vo' | 'so' | 'swv' | 'onbekend';
  /** Organisation (planning, agreements, order of registration): the school's regions and their people. */
  regions: Array<{
    id: string;
    name: string;
    contacts: RegionContact[];
    /** The region's regional platform, if it uses one. */
    platform: Message | null;
  }>;
  /** Daily use: the supplier systems that hold the school's mandate (its school administration). */
  suppliers: string[];
  /** The school's own people per role; the technical contact arranges the connection with the servicedesk. */
  roles: RoleContacts[];
}

/**
 * The help page of a school: whom to ask for what — the region for organisation, the servicedesk for
 * connecting (through the school's technical contact), the supplier for daily use — with the
 * region's own contacts and the school's people per role. For everyone who works at the school,
 * the coordinators of its regions, and the servicedesk.
 */
export async function schoolHelp(
  ctx: Ctx,
  deps: Pick<RegionDeps, 'chain'>,
  brin: string,
): Promise<SchoolHelp> {
  const member = ctx.actor.schools === 'all' || ctx.actor.schools.has(brin);
  if (!BRIN.test(brin)) throw new AppError('VALIDATION_FAILED', { field: 'brin' });
  const { regions, contacts, ofRegion } = await ctx.db.transaction(async (tx) => {
    const regions = await regionsOfSchool(tx, brin);
    // Not a member of the school: only a coordinator of one of its regions may look.
    if (!member && !regions.some((r) => may(ctx.actor, 'region:read', regionGrantKey(r.id)))) {
      throw new AppError('FORBIDDEN', { permission: 'school member', brin });
    }
    return {
      regions,
      contacts: (await schoolContacts(tx, [brin])).get(brin) ?? [],
      ofRegion: await regionContacts(
        tx,
        regions.map((r) => r.id),
      ),
    };
  });
  const facts = (await deps.chain.schools([brin])).get(brin);
  const sector = facts?.sector ?? 'onbekend';
  return {
    brin,
    schoolName: facts?.name ?? brin,
    sector,
    regions: regions.map((r) => ({
      id: r.id,
      name: r.name,
      contacts: ofRegion.get(r.id) ?? [],
      platform: r.settings.platform === 'none' ? null : platformName(r.settings),
    })),
    suppliers: facts?.suppliers ?? [],
    roles: byRole(sector, contacts),
  };
}
