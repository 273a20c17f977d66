import { randomUUID } from 'node:crypto';
import * as audit from '../audit/index.js';
import { isAppError } from '../errors.js';
import { findAccountByEmail } from './accounts.js';
import { type AuthDeps, accountCtx, type Caller, clockOf, limitsOf } from './deps.js';
import { MAIL_MESSAGES } from './mail-messages.js';
import { bucket, enforce, hit } from './rate-limit.js';
import { hashToken, newToken } from './sessions.js';

/**
 * Asks for a password reset. The answer is the same whether or not the address has an account
 * (the route always says 202); an account gets a one-time link `/wachtwoord-herstellen/<token>`,
 * valid one hour, in its language. Limited per IP address (429) and per address (no more mails
 * beyond three an hour, silently). `mailed` is for logs and tests, never for the answer.
 */
export async function requestPasswordReset(
  deps: AuthDeps,
  caller: Caller,
  input: { email: string },
): Promise<{ mailed: boolean }> {
  const now = clockOf(deps)();
  const limits = limitsOf(deps);
  await enforce(deps.db, bucket('reset-ip', caller.ip), limits.resetPerIp, now);
  if (!(await hit(deps.db, bucket('reset-email', input.email), limits.resetPerEmail, now)))
    return { mailed: false };
  const account = await findAccountByEmail(deps.db, input.email);
  if (!account || account.disabled_at !== null) return { mailed: false };

  const token = newToken();
  const id = randomUUID();
  await deps.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO platform.password_resets (id, token_hash, account_id, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [id, hashToken(token), account.id, now, new Date(now.getTime() + limits.resetMs)],
    );
    await audit.record(tx, accountCtx(deps, caller, account.id), 'auth.password-reset.requested', {
      subject: account.id,
      details: { resetId: id },
    });
  });
  const mail = MAIL_MESSAGES.passwordReset(account.language, {
    name: account.name,
    link: `${deps.publicUrl()}/wachtwoord-herstellen/${token}`,
    minutes: Math.round(limits.resetMs / 60_000),
  });
  try {
    await deps.mailer.send(deps.db, { to: account.email, ...mail }, now);
  } catch (e) {
    if (isAppError(e) && e.code === 'MAIL_FAILED') return { mailed: false };
    throw e;
  }
  return { mailed: true };
}
