import * as audit from '../audit/index.js';
import { addMembership } from './accounts.js';
import { type AuthDeps, accountCtx, type Caller, clockOf } from './deps.js';
import { openInvitation } from './invitation-tokens.js';
import { assertPasswordAcceptable, hashPassword } from './passwords.js';
import { dropAccountSessions } from './sessions.js';

/**
 * Accepts an invitation: sets the password (the rules apply), adds the membership and uses the
 * token up, in one transaction — of two racing accepts one wins, the other gets TOKEN_INVALID.
 * An account that had a password gets the new one (the link proved the mailbox, as a reset does)
 * and its sessions end. Then the person signs in as usual and enrols the second factor.
 */
export async function acceptInvitation(
  deps: AuthDeps,
  caller: Caller,
  input: { token: string; password: string },
): Promise<{ email: string }> {
  const now = clockOf(deps)();
  const first = await openInvitation(deps.db, input.token, now);
  assertPasswordAcceptable(input.password, first.email);
  const hash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    const invitation = await openInvitation(tx, input.token, now, true);
    const ctx = accountCtx(deps, caller, invitation.accountId);
    await tx.query('UPDATE platform.invitations SET used_at = $2 WHERE id = $1', [invitation.id, now]);
    await tx.query(
      `UPDATE platform.accounts SET password_hash = $2, failed_attempts = 0, locked_until = NULL WHERE id = $1`,
      [invitation.accountId, hash],
    );
    await dropAccountSessions(tx, invitation.accountId);
    const added = await addMembership(tx, invitation.accountId, invitation);
    const schoolBrin = invitation.scope === 'school' ? { schoolBrin: invitation.scope_id } : {};
    await audit.record(tx, ctx, 'auth.invitation.accepted', {
      ...schoolBrin,
      subject: invitation.id,
      details: { accountId: invitation.accountId },
    });
    if (added) {
      await audit.record(tx, ctx, 'auth.membership.added', {
        ...schoolBrin,
        subject: invitation.accountId,
        details: {
          scope: invitation.scope,
          scopeId: invitation.scope_id,
          role: invitation.role,
          invitationId: invitation.id,
        },
      });
    }
    return { email: invitation.email };
  });
}
