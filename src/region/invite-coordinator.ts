import { invitePerson } from '../platform/auth/index.js';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import type { InvitationMail } from './deps.js';
import { authorizeRegion, requireRegion } from './region-store.js';

export interface CoordinatorInvitation {
  invitationId: string;
  accountId: string;
  email: string;
  expiresAt: string;
}

/**
 * Invites a person as a coordinator of the region (the role `regiocoordinator` there): a region's
 * coordinator invites a colleague; the chain operator the first one. The one-time link goes by mail
 * (platform/auth's invitation, valid 7 days); the person sets a password and an authenticator app.
 */
export async function inviteCoordinator(
  ctx: Ctx,
  deps: InvitationMail,
  input: { regionId: string; email: string; name: string; language?: 'nl' | 'en' },
): Promise<CoordinatorInvitation> {
  authorizeRegion(ctx, 'region:admin', input.regionId);
  await requireRegion(ctx.db, input.regionId);
  const name = input.name.trim();
  if (name === '' || name.length > 200) throw new AppError('VALIDATION_FAILED', { field: 'name' });
  const invitation = await invitePerson(ctx, deps, {
    email: input.email,
    name,
    ...(input.language ? { language: input.language } : {}),
    membership: { scope: 'region', regionId: input.regionId, role: 'regiocoordinator' },
  });
  return {
    invitationId: invitation.invitationId,
    accountId: invitation.accountId,
    email: invitation.email,
    expiresAt: invitation.expiresAt,
  };
}
