import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../db/index.js';

/**
 * Web sessions. The browser holds a random token in the `overstap_session` cookie; the database
 * holds only its SHA-256. A session is `half` after the password and `signed_in` after the second
 * factor (then it gets a new token). It ends 30 minutes after the last request or 12 hours after
 * it began, whichever is first.
 */
export const SESSION_COOKIE = 'overstap_session';
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;

export type SessionState = 'half' | 'signed_in';

/** What a session is in the API: signed in, or which second-factor step is next. */
export type SignInState = 'signed_in' | 'totp_required' | 'totp_enrolment_required';

export interface WebSession {
  id: string;
  accountId: string;
  state: SessionState;
  csrfToken: string;
  pendingTotpEnc: Uint8Array | null;
  totpFailures: number;
  /** Whether the account has a TOTP secret (else the next step is enrolment). */
  enrolled: boolean;
  lastSeenAt: Date;
}

const TOKEN = /^[A-Za-z0-9_-]{40,100}$/;

export const newToken = () => randomBytes(32).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const isTokenShaped = (token: string) => TOKEN.test(token);

export function signInState(session: Pick<WebSession, 'state' | 'enrolled'>): SignInState {
  if (session.state === 'signed_in') return 'signed_in';
  return session.enrolled ? 'totp_required' : 'totp_enrolment_required';
}

/** A new half-signed-in session for an account; returns it with the cookie's token. */
export async function createSession(
  tx: Queryable,
  accountId: string,
  now: Date,
): Promise<{ id: string; token: string; csrfToken: string }> {
  const id = randomUUID();
  const token = newToken();
  const csrfToken = newToken();
  await tx.query(
    `INSERT INTO platform.web_sessions
       (id, token_hash, account_id, state, csrf_token, created_at, last_seen_at, expires_at)
     VALUES ($1, $2, $3, 'half', $4, $5, $5, $6)`,
    [id, hashToken(token), accountId, csrfToken, now, new Date(now.getTime() + SESSION_ABSOLUTE_MS)],
  );
  return { id, token, csrfToken };
}

/**
 * The live session of a cookie token: not past its absolute end, not idle for 30 minutes, of an
 * account that is not disabled. Null otherwise.
 */
export async function findSession(
  db: Queryable,
  token: string | undefined,
  now: Date,
): Promise<WebSession | null> {
  if (!token || !isTokenShaped(token)) return null;
  const { rows } = await db.query<{
    id: string;
    account_id: string;
    state: SessionState;
    csrf_token: string;
    pending_totp_enc: Uint8Array | null;
    totp_failures: number;
    enrolled: boolean;
    last_seen_at: Date;
  }>(
    `SELECT s.id, s.account_id, s.state, s.csrf_token, s.pending_totp_enc, s.totp_failures, s.last_seen_at,
            a.totp_secret_enc IS NOT NULL AS enrolled
       FROM platform.web_sessions s JOIN platform.accounts a ON a.id = s.account_id
      WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3 AND a.disabled_at IS NULL`,
    [hashToken(token), now, new Date(now.getTime() - SESSION_IDLE_MS)],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    accountId: r.account_id,
    state: r.state,
    csrfToken: r.csrf_token,
    pendingTotpEnc: r.pending_totp_enc,
    totpFailures: r.totp_failures,
    enrolled: r.enrolled,
    lastSeenAt: r.last_seen_at,
  };
}

/** Marks a request: the idle time starts again (never past the absolute end). */
export async function touchSession(db: Queryable, id: string, now: Date): Promise<void> {
  await db.query('UPDATE platform.web_sessions SET last_seen_at = $2 WHERE id = $1 AND last_seen_at < $2', [
    id,
    now,
  ]);
}

export async function dropSession(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM platform.web_sessions WHERE id = $1', [id]);
}

export async function dropSessionByToken(db: Queryable, token: string | undefined): Promise<string | null> {
  if (!token || !isTokenShaped(token)) return null;
  const { rows } = await db.query<{ account_id: string }>(
    'DELETE FROM platform.web_sessions WHERE token_hash = $1 RETURNING account_id',
    [hashToken(token)],
  );
  return rows[0]?.account_id ?? null;
}

/** Ends every session of an account (after a password change). */
export async function dropAccountSessions(db: Queryable, accountId: string): Promise<void> {
  await db.query('DELETE FROM platform.web_sessions WHERE account_id = $1', [accountId]);
}

/** True when the request's x-csrf-token header is the session's token (constant-time). */
export function csrfMatches(session: Pick<WebSession, 'csrfToken'>, header: unknown): boolean {
  if (typeof header !== 'string') return false;
  const a = Buffer.from(header);
  const b = Buffer.from(session.csrfToken);
  return a.length === b.length && timingSafeEqual(a, b);
}
