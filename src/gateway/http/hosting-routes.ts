import { Type } from '@fastify/type-provider-typebox';
import { activateDeliveryPoint } from '../hosting/activate-delivery-point.js';
import { issueApiKey, revokeIssuedApiKey } from '../hosting/issue-api-key.js';
import { type PurgeCounts, purgeEndedSchool, purgeEndedSchools } from '../hosting/purge-ended-school.js';
import { resumeHostingSchool } from '../hosting/resume-hosting-school.js';
import { rotateDeliveryPointKey } from '../hosting/rotate-delivery-point-key.js';
import { stopHostingSchool } from '../hosting/stop-hosting-school.js';
import type { ApiScope, RouteKit } from './route-kit.js';
import * as S from './schemas.js';

const Purpose = Type.Union([Type.Literal('OV'), Type.Literal('SWV'), Type.Literal('RP')]);
const PublicKey = Type.String({
  pattern: '^[A-Za-z0-9_-]{43}$',
  description: 'raw X25519 public key, base64url',
});

export const KeyRotationBody = Type.Object({
  purpose: Type.Optional(Purpose),
  /** Minutes the previous key still opens boxes sealed to it (default 60). */
  graceMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 7 * 24 * 60 })),
});
export const KeyRotated = Type.Object({
  brin: S.Brin,
  routingKey: Type.String(),
  purpose: Purpose,
  url: Type.String(),
  publicKey: PublicKey,
  previousPublicKey: PublicKey,
  previousKeyUsableUntil: S.Timestamp,
});
export const StopHostingBody = Type.Object({ retainUntil: Type.Optional(S.Day) });
export const HostingStopped = Type.Object({
  brin: S.Brin,
  hostingEndedAt: S.Timestamp,
  retainUntil: S.Day,
  deliveryPoints: Type.Array(Type.Object({ routingKey: Type.String(), purpose: Purpose })),
  withdrawnDossiers: Type.Integer({ minimum: 0 }),
});
export const HostingResumed = Type.Object({
  brin: S.Brin,
  resumedAt: S.Timestamp,
  ended: Type.Object({ hostingEndedAt: S.Timestamp, retainUntil: S.Day }),
  deliveryPoints: Type.Array(
    Type.Object({ routingKey: Type.String(), purpose: Purpose, active: Type.Boolean() }),
  ),
});
export const DeliveryPointParams = Type.Object({
  brin: S.Brin,
  routingKey: Type.String({ minLength: 1, maxLength: 200 }),
});
export const DeliveryPointActivated = Type.Object({
  brin: S.Brin,
  activated: Type.Boolean(),
  deliveryPoint: Type.Object({
    routingKey: Type.String(),
    purpose: Purpose,
    url: Type.String(),
    publicKey: PublicKey,
  }),
});

const Count = Type.Integer({ minimum: 0 });
/** Rows deleted per kind (purge-ended-school.ts PurgeCounts): counts only, never an id of a pupil. */
export const PurgeCountsSchema = Type.Object({
  pupils: Count,
  dossiers: Count,
  dossierVersions: Count,
  dossierDestinations: Count,
  koppelsleutels: Count,
  inspectionLinks: Count,
  inspectionSessions: Count,
  incomingRequests: Count,
  registrationNotices: Count,
  incomingTerugkoppelingen: Count,
  registrations: Count,
  outgoingRequests: Count,
  receivedDossiers: Count,
  outgoingTerugkoppelingen: Count,
  swvRequests: Count,
  swvReceivedDossiers: Count,
} satisfies Record<keyof PurgeCounts, typeof Count>);
export const SchoolPurged = Type.Object({
  brin: S.Brin,
  hostingEndedAt: S.Timestamp,
  retainUntil: S.Day,
  purgedAt: S.Timestamp,
  purgedNow: Type.Boolean({ description: 'false: purged before; nothing was deleted now' }),
  deleted: PurgeCountsSchema,
});
export const PurgeRunAnswer = Type.Object({
  purged: Type.Array(SchoolPurged),
  failed: Type.Array(Type.Object({ brin: S.Brin, code: Type.String(), reason: Type.String() })),
});

export const ApiKeyBody = Type.Object({
  kind: Type.Union([Type.Literal('school'), Type.Literal('supplier')]),
  schools: Type.Array(S.Brin, { minItems: 1, maxItems: 500 }),
  sector: Type.Optional(Type.Union([Type.Literal('po'), Type.Literal('vo')])),
  label: Type.Optional(Type.String({ maxLength: 200 })),
});
export const ApiKeyIssued = Type.Object({
  id: S.Uuid,
  key: Type.String({ description: 'the key itself, shown this once; only its hash is kept' }),
  kind: Type.String(),
  schools: Type.Array(S.Brin),
  permissions: Type.Array(Type.String()),
});

