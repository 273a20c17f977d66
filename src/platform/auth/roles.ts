import { type Actor, authorize, type Ctx, may, type Permission } from '../context.js';

/** The roles a person can hold at a school (docs: web contract, "People, roles, permissions"). */
export const SCHOOL_ROLES = ['administratie', 'leerkracht', 'directie', 'coordinator', 'technisch'] as const;
export type SchoolRole = (typeof SCHOOL_ROLES)[number];
export type Role = SchoolRole | 'regiocoordinator' | 'servicedesk';
export const ROLES: readonly Role[] = [...SCHOOL_ROLES, 'regiocoordinator', 'servicedesk'];

export type Scope = 'school' | 'region' | 'servicedesk';

/** One membership: a role at a school (BRIN), at a region, or the servicedesk (everywhere). */
export type MembershipInput =
  | { scope: 'school'; brin: string; role: SchoolRole }
  | { scope: 'region'; regionId: string; role: 'regiocoordinator' }
  | { scope: 'servicedesk'; role: 'servicedesk' };

/**
 * What each role may do. School roles hold at their school only; the region role at its region;
 * the servicedesk everywhere. `received:support` (support information in a received dossier) is
 * the coordinator's alone. The servicedesk also holds `school:people` everywhere: the contract lets
 * it invite people at any school.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  administratie: [
    'dossier:read',
    'dossier:write',
    'dossier:inzage',
    'dossier:klaarzetten',
    'registration:write',
    'request:send',
    'received:read',
    'received:write',
    'school:people',
  ],
  leerkracht: ['dossier:read', 'dossier:write'],
  directie: ['dossier:read', 'received:read', 'school:people'],
  coordinator: ['received:read', 'received:support', 'registration:write', 'request:send'],
  technisch: ['gateway:admin', 'school:people'],
  regiocoordinator: ['region:read', 'region:admin'],
  servicedesk: ['tc:admin', 'tc:read', 'gateway:admin', 'school:people'],
};

export function isSchoolRole(role: string): role is SchoolRole {
  return (SCHOOL_ROLES as readonly string[]).includes(role);
}

/** The key of a scope in `Actor.grants`: the BRIN for a school, `region:<id>` for a region. */
export const regionGrantKey = (regionId: string) => `region:${regionId}`;

export interface MembershipRow {
  scope: Scope;
  scope_id: string;
  role: Role;
}

/**
 * The actor of a signed-in person: per-school (and per-region) grants from the memberships, and —
 * for the servicedesk — permissions that hold at every school.
 */
export function personActor(accountId: string, memberships: readonly MembershipRow[]): Actor {
  const grants = new Map<string, Set<Permission>>();
  const global = new Set<Permission>();
  const schools = new Set<string>();
  for (const m of memberships) {
    const permissions = ROLE_PERMISSIONS[m.role] ?? [];
    if (m.scope === 'servicedesk') {
      for (const p of permissions) global.add(p);
      continue;
    }
    const key = m.scope === 'school' ? m.scope_id : regionGrantKey(m.scope_id);
    if (m.scope === 'school') schools.add(m.scope_id);
    const set = grants.get(key) ?? new Set<Permission>();
    for (const p of permissions) set.add(p);
    grants.set(key, set);
  }
  return {
    kind: 'person',
    id: `account:${accountId}`,
    permissions: global,
    schools: global.size > 0 ? 'all' : schools,
    grants,
  };
}

/**
 * Who may give a membership: people of a school with `school:people` there (the servicedesk holds
 * it everywhere); a region's coordinator role the region's coordinators (`region:admin` there, to
 * invite a colleague) and the chain operator; the servicedesk role only the chain operator (`tc:admin`).
 */
export function authorizeMembership(ctx: Pick<Ctx, 'actor'>, m: MembershipInput): void {
  if (m.scope === 'school') authorize(ctx, 'school:people', m.brin);
  else if (m.scope === 'region' && may(ctx.actor, 'region:admin', regionGrantKey(m.regionId))) return;
  else authorize(ctx, 'tc:admin');
}
