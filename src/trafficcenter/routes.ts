import { Type } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx, Keyring } from '../platform/context.js';
import type { Db } from '../platform/db/index.js';
import { AppError } from '../platform/errors.js';
import { chainCallerFingerprint } from '../platform/http/in-process-chain.js';
import { actorOf, type HttpServer } from '../platform/http/server.js';
import { CHAIN_PREFIX } from '../platform/protocol.js';
import type { ChainCtx } from './chain-caller.js';
import { checkSession } from './check-session.js';
import { closeSession } from './close-session.js';
import { deactivateDeliveryPoint } from './deactivate-delivery-point.js';
import { getSchool } from './get-school.js';
import { grantMandate } from './grant-mandate.js';
import { listDeliveryPoints } from './list-delivery-points.js';
import { listSupplierSystems } from './list-supplier-systems.js';
import { outcomeStatistics } from './outcome-statistics.js';
import { reactivateDeliveryPoint } from './reactivate-delivery-point.js';
import { registerDeliveryPoint } from './register-delivery-point.js';
import { registerSchool } from './register-school.js';
import { registerSupplierSystem } from './register-supplier-system.js';
import { revokeMandate } from './revoke-mandate.js';
import * as S from './schemas.js';
import { searchAdmittedSchools } from './search-admitted-schools.js';
import { servicedeskRoutes } from './servicedesk-routes.js';
import { setAdmission } from './set-admission.js';
import { startSession } from './start-session.js';
import { updateDeliveryPoint } from './update-delivery-point.js';
import { updateSchool } from './update-school.js';

export type PreHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<void> | void;

export interface TrafficCenterRouteDeps {
  db: Db;
  /** The traffic center encrypts nothing at rest (it holds no personal data); optional. */
  keyring?: Keyring;
  /** Authenticates the chain operator (an API key with tc:admin / tc:read) and sets request.actor. */
  adminAuth: PreHandler;
  /** The clock; tests may pin it. */
  now?: () => Date;
  /** How long a session stays open (default 15 minutes, OVERSTAP_SESSION_LIFETIME_MINUTES). */
  sessionLifetimeMs?: number;
  /**
   * Which routes to register (default all): a deployment may serve the chain on its mutual-TLS
   * listener and the admin and public API on its plain API listener.
   */
  surfaces?: readonly Surface[];
}

export type Surface = 'chain' | 'admin' | 'public';

/**
 * The traffic center's HTTP face. Routes only translate: authenticate, validate (TypeBox → OpenAPI),
 * call the use case, map the answer. Three audiences:
 *
 * - chain (`/chain/v1`, supplier systems over mutual TLS): the caller is its client certificate.
 *   Every protocol answer is HTTP 200 with `{result}` — 'ok' plus data, or the OSO-style refusal
 *   code — except VerstrekkerNietBekend (no verified certificate, or one the traffic center does not
 *   know), which is HTTP 401 with `{result: 'VerstrekkerNietBekend'}`. Malformed JSON is a 400 in
 *   the platform's error shape.
 * - admin (`/api/tc`, the chain operator's API key): errors in the platform's shape
 *   `{code, message: {nl, en}, details}` with 4xx statuses (403 FORBIDDEN / NO_MANDATE, 404 …, 409 …).
 * - public (`/api/public/schools`): the list of admitted schools, no authentication.
 */
export function registerTrafficCenterRoutes(app: HttpServer, deps: TrafficCenterRouteDeps): void {
  const surfaces = new Set<Surface>(deps.surfaces ?? ['chain', 'admin', 'public']);
  const now = deps.now ?? (() => new Date());
  if (surfaces.has('chain')) chainRoutes(app, deps.db, now, deps.sessionLifetimeMs);
  if (surfaces.has('admin')) adminRoutes(app, deps, now);
  if (surfaces.has('public')) publicRoutes(app, deps.db, now);
}

