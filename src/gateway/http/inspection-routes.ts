import { fastifyCookie } from '@fastify/cookie';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { outboxMailer } from '../../platform/auth/index.js';
import { checkInspectionBirthDate } from '../sending/check-inspection-birth-date.js';
import { createInspectionLink } from '../sending/create-inspection-link.js';
import {
  INSPECTION_COOKIE,
  PARENT_SESSION_MS,
  type ParentCredentials,
  type ParentCtx,
} from '../sending/inspection-links.js';
import { openInspectionLink } from '../sending/open-inspection-link.js';
import { readInspectionSummary } from '../sending/read-inspection-summary.js';
import { MAX_REASON_LENGTH, MAX_VIEW_LENGTH, respondToInspection } from '../sending/respond-to-inspection.js';
import { viewInspectionDossier } from '../sending/view-inspection-dossier.js';
import type { ApiScope, RouteKit } from './route-kit.js';
import * as S from './schemas.js';

const Language = Type.Union([Type.Literal('nl'), Type.Literal('en')]);
const Answer = Type.Union([Type.Literal('Ja'), Type.Literal('Nee')]);
const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100 }) });
const parentErrors = { ...S.errors, 410: S.ErrorBody, 503: S.ErrorBody };

const LinkBody = Type.Object({
  email: Type.Optional(Type.String({ maxLength: 254, description: 'mail the link here (not stored)' })),
  language: Type.Optional(Language),
});
const LinkCreated = Type.Object({ url: Type.String(), expiresAt: S.Timestamp, mailed: Type.Boolean() });
const LinkOpened = Type.Object({ language: Language, checked: Type.Boolean(), expiresAt: S.Timestamp });
const CheckBody = Type.Object({ geboortedatum: S.Day });
const CheckPassed = Type.Object({ csrfToken: Type.String(), expiresAt: S.Timestamp });
const Summary = Type.Object({
  schoolName: Type.String(),
  pupilFirstName: Type.String(),
  profile: S.Profile,
  version: Type.Integer(),
  consentRequired: Type.Boolean(),
  viewAllowed: Type.Boolean(),
  language: Language,
  linkExpiresAt: S.Timestamp,
  sessionExpiresAt: S.Timestamp,
  csrfToken: Type.String(),
});
const ResponseBody = Type.Object({
  akkoord: Answer,
  reden: Type.Optional(Type.String({ maxLength: MAX_REASON_LENGTH })),
  toestemming: Type.Optional(Answer),
  zienswijze: Type.Optional(Type.String({ maxLength: MAX_VIEW_LENGTH })),
});
const Responded = Type.Object({
  state: Type.Literal('ingezien'),
  inzagedatum: S.Day,
  akkoord: Answer,
  viewAdded: Type.Boolean(),
});
const ViewQuery = Type.Object({ lang: Type.Optional(Language) });

/**
 * The parents' inspection (issue 4): the school makes a one-time link (with the API's usual
 * authentication and `dossier:inzage`), and parents use it without an account under
 * /api/inzage/:token — the birth-date check gives a 60-minute session in an HttpOnly, Secure,
 * SameSite=Strict cookie scoped to the link's own path; the answer needs that session's CSRF token
 * (x-csrf-token). Parent answers are never cached. Routes only translate; the use cases decide.
 */
