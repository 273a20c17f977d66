import { type CookieSerializeOptions, fastifyCookie } from '@fastify/cookie';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx } from '../context.js';
import { AppError, isAppError } from '../errors.js';
import { actorOf, type HttpServer } from '../http/server.js';
import { acceptInvitation } from './accept-invitation.js';
import { type AuthDeps, type Caller, clockOf } from './deps.js';
import { invitePerson } from './invite-person.js';
import { listOutbox } from './mail.js';
import { readInvitation } from './read-invitation.js';
import { requestPasswordReset } from './request-password-reset.js';
import { requireCaller, sessionOf, sessionTokenOf } from './require-caller.js';
import { resetPassword } from './reset-password.js';
import * as S from './schemas.js';
import { completeTotpEnrolment, startTotpEnrolment, verifyTotp } from './second-factor.js';
import { SESSION_COOKIE } from './sessions.js';
import { setLanguage } from './set-language.js';
import { signIn } from './sign-in.js';
import { signOut } from './sign-out.js';
import { whoAmI } from './who-am-i.js';

/** HttpOnly, Secure, SameSite=Strict, the whole site; no Max-Age: the server ends the session. */
const COOKIE: CookieSerializeOptions = { httpOnly: true, secure: true, sameSite: 'strict', path: '/' };

/**
 * People's sign-in under /api/auth (docs/web-contract): password, second factor (TOTP and its
 * enrolment), the session, invitations and password resets; and, without an SMTP server, the
 * development mail catcher /api/dev/mail. Routes only translate; the use cases decide.
 */
