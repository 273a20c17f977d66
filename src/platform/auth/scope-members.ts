import type { Queryable } from '../db/index.js';
import type { Role } from './roles.js';

export interface ScopeMember {
  /** The BRIN (school scope), the region's id (region scope), or '' (the servicedesk). */
  scopeId: string;
  accountId: string;
  name: string;
  email: string;
  role: Role;
  /** Signed in with both steps at least once (an authenticator app is enrolled). */
  enrolled: boolean;
}

/**
 * The people who hold a role at these schools or regions (accounts not disabled), ordered by scope,
 * role and name. A read without a permission check, for use cases that have authorized their caller
 * already — the region's readiness check (who fills which role at a school) and its coordinators.
 */
export async function listScopeMembers(
  db: Queryable,
  scope: 'school' | 'region' | 'servicedesk',
  scopeIds: readonly string[],
): Promise<ScopeMember[]> {
  if (scopeIds.length === 0) return [];
  const { rows } = await db.query<{
    scope_id: string;
    account_id: string;
    name: string;
    email: string;
    role: Role;
    enrolled: boolean;
  }>(
    `SELECT m.scope_id, a.id AS account_id, a.name, a.email, m.role, a.totp_secret_enc IS NOT NULL AS enrolled
       FROM platform.memberships m JOIN platform.accounts a ON a.id = m.account_id
      WHERE m.scope = $1 AND m.scope_id = ANY($2) AND a.disabled_at IS NULL
      ORDER BY m.scope_id, m.role, a.name, a.email`,
    [scope, [...scopeIds]],
  );
  return rows.map((r) => ({
    scopeId: r.scope_id,
    accountId: r.account_id,
    name: r.name,
    email: r.email,
    role: r.role,
    enrolled: r.enrolled,
  }));
}
