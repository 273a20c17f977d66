import QRCode from 'qrcode';
import * as audit from '../audit/index.js';
import type { Queryable } from '../db/index.js';
import { AppError } from '../errors.js';
import {
  type AccountRow,
  decryptTotpSecret,
  encryptTotpSecret,
  lastStepOf,
  loadAccount,
  sessionAad,
} from './accounts.js';
import { type AuthDeps, accountCtx, type Caller, clockOf, limitsOf } from './deps.js';
import { hashToken, newToken, type WebSession } from './sessions.js';
import { countFailure } from './sign-in.js';
import { matchTotp, newTotpSecret, otpauthUri } from './totp.js';

export interface SecondFactorResult {
  state: 'signed_in';
  /** The session's new cookie token: signing in fully gives the session a fresh token. */
  token: string;
}

/**
 * Step two of signing in: the code from the authenticator app (RFC 6238, ±1 step, not one used
 * before). A wrong code counts against the session (five drop it) and against the account (five
 * failures in a row, passwords and codes together, lock it).
 */
export async function verifyTotp(
  deps: AuthDeps,
  caller: Caller,
  session: WebSession,
  code: string,
): Promise<SecondFactorResult> {
  const account = await halfSessionAccount(deps, session, 'totp_required');
  const secret = decryptTotpSecret(deps.keyring, account);
  if (!secret) throw new AppError('CONFLICT', { reason: 'enrol a second factor first' });
  const step = matchTotp(secret, code, clockOf(deps)(), lastStepOf(account));
  return complete(deps, caller, session, account, step, null);
}

export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
  /** The URI as a QR code (SVG) for the authenticator app. */
  qrSvg: string;
}

/**
 * Enrolment, for an account without a second factor: proposes a secret (kept encrypted with the
 * half-signed-in session, the same one on every call) for the authenticator app.
 */
export async function startTotpEnrolment(deps: AuthDeps, session: WebSession): Promise<TotpEnrolment> {
  const account = await halfSessionAccount(deps, session, 'totp_enrolment_required');
  let secret = pendingSecret(deps, session);
  if (!secret) {
    const proposed = newTotpSecret();
    await deps.db.query(
      'UPDATE platform.web_sessions SET pending_totp_enc = $2 WHERE id = $1 AND pending_totp_enc IS NULL',
      [session.id, deps.keyring.encrypt(Buffer.from(proposed), sessionAad(session.id))],
    );
    // Two calls at once: both answer with the secret that was stored first.
    const { rows } = await deps.db.query<{ pending_totp_enc: Uint8Array }>(
      'SELECT pending_totp_enc FROM platform.web_sessions WHERE id = $1',
      [session.id],
    );
    secret = pendingSecret(deps, { id: session.id, pendingTotpEnc: rows[0]?.pending_totp_enc ?? null });
    if (!secret) throw new AppError('UNAUTHENTICATED', { reason: 'the session ended' });
  }
  const uri = otpauthUri(secret, account.email);
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauthUri: uri, qrSvg };
}

/** Completes enrolment with a first code from the app: the secret becomes the account's. */
export async function completeTotpEnrolment(
  deps: AuthDeps,
  caller: Caller,
  session: WebSession,
  code: string,
): Promise<SecondFactorResult> {
  const account = await halfSessionAccount(deps, session, 'totp_enrolment_required');
  const secret = pendingSecret(deps, session);
  if (!secret) throw new AppError('CONFLICT', { reason: 'ask for the enrolment (GET) first' });
  const step = matchTotp(secret, code, clockOf(deps)(), null);
  return complete(deps, caller, session, account, step, secret);
}

function pendingSecret(deps: AuthDeps, session: Pick<WebSession, 'id' | 'pendingTotpEnc'>): string | null {
  if (!session.pendingTotpEnc) return null;
  return Buffer.from(deps.keyring.decrypt(session.pendingTotpEnc, sessionAad(session.id))).toString('utf8');
}