export function registerAuthRoutes(app: HttpServer, deps: AuthDeps): void {
  const now = clockOf(deps);
  const caller = (request: FastifyRequest): Caller => ({ requestId: request.id, ip: request.ip });
  const setSession = (reply: FastifyReply, token: string) => reply.setCookie(SESSION_COOKIE, token, COOKIE);
  const clearSession = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, COOKIE);
  const session = (request: FastifyRequest, signedIn: boolean) =>
    sessionOf(deps.db, request, { now: now(), signedIn });
  const tags = { tags: ['auth'] };
  const open = { tags: ['auth'], security: [] };

  void app.register(async (scope) => {
    if (!scope.hasDecorator('parseCookie')) await scope.register(fastifyCookie);
    const api = scope.withTypeProvider<TypeBoxTypeProvider>();

    api.post(
      '/api/auth/login',
      {
        schema: {
          ...open,
          summary: 'Sign in, step one: e-mail and password → a half-signed-in session (cookie)',
          body: S.LoginBody,
          response: { 200: S.LoginAnswer, ...S.errors },
        },
      },
      async (request, reply) => {
        const half = await signIn(deps, caller(request), {
          ...request.body,
          previousToken: sessionTokenOf(request),
        });
        setSession(reply, half.token);
        return { state: half.state, csrfToken: half.csrfToken };
      },
    );

    api.get(
      '/api/auth/totp/enrolment',
      {
        schema: {
          ...tags,
          summary: 'Sign in, step two for a new account: the secret for the authenticator app',
          response: { 200: S.Enrolment, ...S.errors },
        },
      },
      async (request) => startTotpEnrolment(deps, await session(request, false)),
    );
    const secondFactor = async (
      request: FastifyRequest,
      reply: FastifyReply,
      step: typeof verifyTotp,
      code: string,
    ) => {
      try {
        const done = await step(deps, caller(request), await session(request, false), code);
        setSession(reply, done.token);
        return { state: done.state };
      } catch (e) {
        const dropped = isAppError(e) && (e.details.sessionDropped === true || e.code === 'ACCOUNT_LOCKED');
        if (dropped) clearSession(reply);
        throw e;
      }
    };
    api.post(
      '/api/auth/totp/enrolment',
      {
        schema: {
          ...tags,
          summary: 'Sign in, step two for a new account: confirm the app with a first code',
          body: S.CodeBody,
          response: { 200: S.SignedIn, ...S.errors },
        },
      },
      async (request, reply) => secondFactor(request, reply, completeTotpEnrolment, request.body.code),
    );
    api.post(
      '/api/auth/totp',
      {
        schema: {
          ...tags,
          summary: 'Sign in, step two: the code from the authenticator app',
          body: S.CodeBody,
          response: { 200: S.SignedIn, ...S.errors },
        },
      },
      async (request, reply) => secondFactor(request, reply, verifyTotp, request.body.code),
    );

    api.post(
      '/api/auth/logout',
      { schema: { ...tags, summary: 'Sign out', response: { 204: Type.Null(), ...S.errors } } },
      async (request, reply) => {
        const token = sessionTokenOf(request);
        // A live session must show its CSRF token; a dead cookie is simply cleared.
        const live = await session(request, false).catch((e) => {
          if (isAppError(e) && e.code === 'UNAUTHENTICATED') return null;
          throw e;
        });
        if (live) await signOut(deps, caller(request), token);
        clearSession(reply);
        return reply.status(204).send(null);
      },
    );

    api.get(
      '/api/auth/me',
      {
        schema: {
          ...tags,
          summary: 'The signed-in person: account, memberships, permissions per school, CSRF token',
          response: { 200: S.Me, ...S.errors },
        },
      },
      async (request) => whoAmI(deps, await session(request, false)),
    );
    api.put(
      '/api/auth/me/language',
      {
        schema: {
          ...tags,
          summary: 'The person’s language (web app and mails)',
          body: S.LanguageBody,
          response: { 200: S.LanguageBody, ...S.errors },
        },
      },
      async (request) => setLanguage(deps, await session(request, true), request.body.language),
    );

    const personCtx = (request: FastifyRequest): Ctx => ({
      db: deps.db,
      keyring: deps.keyring,
      actor: actorOf(request),
      requestId: request.id,
      now,
    });
    api.post(
      '/api/auth/invitations',
      {
        preHandler: requireCaller(deps.db, { now }),
        schema: {
          ...tags,
          security: [{ apiKey: [] }],
          summary:
            'Invite a person to a role at a school (permission school:people there); mails a one-time link',
          body: S.InvitationBody,
          response: { 201: S.InvitationCreated, ...S.errors },
        },
      },
      async (request, reply) => {
        const { brin, role, ...person } = request.body;
        const invitation = await invitePerson(personCtx(request), deps, {
          ...person,
          membership: { scope: 'school', brin, role },
        });
        return reply.status(201).send({
          invitationId: invitation.invitationId,
          accountId: invitation.accountId,
          email: invitation.email,
          expiresAt: invitation.expiresAt,
        });
      },
    );
    api.get(
      '/api/auth/invitations/:token',
      {
        schema: {
          ...open,
          summary: 'An open invitation (410 when used, expired or unknown)',
          params: S.TokenParams,
          response: { 200: S.InvitationView, ...S.errors },
        },
      },
      async (request) => readInvitation(deps, request.params.token),
    );
    api.post(
      '/api/auth/invitations/:token/accept',
      {
        schema: {
          ...open,
          summary: 'Accept an invitation by choosing a password; then sign in',
          params: S.TokenParams,
          body: S.PasswordBody,
          response: { 200: Type.Object({ email: Type.String() }), ...S.errors },
        },
      },
      async (request) => acceptInvitation(deps, caller(request), { ...request.params, ...request.body }),
    );
    api.post(
      '/api/auth/password-reset',
      {
        schema: {
          ...open,
          summary: 'Ask for a password-reset link by mail (always 202)',
          body: S.ResetRequestBody,
          response: { 202: Type.Null(), ...S.errors },
        },
      },
      async (request, reply) => {
        const result = await requestPasswordReset(deps, caller(request), request.body);
        if (!result.mailed) request.log.info('password reset: no mail sent');
        return reply.status(202).send(null);
      },
    );
    api.post(
      '/api/auth/password-reset/:token',
      {
        schema: {
          ...open,
          summary: 'Choose a new password with a reset link',
          params: S.TokenParams,
          body: S.PasswordBody,
          response: { 204: Type.Null(), ...S.errors },
        },
      },
      async (request, reply) => {
        await resetPassword(deps, caller(request), { ...request.params, ...request.body });
        return reply.status(204).send(null);
      },
    );

    if (deps.mailer.kind === 'outbox') {
      api.get(
        '/api/dev/mail',
        {
          schema: {
            tags: ['development'],
            security: [],
            summary: 'Development mail catcher: the mails Overstap would have sent (only without SMTP)',
            response: { 200: Type.Array(S.CaughtMail) },
          },
        },
        async (request) => {
          // Reset and invitation links are in these mails: only for a browser on this machine (the
          // socket's own address, never a forwarded header), so that a server started without SMTP
          // by mistake does not hand them to the network.
          if (!isLoopback(request.socket.remoteAddress)) {
            throw new AppError('NOT_FOUND', { path: '/api/dev/mail' });
          }
          return listOutbox(deps.db);
        },
      );
    }
  });
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}