export function registerInspectionRoutes(api: ApiScope, kit: RouteKit): void {
  const { deps, ctx, preHandler, tags, p } = kit;
  const mailer = deps.mailer ?? outboxMailer();

  api.post(
    `${p}/:brin/dossiers/:dossierId/inspection-link`,
    {
      preHandler,
      schema: {
        ...tags('gateway: dossiers'),
        summary: 'Make the parents’ one-time inspection link (replaces an earlier one), optionally mailed',
        params: S.DossierParams,
        body: LinkBody,
        response: { 201: LinkCreated, ...S.errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createInspectionLink(
            ctx(request),
            { schoolBrin: request.params.brin, dossierId: request.params.dossierId, ...request.body },
            { publicUrl: deps.publicUrl?.() ?? '', mailer, validDays: deps.inspectionLinkDays },
          ),
        ),
  );

  // Parents: in a scope of their own with the cookie plugin (it is registered once per server).
  void api.register(async (scope) => {
    if (!scope.hasDecorator('parseCookie')) await scope.register(fastifyCookie);
    registerParentRoutes(scope.withTypeProvider<TypeBoxTypeProvider>(), kit);
  });
}

/** The parents' routes under /api/inzage/:token (no account: the link and the check). */
function registerParentRoutes(api: ApiScope, kit: RouteKit): void {
  const { deps } = kit;
  const now = deps.now ?? (() => new Date());
  // ---- parents (no account) ----------------------------------------------------------------
  const parent = (request: FastifyRequest): ParentCtx => ({
    db: deps.db,
    keyring: deps.keyring,
    requestId: request.id,
    now,
  });
  const credentials = (request: FastifyRequest, token: string): ParentCredentials => {
    const csrf = request.headers['x-csrf-token'];
    return {
      token,
      sessionToken: request.cookies[INSPECTION_COOKIE],
      csrfToken: typeof csrf === 'string' ? csrf : undefined,
    };
  };
  /** HttpOnly, Secure, SameSite=Strict, and only for this link's own API path. */
  const cookieOptions = (token: string, maxAgeSeconds: number) => ({
    httpOnly: true,
    secure: true,
    sameSite: 'strict' as const,
    path: `/api/inzage/${token}`,
    maxAge: maxAgeSeconds,
  });
  const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');
  const open = { tags: ['parents: inspection'], security: [] };
  const base = '/api/inzage/:token';

  api.get(
    base,
    {
      schema: {
        ...open,
        summary: 'Whether the link still works (410 with the reason if not) and was checked here',
        params: TokenParams,
        response: { 200: LinkOpened, ...parentErrors },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return openInspectionLink(parent(request), credentials(request, request.params.token));
    },
  );
  api.post(
    `${base}/check`,
    {
      schema: {
        ...open,
        summary: 'The check: the child’s date of birth → a parent session (cookie) for this link',
        params: TokenParams,
        body: CheckBody,
        response: { 200: CheckPassed, ...parentErrors },
      },
    },
    async (request, reply) => {
      noStore(reply);
      const started = await checkInspectionBirthDate(parent(request), {
        token: request.params.token,
        geboortedatum: request.body.geboortedatum,
      });
      reply.setCookie(
        INSPECTION_COOKIE,
        started.sessionToken,
        cookieOptions(request.params.token, Math.floor(PARENT_SESSION_MS / 1000)),
      );
      return { csrfToken: started.csrfToken, expiresAt: started.expiresAt };
    },
  );
  api.get(
    `${base}/dossier`,
    {
      schema: {
        ...open,
        summary: 'After the check: school, child’s first name, profile, whether consent is needed',
        params: TokenParams,
        response: { 200: Summary, ...parentErrors },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return readInspectionSummary(parent(request), credentials(request, request.params.token));
    },
  );
  const view = async (
    request: FastifyRequest,
    reply: FastifyReply,
    params: { token: string; lang?: 'nl' | 'en'; format: 'html' | 'pdf' },
  ) => {
    const rendered = await viewInspectionDossier(parent(request), {
      ...credentials(request, params.token),
      format: params.format,
      ...(params.lang ? { lang: params.lang } : {}),
    });
    noStore(reply);
    if (params.format === 'pdf') {
      reply.header('content-disposition', 'attachment; filename="overstapdossier.pdf"');
    }
    return reply.type(rendered.contentType).send(rendered.body);
  };
  api.get(
    `${base}/dossier.html`,
    {
      schema: {
        ...open,
        summary: 'After the check: the frozen version, rendered as a self-contained HTML page',
        params: TokenParams,
        querystring: ViewQuery,
        produces: ['text/html'],
      },
    },
    async (request, reply) => view(request, reply, { ...request.params, ...request.query, format: 'html' }),
  );
  api.get(
    `${base}/dossier.pdf`,
    {
      schema: {
        ...open,
        summary: 'After the check: the frozen version as an A4 PDF',
        params: TokenParams,
        querystring: ViewQuery,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => view(request, reply, { ...request.params, ...request.query, format: 'pdf' }),
  );
  api.post(
    `${base}/response`,
    {
      schema: {
        ...open,
        summary:
          'After the check: agree or not (why not), consent where needed, the parents’ view; the link is used up',
        params: TokenParams,
        body: ResponseBody,
        response: { 200: Responded, ...parentErrors },
      },
    },
    async (request, reply) => {
      noStore(reply);
      const answer = await respondToInspection(parent(request), {
        ...credentials(request, request.params.token),
        ...request.body,
      });
      reply.clearCookie(INSPECTION_COOKIE, cookieOptions(request.params.token, 0));
      return answer;
    },
  );
}