/** The chain protocol for supplier systems; the caller is its TLS client certificate. */
function chainRoutes(app: HttpServer, db: Db, now: () => Date, sessionLifetimeMs?: number): void {
  const chain = (request: FastifyRequest): ChainCtx => ({
    db,
    requestId: request.id,
    now,
    peerFingerprint: chainCallerFingerprint(request),
    ...(sessionLifetimeMs === undefined ? {} : { sessionLifetimeMs }),
  });
  const answer = <T extends { result: string }>(reply: FastifyReply, body: T): T => {
    reply.status(body.result === 'VerstrekkerNietBekend' ? 401 : 200);
    return body;
  };
  const chainSchema = { tags: ['chain'], security: [] };
  const chainAnswers = <T extends Parameters<typeof Type.Union>[0][number]>(ok: T) => ({
    200: Type.Union([ok, S.ChainRefusal]),
    400: S.ErrorBody,
    401: S.ChainRefusal,
  });
  const SessionParams = Type.Object({ sessionId: Type.String({ maxLength: 100 }) });

  app.post(
    `${CHAIN_PREFIX}/sessions`,
    {
      schema: {
        ...chainSchema,
        summary: 'Start a session (receiving gateway)',
        body: S.SessionStartBody,
        response: chainAnswers(S.SessionStarted),
      },
    },
    async (request, reply) => answer(reply, await startSession(chain(request), request.body)),
  );
  app.post(
    `${CHAIN_PREFIX}/sessions/:sessionId/check`,
    {
      schema: {
        ...chainSchema,
        summary: 'Check a session (source gateway, before anything else)',
        params: SessionParams,
        body: S.SessionCheckBody,
        response: chainAnswers(S.SessionChecked),
      },
    },
    async (request, reply) =>
      answer(reply, await checkSession(chain(request), request.params.sessionId, request.body)),
  );
  app.post(
    `${CHAIN_PREFIX}/sessions/:sessionId/close`,
    {
      schema: {
        ...chainSchema,
        summary: 'Close a session with its best result (the gateway that started it)',
        params: SessionParams,
        body: S.SessionCloseBody,
        response: chainAnswers(S.SessionClosed),
      },
    },
    async (request, reply) =>
      answer(reply, await closeSession(chain(request), request.params.sessionId, request.body)),
  );
  app.get(
    `${CHAIN_PREFIX}/delivery-points`,
    {
      schema: {
        ...chainSchema,
        summary: 'Delivery-point overview: usable points of admitted schools',
        querystring: Type.Object({ brin: Type.Optional(S.Brin), purpose: Type.Optional(S.Purpose) }),
        response: chainAnswers(S.DeliveryPointOverview),
      },
    },
    async (request, reply) => answer(reply, await listDeliveryPoints(chain(request), request.query)),
  );
}