/**
 * Hosting over time (gateway:admin): rotating a delivery point's key pair, no longer hosting a
 * school, resuming it, activating a delivery point again, and deleting the data of a school whose
 * hosting ended once its retention is over. The changes of hosting each answer what the chain
 * operator then does at the traffic center.
 */
export function registerHostingRoutes(api: ApiScope, kit: RouteKit): void {
  const { deps, ctx, preHandler, tags, p } = kit;
  api.post(
    '/api/gw/api-keys',
    {
      preHandler,
      schema: {
        ...tags('gateway: schools'),
        summary:
          'Issue an API key for a hosted school or a supplier of hosted schools (default permissions of its kind; shown once)',
        body: ApiKeyBody,
        response: { 201: ApiKeyIssued, ...S.errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return reply.status(201).send(await issueApiKey(ctx(request), request.body));
    },
  );
  api.post(
    '/api/gw/api-keys/:id/revoke',
    {
      preHandler,
      schema: {
        ...tags('gateway: schools'),
        summary: 'Revoke a school’s or supplier’s API key, at once',
        params: Type.Object({ id: S.Uuid }),
        response: { 200: Type.Object({ id: S.Uuid, revoked: Type.Literal(true) }), ...S.errors },
      },
    },
    async (request) => revokeIssuedApiKey(ctx(request), { id: request.params.id }),
  );
  api.post(
    `${p}/:brin/delivery-points/rotate-key`,
    {
      preHandler,
      schema: {
        ...tags('gateway: schools'),
        summary:
          'Rotate the key pair of a school’s delivery point; register the new public key at the traffic center (PATCH /api/tc/delivery-points/{routingKey})',
        params: S.SchoolParams,
        body: KeyRotationBody,
        response: { 200: KeyRotated, ...S.errors },
      },
    },
    async (request) =>
      rotateDeliveryPointKey(
        ctx(request),
        { brin: request.params.brin, ...request.body },
        { publicChainUrl: deps.publicChainUrl },
      ),
  );
  api.post(
    `${p}/:brin/stop-hosting`,
    {
      preHandler,
      schema: {
        ...tags('gateway: schools'),
        summary:
          'Stop hosting a school: its delivery points inactive (deactivate them at the traffic center too), ready dossiers withdrawn, data kept until retainUntil',
        params: S.SchoolParams,
        body: StopHostingBody,
        response: { 200: HostingStopped, ...S.errors },
      },
    },
    async (request) => stopHostingSchool(ctx(request), { brin: request.params.brin, ...request.body }),
  );
  api.post(
    `${p}/:brin/resume-hosting`,
    {
      preHandler,
      schema: {
        ...tags('gateway: schools'),
        summary:
          'Resume hosting a school whose hosting ended while its data is kept; its delivery points stay inactive (activate or add one) and withdrawn dossiers stay withdrawn',
        params: S.SchoolParams,
        response: { 200: HostingResumed, ...S.errors, 410: S.ErrorBody },
      },
    },
    async (request) => resumeHostingSchool(ctx(request), { brin: request.params.brin }),
  );
  api.post(
    `${p}/:brin/purge`,
    {
      preHandler,
      schema: {
        ...tags('gateway: schools'),
        summary:
          'Delete now the personal data of a school whose hosting ended and whose retainUntil lies before today (the daily purge does it too); again for a purged school: its purge, nothing deleted',
        params: S.SchoolParams,
        response: { 200: SchoolPurged, ...S.errors },
      },
    },
    async (request) => purgeEndedSchool(ctx(request), { brin: request.params.brin }),
  );
  api.post(
    '/api/gw/retention/purge',
    {
      preHandler,
      schema: {
        ...tags('gateway: schools'),
        summary:
          'Delete now the personal data of every school the caller administers whose hosting ended and whose retainUntil lies before today, one transaction per school; the ones that failed are listed',
        response: { 200: PurgeRunAnswer, ...S.errors },
      },
    },
    async (request) => purgeEndedSchools(ctx(request)),
  );
  api.post(
    `${p}/:brin/delivery-points/:routingKey/activate`,
    {
      preHandler,
      schema: {
        ...tags('gateway: schools'),
        summary:
          'Activate an inactive delivery point of a hosted school again (same routing key and key pair); the traffic center must hand it out too (reactivate it there: POST /api/tc/delivery-points/{routingKey}/reactivate)',
        params: DeliveryPointParams,
        response: { 200: DeliveryPointActivated, ...S.errors },
      },
    },
    async (request) =>
      activateDeliveryPoint(
        ctx(request),
        { brin: request.params.brin, routingKey: request.params.routingKey },
        { publicChainUrl: deps.publicChainUrl },
      ),
  );
}
