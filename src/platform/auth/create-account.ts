import * as audit from '../audit/index.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { addMembership, encryptTotpSecret, ensureAccount, membershipColumns } from './accounts.js';
import { assertPasswordAcceptable, hashPassword } from './passwords.js';
import { authorizeMembership, type MembershipInput } from './roles.js';
import { base32Decode } from './totp.js';

export interface NewAccount {
  email: string;
  name: string;
  language?: 'nl' | 'en';
  /** Set directly (operators, demos); without it the person needs an invitation or a reset. */
  password?: string;
  /** A second factor already enrolled (demos); without it the person enrols at first sign-in. */
  totpSecret?: string;
  memberships: MembershipInput[];
}

/**
 * Makes an account with its memberships at once — for the operator's CLI and the demo; people
 * otherwise come in through an invitation. Refuses an address that has an account (CONFLICT).
 */
export async function createAccount(ctx: Ctx, input: NewAccount): Promise<{ accountId: string }> {
  for (const m of input.memberships) authorizeMembership(ctx, m);
  if (input.password !== undefined) assertPasswordAcceptable(input.password, input.email);
  if (input.totpSecret !== undefined && (base32Decode(input.totpSecret)?.length ?? 0) < 10) {
    throw new AppError('VALIDATION_FAILED', { field: 'totpSecret', reason: 'base32, at least 80 bits' });
  }
  const hash = input.password === undefined ? null : await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const { account, created } = await ensureAccount(tx, input);
    if (!created) throw new AppError('CONFLICT', { reason: 'an account with this e-mail address exists' });
    await tx.query('UPDATE platform.accounts SET password_hash = $2, totp_secret_enc = $3 WHERE id = $1', [
      account.id,
      hash,
      input.totpSecret === undefined ? null : encryptTotpSecret(ctx.keyring, account.id, input.totpSecret),
    ]);
    await audit.record(tx, ctx, 'auth.account.created', { subject: account.id });
    for (const m of input.memberships.map(membershipColumns)) {
      if (await addMembership(tx, account.id, m)) {
        await audit.record(tx, ctx, 'auth.membership.added', {
          ...(m.scope === 'school' ? { schoolBrin: m.scope_id } : {}),
          subject: account.id,
          details: { scope: m.scope, scopeId: m.scope_id, role: m.role },
        });
      }
    }
    return { accountId: account.id };
  });
}
