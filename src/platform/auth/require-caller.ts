import { fastifyCookie } from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../db/index.js';
import { AppError } from '../errors.js';
import { loadMemberships } from './accounts.js';
import { resolveApiKey } from './api-keys.js';
import { personActor } from './roles.js';
import {
  csrfMatches,
  findSession,
  SESSION_COOKIE,
  signInState,
  touchSession,
  type WebSession,
} from './sessions.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session token of the request's cookie, if it sent one. */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  const parsed = (request as { cookies?: Record<string, string | undefined> }).cookies;
  if (parsed) return parsed[SESSION_COOKIE];
  const header = request.headers.cookie;
  return header ? fastifyCookie.parse(header)[SESSION_COOKIE] : undefined;
}

/**
 * The live session of the request's cookie, or UNAUTHENTICATED. A state-changing request must carry
 * `x-csrf-token` equal to the session's token (CSRF_INVALID otherwise); `signedIn` refuses a
 * half-signed-in session (password checked, second factor not yet).
 */
export async function sessionOf(
  db: Queryable,
  request: FastifyRequest,
  options: { now: Date; signedIn: boolean },
): Promise<WebSession> {
  const session = await findSession(db, sessionTokenOf(request), options.now);
  if (!session) throw new AppError('UNAUTHENTICATED');
  if (!SAFE_METHODS.has(request.method) && !csrfMatches(session, request.headers['x-csrf-token'])) {
    throw new AppError('CSRF_INVALID');
  }
  if (options.signedIn && session.state !== 'signed_in') {
    throw new AppError('UNAUTHENTICATED', { state: signInState(session) });
  }
  return session;
}

/**
 * The one authentication step of the JSON API (a Fastify preHandler): `Authorization: Bearer <API
 * key>` as before, or the signed-in session of the `overstap_session` cookie — with the CSRF header
 * on every request that changes something, never a half-signed-in session. Sets `request.actor`:
 * for a person `account:<uuid>` with per-school grants from the memberships. The use cases then
 * check the permission at the school, as for API keys.
 */
export function requireCaller(db: Queryable, options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date());
  return async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const key = header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
      const actor = key ? await resolveApiKey(db, key) : null;
      if (!actor) throw new AppError('UNAUTHENTICATED');
      request.actor = actor;
      return;
    }
    const at = now();
    const session = await sessionOf(db, request, { now: at, signedIn: true });
    await touchSession(db, session.id, at);
    request.actor = personActor(session.accountId, await loadMemberships(db, session.accountId));
  };
}
