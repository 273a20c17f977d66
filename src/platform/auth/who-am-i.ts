import type { Permission } from '../context.js';
import { AppError } from '../errors.js';
import { loadAccount, loadMemberships } from './accounts.js';
import { type AuthDeps, schoolNames } from './deps.js';
import { personActor, type Role } from './roles.js';
import { type SignInState, signInState, type WebSession } from './sessions.js';

export type MembershipView =
  | { scope: 'school'; brin: string; schoolName: string; sector: string; roles: Role[] }
  | { scope: 'region'; regionId: string; regionName: string; roles: Role[] }
  | { scope: 'servicedesk' };

export interface Me {
  state: SignInState;
  csrfToken: string;
  account: { id: string; email: string; name: string; language: 'nl' | 'en' };
  memberships: MembershipView[];
  /** Per BRIN, what the person may do there (servicedesk permissions are in `global`). */
  permissions: Record<string, Permission[]>;
  global: Permission[];
}

/**
 * The person of a session, for the web app: account, memberships by school/region, and the
 * permissions per school. A half-signed-in session shows its next step and no memberships.
 */
export async function whoAmI(deps: AuthDeps, session: WebSession): Promise<Me> {
  const account = await loadAccount(deps.db, session.accountId);
  if (!account) throw new AppError('UNAUTHENTICATED');
  const state = signInState(session);
  const me: Me = {
    state,
    csrfToken: session.csrfToken,
    account: { id: account.id, email: account.email, name: account.name, language: account.language },
    memberships: [],
    permissions: {},
    global: [],
  };
  if (state !== 'signed_in') return me;

  const rows = await loadMemberships(deps.db, account.id);
  const actor = personActor(account.id, rows);
  const brins = [...new Set(rows.filter((r) => r.scope === 'school').map((r) => r.scope_id))];
  const names = await schoolNames(deps, brins);
  for (const brin of brins) {
    const school = names.get(brin);
    me.memberships.push({
      scope: 'school',
      brin,
      schoolName: school?.name ?? brin,
      sector: school?.sector ?? 'onbekend',
      roles: rows.filter((r) => r.scope === 'school' && r.scope_id === brin).map((r) => r.role),
    });
    me.permissions[brin] = [...(actor.grants?.get(brin) ?? [])].sort();
  }
  for (const regionId of new Set(rows.filter((r) => r.scope === 'region').map((r) => r.scope_id))) {
    me.memberships.push({
      scope: 'region',
      regionId,
      regionName: regionId,
      roles: rows.filter((r) => r.scope === 'region' && r.scope_id === regionId).map((r) => r.role),
    });
  }
  if (rows.some((r) => r.scope === 'servicedesk')) me.memberships.push({ scope: 'servicedesk' });
  me.global = actor.permissions === 'all' ? [] : [...actor.permissions].sort();
  return me;
}