async function halfSessionAccount(
  deps: AuthDeps,
  session: WebSession,
  expected: 'totp_required' | 'totp_enrolment_required',
): Promise<AccountRow> {
  if (session.state !== 'half') throw new AppError('CONFLICT', { reason: 'already signed in' });
  const account = await loadAccount(deps.db, session.accountId);
  if (!account) throw new AppError('UNAUTHENTICATED');
  const enrolled = account.totp_secret_enc !== null;
  if (enrolled !== (expected === 'totp_required')) {
    throw new AppError('CONFLICT', { state: enrolled ? 'totp_required' : 'totp_enrolment_required' });
  }
  const now = clockOf(deps)();
  if (account.locked_until && account.locked_until > now) {
    throw new AppError('ACCOUNT_LOCKED', { lockedUntil: account.locked_until.toISOString() });
  }
  return account;
}

/**
 * The end of either path: a matching step signs the session in (new token; with `enrolSecret` the
 * secret becomes the account's); none counts a failure. The counters are committed before the
 * refusal is thrown.
 */
async function complete(
  deps: AuthDeps,
  caller: Caller,
  session: WebSession,
  account: AccountRow,
  step: number | null,
  enrolSecret: string | null,
): Promise<SecondFactorResult> {
  const now = clockOf(deps)();
  const limits = limitsOf(deps);
  const ctx = accountCtx(deps, caller, account.id);
  const outcome = await deps.db.transaction(async (tx) => {
    if (step !== null && (await acceptStep(tx, deps, account.id, step, enrolSecret))) {
      const token = newToken();
      const { rowCount } = await tx.query(
        `UPDATE platform.web_sessions
            SET state = 'signed_in', signed_in_at = $2, last_seen_at = $2, token_hash = $3,
                pending_totp_enc = NULL, totp_failures = 0
          WHERE id = $1 AND state = 'half'`,
        [session.id, now, hashToken(token)],
      );
      if (rowCount === 0) return { ok: false as const, dropped: true, locked: null };
      if (enrolSecret) await audit.record(tx, ctx, 'auth.totp.enrolled', { subject: account.id });
      await audit.record(tx, ctx, 'auth.sign-in.succeeded', { subject: account.id });
      return { ok: true as const, token };
    }
    const { rows } = await tx.query<{ totp_failures: number }>(
      'UPDATE platform.web_sessions SET totp_failures = totp_failures + 1 WHERE id = $1 RETURNING totp_failures',
      [session.id],
    );
    const dropped = (rows[0]?.totp_failures ?? limits.maxTotpFailures) >= limits.maxTotpFailures;
    if (dropped) await tx.query('DELETE FROM platform.web_sessions WHERE id = $1', [session.id]);
    const locked = await countFailure(tx, account.id, now, limits);
    await audit.record(tx, ctx, 'auth.sign-in.failed', {
      subject: account.id,
      details: {
        step: enrolSecret ? 'totp-enrolment' : 'totp',
        reason: 'wrong-code',
        sessionDropped: dropped,
      },
    });
    if (locked) {
      await audit.record(tx, ctx, 'auth.account.locked', {
        subject: account.id,
        details: { until: locked.toISOString() },
      });
      await tx.query('DELETE FROM platform.web_sessions WHERE id = $1', [session.id]);
    }
    return { ok: false as const, dropped: dropped || locked !== null, locked };
  });
  if (outcome.ok) return { state: 'signed_in', token: outcome.token };
  if (outcome.locked) throw new AppError('ACCOUNT_LOCKED', { lockedUntil: outcome.locked.toISOString() });
  throw new AppError('TOTP_INVALID', { sessionDropped: outcome.dropped });
}

/**
 * Records the accepted step, only if it is later than the last one accepted (a code is good once,
 * even when two requests race); with `enrolSecret`, only if the account has no secret yet.
 */
async function acceptStep(
  tx: Queryable,
  deps: AuthDeps,
  accountId: string,
  step: number,
  enrolSecret: string | null,
): Promise<boolean> {
  if (enrolSecret) {
    const { rowCount } = await tx.query(
      `UPDATE platform.accounts SET totp_secret_enc = $2, totp_last_step = $3, failed_attempts = 0, locked_until = NULL
        WHERE id = $1 AND totp_secret_enc IS NULL`,
      [accountId, encryptTotpSecret(deps.keyring, accountId, enrolSecret), step],
    );
    return rowCount > 0;
  }
  const { rowCount } = await tx.query(
    `UPDATE platform.accounts SET totp_last_step = $2, failed_attempts = 0, locked_until = NULL
      WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)`,
    [accountId, step],
  );
  return rowCount > 0;
}
