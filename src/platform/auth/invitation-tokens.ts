import type { Queryable } from '../db/index.js';
import { AppError } from '../errors.js';
import type { MembershipRow, Role, Scope } from './roles.js';
import { hashToken, isTokenShaped } from './sessions.js';

export interface OpenInvitation extends MembershipRow {
  id: string;
  accountId: string;
  email: string;
  name: string;
  language: 'nl' | 'en';
}

/**
 * The invitation of a link token: unused and not expired, or TOKEN_INVALID (410) — the same answer
 * for a token that never existed, was used or ran out.
 */
export async function openInvitation(
  db: Queryable,
  token: string,
  now: Date,
  forUpdate = false,
): Promise<OpenInvitation> {
  if (!isTokenShaped(token)) throw new AppError('TOKEN_INVALID');
  const { rows } = await db.query<{
    id: string;
    account_id: string;
    email: string;
    name: string;
    language: 'nl' | 'en';
    scope: Scope;
    scope_id: string;
    role: Role;
  }>(
    `SELECT i.id, i.account_id, a.email, a.name, a.language, i.scope, i.scope_id, i.role
       FROM platform.invitations i JOIN platform.accounts a ON a.id = i.account_id
      WHERE i.token_hash = $1 AND i.used_at IS NULL AND i.expires_at > $2 AND a.disabled_at IS NULL
      ${forUpdate ? 'FOR UPDATE OF i' : ''}`,
    [hashToken(token), now],
  );
  const r = rows[0];
  if (!r) throw new AppError('TOKEN_INVALID');
  return {
    id: r.id,
    accountId: r.account_id,
    email: r.email,
    name: r.name,
    language: r.language,
    scope: r.scope,
    scope_id: r.scope_id,
    role: r.role,
  };
}
