import * as audit from '../audit/index.js';
import { AppError } from '../errors.js';
import { type AuthDeps, accountCtx, type Caller, clockOf } from './deps.js';
import { assertPasswordAcceptable, hashPassword } from './passwords.js';
import { dropAccountSessions, hashToken, isTokenShaped } from './sessions.js';

/**
 * Sets a new password with a reset link: the token is used up (one use; with every other open reset
 * link of the account), the lock is lifted and every session of the account ends. A token that
 * never existed, was used or expired gives TOKEN_INVALID (410).
 */
export async function resetPassword(
  deps: AuthDeps,
  caller: Caller,
  input: { token: string; password: string },
): Promise<void> {
  const now = clockOf(deps)();
  if (!isTokenShaped(input.token)) throw new AppError('TOKEN_INVALID');
  const { rows } = await deps.db.query<{ account_id: string; email: string }>(
    `SELECT r.account_id, a.email FROM platform.password_resets r JOIN platform.accounts a ON a.id = r.account_id
      WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > $2 AND a.disabled_at IS NULL`,
    [hashToken(input.token), now],
  );
  if (!rows[0]) throw new AppError('TOKEN_INVALID');
  assertPasswordAcceptable(input.password, rows[0].email);
  const hash = await hashPassword(input.password);
  await deps.db.transaction(async (tx) => {
    const used = await tx.query<{ id: string; account_id: string }>(
      `UPDATE platform.password_resets SET used_at = $2
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING id, account_id`,
      [hashToken(input.token), now],
    );
    const reset = used.rows[0];
    if (!reset) throw new AppError('TOKEN_INVALID');
    await tx.query(
      'UPDATE platform.password_resets SET used_at = $2 WHERE account_id = $1 AND used_at IS NULL AND expires_at > $2',
      [reset.account_id, now],
    );
    await tx.query(
      'UPDATE platform.accounts SET password_hash = $2, failed_attempts = 0, locked_until = NULL WHERE id = $1',
      [reset.account_id, hash],
    );
    await dropAccountSessions(tx, reset.account_id);
    await audit.record(tx, accountCtx(deps, caller, reset.account_id), 'auth.password-reset.completed', {
      subject: reset.account_id,
      details: { resetId: reset.id },
    });
  });
}
