import { randomUUID } from 'node:crypto';
import * as audit from '../audit/index.js';
import type { Ctx } from '../context.js';
import { ensureAccount, membershipColumns } from './accounts.js';
import { type AuthDeps, limitsOf, schoolNames } from './deps.js';
import { MAIL_MESSAGES, type MailLanguage } from './mail-messages.js';
import { authorizeMembership, type MembershipInput, type MembershipRow } from './roles.js';
import { hashToken, newToken } from './sessions.js';

export interface InvitationInput {
  email: string;
  name: string;
  /** For a new account; an existing account keeps its own. */
  language?: MailLanguage;
  membership: MembershipInput;
}

export interface Invitation {
  invitationId: string;
  accountId: string;
  email: string;
  expiresAt: string;
  /** The one-time link; it goes by mail (or, from the CLI, to the operator), never in an API answer. */
  link: string;
}

/**
 * Invites a person to a role: makes the account when the address has none (without a password),
 * stores a one-time token (its hash; valid 7 days) and mails the link `/uitnodiging/<token>` in the
 * person's language. The membership itself is added when the invitation is accepted.
 */
export async function invitePerson(
  ctx: Ctx,
  deps: Pick<AuthDeps, 'mailer' | 'publicUrl' | 'schools' | 'limits'>,
  input: InvitationInput,
  options: { mail?: boolean } = { mail: true },
): Promise<Invitation> {
  authorizeMembership(ctx, input.membership);
  const now = ctx.now();
  const membership = membershipColumns(input.membership);
  const token = newToken();
  const expiresAt = new Date(now.getTime() + limitsOf(deps).invitationMs);
  const invitationId = randomUUID();
  const account = await ctx.db.transaction(async (tx) => {
    const { account, created } = await ensureAccount(tx, {
      email: input.email,
      name: input.name,
      language: input.language ?? 'nl',
    });
    await tx.query(
      `INSERT INTO platform.invitations
         (id, token_hash, account_id, scope, scope_id, role, invited_by, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        invitationId,
        hashToken(token),
        account.id,
        membership.scope,
        membership.scope_id,
        membership.role,
        ctx.actor.id,
        now,
        expiresAt,
      ],
    );
    await audit.record(tx, ctx, 'auth.invitation.created', {
      ...(membership.scope === 'school' ? { schoolBrin: membership.scope_id } : {}),
      subject: invitationId,
      details: {
        accountId: account.id,
        accountCreated: created,
        scope: membership.scope,
        role: membership.role,
      },
    });
    return account;
  });
  const link = `${deps.publicUrl()}/uitnodiging/${token}`;
  if (options.mail !== false) {
    const mail = MAIL_MESSAGES.invitation(account.language, {
      name: account.name,
      place: await placeName(deps, membership, account.language),
      role: membership.role,
      link,
      days: Math.round(limitsOf(deps).invitationMs / 86_400_000),
    });
    await deps.mailer.send(ctx.db, { to: account.email, ...mail }, now);
  }
  return {
    invitationId,
    accountId: account.id,
    email: account.email,
    expiresAt: expiresAt.toISOString(),
    link,
  };
}

/** Where a membership is, as people read it: the school's name, the region, or the servicedesk. */
export async function placeName(
  deps: Pick<AuthDeps, 'schools'>,
  m: MembershipRow,
  lang: MailLanguage,
): Promise<string> {
  if (m.scope === 'school')
    return (await schoolNames(deps, [m.scope_id])).get(m.scope_id)?.name ?? m.scope_id;
  if (m.scope === 'region') return m.scope_id;
  return lang === 'en' ? 'the Overstap service desk' : 'de servicedesk van Overstap';
}
