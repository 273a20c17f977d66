import { Type } from '@fastify/type-provider-typebox';
import { correctRegistration } from '../receiving/correct-registration.js';
import { asJson, exportReceivedDossier } from '../receiving/export-received-dossier.js';
import { listRegistrations } from '../receiving/list-registrations.js';
import { markImported, rejectReceived } from '../receiving/mark-imported.js';
import { registerPupil } from '../receiving/register-pupil.js';
import { requestAllOpen } from '../receiving/request-all-open.js';
import { requestDossier } from '../receiving/request-dossier.js';
import type { ApiScope, RouteKit } from './route-kit.js';
import * as S from './schemas.js';

/** The receiving side: registrations, requests (one and bulk), received dossiers. */
export function registerReceivingRoutes(api: ApiScope, kit: RouteKit): void {
  const { deps, ctx, preHandler, tags, p } = kit;
  // ---- receiving side: registrations, requests, received dossiers ---------------------------
  const r = `${p}/:brin/registrations`;
  api.post(
    r,
    {
      preHandler,
      schema: {
        ...tags('gateway: registrations'),
        summary: 'Record a registration (aanmelding); notifies the source school',
        params: S.SchoolParams,
        body: S.RegistrationBody,
        response: { 201: S.RegistrationOut, ...S.errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await registerPupil(ctx(request), deps.chain, {
          schoolBrin: request.params.brin,
          ...request.body,
        }),
      ),
  );
  api.get(
    r,
    {
      preHandler,
      schema: {
        ...tags('gateway: registrations'),
        summary: 'Registrations with their state and last result',
        params: S.SchoolParams,
        querystring: S.RegistrationListQuery,
        response: { 200: Type.Array(S.RegistrationListItem), ...S.errors },
      },
    },
    async (request) => listRegistrations(ctx(request), { schoolBrin: request.params.brin, ...request.query }),
  );
  api.patch(
    `${r}/:registrationId`,
    {
      preHandler,
      schema: {
        ...tags('gateway: registrations'),
        summary: 'Correct a registration (e.g. after LeerlingNietGevonden) before requesting again',
        params: S.RegistrationParams,
        body: Type.Partial(S.RegistrationBody, { minProperties: 1 }),
        response: { 200: S.RegistrationCorrected, ...S.errors },
      },
    },
    async (request) =>
      correctRegistration(ctx(request), deps.chain, {
        schoolBrin: request.params.brin,
        registrationId: request.params.registrationId,
        ...request.body,
      }),
  );
  api.post(
    `${r}/:registrationId/request`,
    {
      preHandler,
      schema: {
        ...tags('gateway: registrations'),
        summary: 'Request the dossier of one registration',
        params: S.RegistrationParams,
        response: { 200: S.RequestResultOut, ...S.errors },
      },
    },
    async (request) =>
      requestDossier(ctx(request), deps.chain, {
        schoolBrin: request.params.brin,
        registrationId: request.params.registrationId,
      }),
  );
  api.post(
    `${p}/:brin/requests`,
    {
      preHandler,
      schema: {
        ...tags('gateway: registrations'),
        summary: 'Request the dossiers of all open registrations',
        params: S.SchoolParams,
        response: { 200: S.BulkRequestOut, ...S.errors },
      },
    },
    async (request) => requestAllOpen(ctx(request), deps.chain, { schoolBrin: request.params.brin }),
  );
  api.get(
    `${p}/:brin/received`,
    {
      preHandler,
      schema: {
        ...tags('gateway: received'),
        summary: 'Registrations with a received dossier',
        params: S.SchoolParams,
        response: { 200: Type.Array(S.RegistrationListItem), ...S.errors },
      },
    },
    async (request) =>
      listRegistrations(ctx(request), { schoolBrin: request.params.brin, receivedOnly: true }),
  );
  api.get(
    `${r}/:registrationId/dossier`,
    {
      preHandler,
      schema: {
        ...tags('gateway: received'),
        summary: 'Export the received dossier as OSO XML (default) or JSON (the typed model)',
        params: S.RegistrationParams,
        querystring: S.ExportQuery,
      },
    },
    async (request, reply) => {
      const exported = await exportReceivedDossier(ctx(request), {
        schoolBrin: request.params.brin,
        registrationId: request.params.registrationId,
      });
      if (request.query.format === 'json') {
        const { xml: _xml, ...meta } = exported;
        return reply.type('application/json').send({ ...meta, dossier: asJson(exported) });
      }
      return reply.type('application/xml; charset=utf-8').send(exported.xml);
    },
  );
  api.post(
    `${r}/:registrationId/import`,
    {
      preHandler,
      schema: {
        ...tags('gateway: received'),
        summary: 'Mark the received dossier as imported (ingelezen)',
        params: S.RegistrationParams,
        response: { 200: Type.Object({ registrationId: S.Uuid, state: S.RegistrationState }), ...S.errors },
      },
    },
    async (request) =>
      markImported(ctx(request), {
        schoolBrin: request.params.brin,
        registrationId: request.params.registrationId,
      }),
  );
  api.post(
    `${r}/:registrationId/reject`,
    {
      preHandler,
      schema: {
        ...tags('gateway: received'),
        summary: 'Reject the received dossier, with a reason',
        params: S.RegistrationParams,
        body: S.RejectBody,
        response: { 200: Type.Object({ registrationId: S.Uuid, state: S.RegistrationState }), ...S.errors },
      },
    },
    async (request) =>
      rejectReceived(ctx(request), {
        schoolBrin: request.params.brin,
        registrationId: request.params.registrationId,
        reason: request.body.reason,
      }),
  );
}
