import { Type } from '@fastify/type-provider-typebox';
import { AppError } from '../../platform/errors.js';
import { correctRegistration } from '../receiving/correct-registration.js';
import { exportReceivedDossier } from '../receiving/export-received-dossier.js';
import { exportReceivedDossierJson } from '../receiving/export-received-dossier-json.js';
import { importRegistrationsCsv } from '../receiving/import-registrations-csv.js';
import { listRegistrations } from '../receiving/list-registrations.js';
import { markImported, rejectReceived } from '../receiving/mark-imported.js';
import { readRegistration } from '../receiving/read-registration.js';
import { registerPupil } from '../receiving/register-pupil.js';
import { MAX_CSV_BYTES } from '../receiving/registrations-csv.js';
import { registrationsCsvTemplate } from '../receiving/registrations-csv-template.js';
import { requestAllOpen } from '../receiving/request-all-open.js';
import { requestDossier } from '../receiving/request-dossier.js';
import { viewReceivedDossier } from '../receiving/view-received-dossier.js';
import type { ApiScope, RouteKit } from './route-kit.js';
import * as S from './schemas.js';

/** The receiving side: registrations, requests (one and bulk), received dossiers. */
export function registerReceivingRoutes(api: ApiScope, kit: RouteKit): void {
  const { deps, ctx, preHandler, tags, p } = kit;
  // ---- receiving side: registrations, requests, received dossiers ---------------------------
  const r = `${p}/:brin/registrations`;
  // CSV uploads of registrations: the raw bytes (the use case reads and bounds them); a little
  // more than the use case's limit, so that a file just too large gets its own clear answer.
  api.addContentTypeParser(
    ['text/csv', 'application/csv'],
    { parseAs: 'buffer', bodyLimit: 2 * MAX_CSV_BYTES },
    (_request, body, done) => done(null, body),
  );
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
  api.post(
    `${r}/csv`,
    {
      preHandler,
      bodyLimit: 2 * MAX_CSV_BYTES,
      schema: {
        ...tags('gateway: registrations'),
        summary:
          'Record the registrations of a CSV file (UTF-8, ; or , separated, Dutch header row; see csv-template): all or nothing',
        description:
          'Every line is checked as one registration; any problem answers 400 REGISTRATIONS_CSV_INVALID with `details.problems` = [{line, column, field?, message: {nl, en}}] and stores nothing.',
        params: S.SchoolParams,
        response: { 201: S.CsvImportOut, ...S.errors },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) {
        throw new AppError('VALIDATION_FAILED', { reason: 'send the file as text/csv' });
      }
      return reply.status(201).send(
        await importRegistrationsCsv(ctx(request), deps.chain, {
          schoolBrin: request.params.brin,
          csv: request.body,
        }),
      );
    },
  );
  api.get(
    `${r}/csv-template`,
    {
      preHandler,
      schema: {
        ...tags('gateway: registrations'),
        summary: 'The CSV template for registrations (header row with the Dutch column names)',
        params: S.SchoolParams,
      },
    },
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="aanmeldingen-sjabloon.csv"')
        .send(registrationsCsvTemplate(ctx(request), { schoolBrin: request.params.brin })),
  );
  api.get(
    `${r}/:registrationId`,
    {
      preHandler,
      schema: {
        ...tags('gateway: registrations'),
        summary:
          'One registration with its request history (and, for registration:write, the pupil’s number)',
        params: S.RegistrationParams,
        response: { 200: S.RegistrationDetail, ...S.errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return readRegistration(ctx(request), {
        schoolBrin: request.params.brin,
        registrationId: request.params.registrationId,
      });
    },
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
        ...(deps.instanceId ? { instanceId: deps.instanceId } : {}),
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
    async (request) =>
      requestAllOpen(ctx(request), deps.chain, {
        schoolBrin: request.params.brin,
        ...(deps.instanceId ? { instanceId: deps.instanceId } : {}),
      }),
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
        summary:
          'Export the received dossier as OSO XML (default; complete, needs received:write) or JSON (the typed model; support information only with received:support)',
        params: S.RegistrationParams,
        querystring: S.ExportQuery,
      },
    },
    async (request, reply) => {
      const input = { schoolBrin: request.params.brin, registrationId: request.params.registrationId };
      reply.header('cache-control', 'no-store');
      if (request.query.format === 'json') {
        return reply.type('application/json').send(await exportReceivedDossierJson(ctx(request), input));
      }
      const { xml } = await exportReceivedDossier(ctx(request), input);
      return reply.type('application/xml; charset=utf-8').send(xml);
    },
  );
  api.get(
    `${r}/:registrationId/dossier.html`,
    {
      preHandler,
      schema: {
        ...tags('gateway: received'),
        summary:
          'The received dossier rendered for people (HTML, no scripts); support information only with received:support',
        params: S.RegistrationParams,
        querystring: S.DossierViewQuery,
      },
    },
    async (request, reply) => {
      const { html } = await viewReceivedDossier(ctx(request), {
        schoolBrin: request.params.brin,
        registrationId: request.params.registrationId,
        ...(request.query.lang ? { lang: request.query.lang } : {}),
      });
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
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
