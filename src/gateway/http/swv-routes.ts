import { Type } from '@fastify/type-provider-typebox';
import { readDossier } from '../../standard/index.js';
import { addDeliveryPoint } from '../hosting/add-delivery-point.js';
import { exportSwvDossier } from '../receiving/export-swv-dossier.js';
import { listSwvRequests } from '../receiving/list-swv-requests.js';
import { requestSwvDossier } from '../receiving/request-swv-dossier.js';
import { sendTerugkoppeling } from '../receiving/send-terugkoppeling.js';
import { listTerugkoppelingen } from '../sending/list-terugkoppelingen.js';
import type { ApiScope, RouteKit } from './route-kit.js';
import * as S from './schemas.js';
import * as W from './swv-schemas.js';

/**
 * Delivery points per purpose (SWV, RP), the SWV exchange by koppelsleutel (the samenwerkingsverband's
 * side; the school's side is klaarzetten, whose answer carries the key) and feedback (terugkoppeling).
 */
export function registerSwvRoutes(api: ApiScope, kit: RouteKit): void {
  const { deps, ctx, preHandler, tags, p } = kit;
  api.post(
    `${p}/:brin/delivery-points`,
    {
      preHandler,
      schema: {
        ...tags('gateway: schools'),
        summary: 'Add an SWV or RP (regional platform) delivery point to a hosted school',
        params: S.SchoolParams,
        body: W.DeliveryPointBody,
        response: { 201: W.DeliveryPointAdded, ...S.errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addDeliveryPoint(
            ctx(request),
            { brin: request.params.brin, purpose: request.body.purpose },
            { publicChainUrl: deps.publicChainUrl },
          ),
        ),
  );

  // ---- samenwerkingsverband: requests by koppelsleutel -------------------------------------
  const s = `${p}/:brin/swv-requests`;
  api.post(
    s,
    {
      preHandler,
      schema: {
        ...tags('gateway: swv'),
        summary: 'Request an SWV dossier with the koppelsleutel the school handed over (again: same key)',
        params: S.SchoolParams,
        body: W.SwvRequestIn,
        response: { 200: W.SwvRequestResultOut, ...S.errors },
      },
    },
    async (request) =>
      requestSwvDossier(ctx(request), deps.chain, {
        schoolBrin: request.params.brin,
        sourceBrin: request.body.sourceBrin,
        koppelsleutel: request.body.koppelsleutel,
        ...(deps.instanceId ? { instanceId: deps.instanceId } : {}),
      }),
  );
  api.get(
    s,
    {
      preHandler,
      schema: {
        ...tags('gateway: swv'),
        summary: 'SWV requests with their state, last result and received dossier',
        params: S.SchoolParams,
        response: { 200: Type.Array(W.SwvRequestListItem), ...S.errors },
      },
    },
    async (request) => listSwvRequests(ctx(request), { schoolBrin: request.params.brin }),
  );
  api.get(
    `${s}/:swvRequestId/dossier`,
    {
      preHandler,
      schema: {
        ...tags('gateway: swv'),
        summary: 'Export the received SWV dossier as OSO XML (default) or JSON (the typed model)',
        params: W.SwvRequestParams,
        querystring: S.ExportQuery,
      },
    },
    async (request, reply) => {
      const exported = await exportSwvDossier(ctx(request), {
        schoolBrin: request.params.brin,
        swvRequestId: request.params.swvRequestId,
      });
      if (request.query.format === 'json') {
        const { xml: _xml, ...meta } = exported;
        return reply.type('application/json').send({ ...meta, dossier: readDossier(exported.xml) });
      }
      return reply.type('application/xml; charset=utf-8').send(exported.xml);
    },
  );

  // ---- feedback (terugkoppeling) -----------------------------------------------------------
  api.post(
    `${p}/:brin/registrations/:registrationId/terugkoppeling`,
    {
      preHandler,
      schema: {
        ...tags('gateway: received'),
        summary:
          'Send feedback (terugkoppeling) about a pupil whose dossier was received to its source school',
        params: S.RegistrationParams,
        body: W.TerugkoppelingIn,
        response: { 201: W.TerugkoppelingCreated, ...S.errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await sendTerugkoppeling(ctx(request), {
          schoolBrin: request.params.brin,
          registrationId: request.params.registrationId,
          ...request.body,
        }),
      ),
  );
  api.get(
    `${p}/:brin/terugkoppelingen`,
    {
      preHandler,
      schema: {
        ...tags('gateway: dossiers'),
        summary: 'Feedback (terugkoppelingen) received about pupils whose dossier the school delivered',
        params: S.SchoolParams,
        response: { 200: Type.Array(W.TerugkoppelingListItem), ...S.errors },
      },
    },
    async (request) => listTerugkoppelingen(ctx(request), { schoolBrin: request.params.brin }),
  );
}
