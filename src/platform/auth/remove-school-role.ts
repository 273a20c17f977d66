import * as audit from '../audit/index.js';
import { authorize, type Ctx } from '../context.js';
import { AppError } from '../errors.js';
import type { SchoolRole } from './roles.js';

export interface RemoveSchoolRoleInput {
  brin: string;
  accountId: string;
  role: SchoolRole;
}

/**
 * Takes a role at a school away from a person: the membership goes, and so do open invitations
 * to that role there (their links stop working). It holds from the person's next request, since
 * permissions are read from the memberships on every request. Nobody removes their own role (so
 * that a school does not lock itself out by accident); NOT_FOUND when there is nothing to remove.
 */
export async function removeSchoolRole(
  ctx: Ctx,
  input: RemoveSchoolRoleInput,
): Promise<{ membershipRemoved: boolean; invitationsWithdrawn: number }> {
  authorize(ctx, 'school:people', input.brin);
  if (ctx.actor.id === `account:${input.accountId}`) {
    throw new AppError(
      'CONFLICT',
      { reason: 'own-role' },
      {
        nl: 'U kunt uw eigen rol niet intrekken. Vraag een collega die ook mensen beheert.',
        en: 'You cannot remove your own role. Ask a colleague who also manages people.',
      },
    );
  }
  return ctx.db.transaction(async (tx) => {
    const membership = await tx.query<{ id: string }>(
      `DELETE FROM platform.memberships
        WHERE account_id = $1 AND scope = 'school' AND scope_id = $2 AND role = $3 RETURNING id`,
      [input.accountId, input.brin, input.role],
    );
    const invitations = await tx.query<{ id: string }>(
      `DELETE FROM platform.invitations
        WHERE account_id = $1 AND scope = 'school' AND scope_id = $2 AND role = $3 AND used_at IS NULL
        RETURNING id`,
      [input.accountId, input.brin, input.role],
    );
    const membershipRemoved = membership.rows.length > 0;
    const invitationsWithdrawn = invitations.rows.length;
    if (!membershipRemoved && invitationsWithdrawn === 0) {
      throw new AppError('NOT_FOUND', { reason: 'the person has no such role or invitation at this school' });
    }
    await audit.record(tx, ctx, 'auth.membership.removed', {
      schoolBrin: input.brin,
      subject: input.accountId,
      details: {
        scope: 'school',
        scopeId: input.brin,
        role: input.role,
        membershipRemoved,
        invitationsWithdrawn,
      },
    });
    return { membershipRemoved, invitationsWithdrawn };
  });
}
