import { Type } from '@fastify/type-provider-typebox';
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

/**
 * Hosting over time (gateway:admin): rotating a delivery point's key pair, and no longer hosting a
 * school. Both answer what the chain operator then does at the traffic center.
 */
export function registerHostingRoutes(api: ApiScope, kit: RouteKit): void {
  const { deps, ctx, preHandler, tags, p } = kit;
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
}