/** The chain operator's API (schools, suppliers, mandates, delivery points, admission, statistics). */
function adminRoutes(app: HttpServer, deps: TrafficCenterRouteDeps, now: () => Date): void {
  const keyring = deps.keyring ?? NO_KEYRING;
  const admin = (request: FastifyRequest): Ctx => ({
    db: deps.db,
    actor: actorOf(request),
    requestId: request.id,
    keyring,
    now,
  });
  const adminSchema = { tags: ['traffic center'], security: [{ apiKey: [] }] };
  const errors = { 400: S.ErrorBody, 401: S.ErrorBody, 403: S.ErrorBody, 404: S.ErrorBody, 409: S.ErrorBody };
  const BrinParams = Type.Object({ brin: S.Brin });
  const MandateParams = Type.Object({ supplierId: S.Uuid, brin: S.Brin });
  const preHandler = deps.adminAuth;
  servicedeskRoutes(app, { preHandler, admin });

  app.post(
    '/api/tc/schools',
    {
      preHandler,
      schema: {
        ...adminSchema,
        summary: 'Register a school',
        body: S.NewSchool,
        response: { 201: S.School, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await registerSchool(admin(request), request.body)),
  );
  app.get(
    '/api/tc/schools/:brin',
    {
      preHandler,
      schema: {
        ...adminSchema,
        summary: 'A school with its admission, mandates and delivery points',
        params: BrinParams,
        response: { 200: S.SchoolOverview, ...errors },
      },
    },
    async (request) => getSchool(admin(request), request.params.brin),
  );
  app.patch(
    '/api/tc/schools/:brin',
    {
      preHandler,
      schema: {
        ...adminSchema,
        summary: 'Change a school’s details',
        params: BrinParams,
        body: S.SchoolChanges,
        response: { 200: S.School, ...errors },
      },
    },
    async (request) => updateSchool(admin(request), request.params.brin, request.body),
  );
  app.post(
    '/api/tc/schools/:brin/admission',
    {
      preHandler,
      schema: {
        ...adminSchema,
        summary: 'Record a test exchange, qualify or unqualify a school',
        params: BrinParams,
        body: S.AdmissionChange,
        response: { 200: S.Admission, ...errors },
      },
    },
    async (request) => setAdmission(admin(request), request.params.brin, request.body),
  );
  app.get(
    '/api/tc/suppliers',
    {
      preHandler,
      schema: {
        ...adminSchema,
        summary: 'Supplier systems',
        response: { 200: Type.Array(S.SupplierSystem), ...errors },
      },
    },
    async (request) => listSupplierSystems(admin(request)),
  );
  app.post(
    '/api/tc/suppliers',
    {
      preHandler,
      schema: {
        ...adminSchema,
        summary: 'Admit a supplier system by its client certificate (PEM or SHA-256 fingerprint)',
        body: S.NewSupplierSystem,
        response: { 201: S.SupplierSystem, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await registerSupplierSystem(admin(request), request.body)),
  );
  app.put(
    '/api/tc/suppliers/:supplierId/mandates/:brin',
    {
      preHandler,
      schema: {
        ...adminSchema,
        summary: 'Grant a supplier system the mandate for a school',
        params: MandateParams,
        response: { 200: S.Mandate, ...errors },
      },
    },
    async (request) => grantMandate(admin(request), request.params),
  );
  app.delete(
    '/api/tc/suppliers/:supplierId/mandates/:brin',
    {
      preHandler,
      schema: {
        ...adminSchema,
        summary: 'Revoke a mandate (deactivates the supplier’s delivery points of the school)',
        params: MandateParams,
        response: {
          200: Type.Intersect([
            S.Mandate,
            Type.Object({ deactivatedDeliveryPoints: Type.Array(S.RoutingKey) }),
          ]),
          ...errors,
        },
      },
    },
    async (request) => revokeMandate(admin(request), request.params),
  );
  app.post(
    '/api/tc/delivery-points',
    {
      preHandler,
      schema: {
        ...adminSchema,
        summary: 'Register a delivery point',
        body: S.NewDeliveryPoint,
        response: { 201: S.DeliveryPoint, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await registerDeliveryPoint(admin(request), request.body)),
  );
  app.patch(
    '/api/tc/delivery-points/:routingKey',
    {
      preHandler,
      schema: {
        ...adminSchema,
        summary: 'Change a delivery point’s public key (after a key rotation) or URL',
        params: Type.Object({ routingKey: S.RoutingKey }),
        body: S.DeliveryPointChanges,
        response: { 200: S.DeliveryPoint, ...errors },
      },
    },
    async (request) => updateDeliveryPoint(admin(request), request.params.routingKey, request.body),
  );
  app.post(
    '/api/tc/delivery-points/:routingKey/deactivate',
    {
      preHandler,
      schema: {
        ...adminSchema,
        summary: 'Deactivate a delivery point',
        params: Type.Object({ routingKey: S.RoutingKey }),
        response: { 200: S.DeliveryPoint, ...errors },
      },
    },
    async (request) => deactivateDeliveryPoint(admin(request), request.params.routingKey),
  );
  app.post(
    '/api/tc/delivery-points/:routingKey/reactivate',
    {
      preHandler,
      schema: {
        ...adminSchema,
        summary: 'Reactivate a deactivated delivery point (same routing key, URL and public key)',
        params: Type.Object({ routingKey: S.RoutingKey }),
        response: { 200: S.DeliveryPoint, ...errors },
      },
    },
    async (request) => reactivateDeliveryPoint(admin(request), request.params.routingKey),
  );
  app.get(
    '/api/tc/statistics/outcomes',
    {
      preHandler,
      schema: {
        ...adminSchema,
        summary: 'Outcomes of closed sessions per pair of schools',
        querystring: Type.Object({
          brin: Type.Optional(S.Brin),
          from: Type.Optional(S.Day),
          to: Type.Optional(S.Day),
        }),
        response: { 200: S.OutcomeStatistics, ...errors },
      },
    },
    async (request) => outcomeStatistics(admin(request), request.query),
  );
}

/** The public list of admitted schools. */
function publicRoutes(app: HttpServer, db: Db, now: () => Date): void {
  app.get(
    '/api/public/schools',
    {
      schema: {
        tags: ['public'],
        security: [],
        summary: 'Schools admitted to the transfer service (search by name, BRIN or place)',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
        }),
        response: { 200: S.PublicSchoolPage, 400: S.ErrorBody },
      },
    },
    async (request) => searchAdmittedSchools({ db, now }, request.query),
  );
}

const NO_KEYRING: Keyring = {
  encrypt() {
    throw new AppError('INTERNAL', { reason: 'the traffic center encrypts nothing' });
  },
  decrypt() {
    throw new AppError('INTERNAL', { reason: 'the traffic center encrypts nothing' });
  },
};
