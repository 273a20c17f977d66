import * as audit from '../audit/index.js';
import type { Queryable } from '../db/index.js';
import { AppError } from '../errors.js';
import { type AccountRow, findAccountByEmail } from './accounts.js';
import { type AuthDeps, type AuthLimits, accountCtx, type Caller, clockOf, limitsOf } from './deps.js';
import { hashPassword, needsRehash, verifyNothing, verifyPassword } from './passwords.js';
import { bucket, enforce } from './rate-limit.js';
import { createSession, dropSessionByToken, type SignInState } from './sessions.js';

export interface SignedInHalf {
  /** The cookie's token (only its hash is stored). */
  token: string;
  csrfToken: string;
  state: Exclude<SignInState, 'signed_in'>;
}

/**
 * Step one of signing in: e-mail and password. Rate-limited per IP address and per e-mail address
 * (429), a wrong address or password gives the same SIGN_IN_FAILED (and takes as long), five wrong
 * attempts in a row lock the account for 15 minutes (423). Success opens a half-signed-in session:
 * the second factor (TOTP, or its enrolment) comes next. A session of the same browser is replaced.
 */
export async function signIn(
  deps: AuthDeps,
  caller: Caller,
  input: { email: string; password: string; previousToken?: string },
): Promise<SignedInHalf> {
  const now = clockOf(deps)();
  const limits = limitsOf(deps);
  await enforce(deps.db, bucket('ip', caller.ip), limits.signInPerIp, now);
  await enforce(deps.db, bucket('email', input.email), limits.signInPerEmail, now);

  const account = await findAccountByEmail(deps.db, input.email);
  if (!account || account.password_hash === null || account.disabled_at !== null) {
    await verifyNothing(input.password);
    await audit.record(deps.db, accountCtx(deps, caller, account?.id ?? null), 'auth.sign-in.failed', {
      details: { step: 'password', reason: account ? 'account-not-usable' : 'unknown-account' },
    });
    throw new AppError('SIGN_IN_FAILED');
  }
  const ctx = accountCtx(deps, caller, account.id);
  if (account.locked_until && account.locked_until > now) {
    await audit.record(deps.db, ctx, 'auth.sign-in.failed', {
      subject: account.id,
      details: { step: 'password', reason: 'locked' },
    });
    throw new AppError('ACCOUNT_LOCKED', { lockedUntil: account.locked_until.toISOString() });
  }
  if (!(await verifyPassword(input.password, account.password_hash))) {
    const lockedUntil = await deps.db.transaction(async (tx) => {
      const until = await countFailure(tx, account.id, now, limits);
      await audit.record(tx, ctx, 'auth.sign-in.failed', {
        subject: account.id,
        details: { step: 'password', reason: 'wrong-password' },
      });
      if (until) {
        await audit.record(tx, ctx, 'auth.account.locked', {
          subject: account.id,
          details: { until: until.toISOString() },
        });
      }
      return until;
    });
    if (lockedUntil) throw new AppError('ACCOUNT_LOCKED', { lockedUntil: lockedUntil.toISOString() });
    throw new AppError('SIGN_IN_FAILED');
  }

  const rehash = needsRehash(account.password_hash) ? await hashPassword(input.password) : null;
  return deps.db.transaction(async (tx) => {
    if (rehash) {
      await tx.query('UPDATE platform.accounts SET password_hash = $2 WHERE id = $1', [account.id, rehash]);
    }
    await dropSessionByToken(tx, input.previousToken);
    const session = await createSession(tx, account.id, now);
    await audit.record(tx, ctx, 'auth.sign-in.password-accepted', { subject: account.id });
    return { token: session.token, csrfToken: session.csrfToken, state: nextStep(account) };
  });
}

const nextStep = (account: AccountRow): SignedInHalf['state'] =>
  account.totp_secret_enc ? 'totp_required' : 'totp_enrolment_required';

/**
 * One more failure (wrong password or wrong code) for an account; at the limit the account locks
 * and the count starts again. Returns the end of the lock when this failure locked it.
 */
export async function countFailure(
  tx: Queryable,
  accountId: string,
  now: Date,
  limits: Pick<AuthLimits, 'maxFailures' | 'lockMs'>,
): Promise<Date | null> {
  const lockedUntil = new Date(now.getTime() + limits.lockMs);
  const { rows } = await tx.query<{ locked_until: Date | null; locked: boolean }>(
    `UPDATE platform.accounts
        SET failed_attempts = CASE WHEN failed_attempts + 1 >= $2::int THEN 0 ELSE failed_attempts + 1 END,
            locked_until = CASE WHEN failed_attempts + 1 >= $2::int THEN $3::timestamptz ELSE locked_until END
      WHERE id = $1
      RETURNING locked_until, (failed_attempts = 0) AS locked`,
    [accountId, limits.maxFailures, lockedUntil],
  );
  return rows[0]?.locked ? lockedUntil : null;
}
