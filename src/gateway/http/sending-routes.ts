import { Type } from '@fastify/type-provider-typebox';
import { listHostedSchools } from '../hosting/hosted-schools.js';
import { registerHostedSchool } from '../hosting/register-hosted-school.js';
import { createDossierFromGenerated } from '../sending/create-dossier-from-generated.js';
import { editDossier } from '../sending/edit-dossier.js';
import { expireReadyDossiers, setRegionSummerSwitch } from '../sending/expire-ready-dossiers.js';
import { importDossier } from '../sending/import-dossier.js';
import { klaarzetten } from '../sending/klaarzetten.js';
import { listDossiers } from '../sending/list-dossiers.js';
import { putUpForInspection } from '../sending/put-up-for-inspection.js';
import { readDossierDocument } from '../sending/read-dossier.js';
import { recordInspection } from '../sending/record-inspection.js';
import { withdrawDossier } from '../sending/withdraw-dossier.js';
import type { ApiScope, RouteKit } from './route-kit.js';
import * as S from './schemas.js';

/** The sending side: hosted schools, dossiers, inspection, klaarzetten, the summer switch. */
export function registerSendingRoutes(api: ApiScope, kit: RouteKit): void {
  const { deps, ctx, preHandler, tags, xmlOf, p } = kit;
  // ---- hosted schools --------------------------------------------------------------------
  api.post(
    p,
    {
      preHandler,
      schema: {
        ...tags('gateway: schools'),
        summary: 'Host a school (creates its OV delivery point)',
        body: S.HostedSchoolBody,
        response: { 201: S.HostedSchoolCreated, ...S.errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await registerHostedSchool(ctx(request), request.body, { publicChainUrl: deps.publicChainUrl }),
        ),
  );
  api.get(
    p,
    {
      preHandler,
      schema: {
        ...tags('gateway: schools'),
        summary: 'Hosted schools you may act for',
        response: { 200: Type.Array(S.HostedSchoolOut), ...S.errors },
      },
    },
    async (request) => listHostedSchools(ctx(request)),
  );

  // ---- sending side: dossiers -------------------------------------------------------------
  const d = `${p}/:brin/dossiers`;
  api.post(
    d,
    {
      preHandler,
      schema: {
        ...tags('gateway: dossiers'),
        summary: 'Import a dossier (OSO XML); strict validation, findings kept',
        params: S.SchoolParams,
        querystring: Type.Object({ schooljaar: Type.Optional(S.Schooljaar) }),
        consumes: ['application/xml'],
        response: { 201: S.SavedDossierOut, ...S.errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await importDossier(ctx(request), {
          schoolBrin: request.params.brin,
          xml: xmlOf(request.body),
          ...request.query,
        }),
      ),
  );
  api.post(
    `${d}/generated`,
    {
      preHandler,
      schema: {
        ...tags('gateway: dossiers'),
        summary: 'Create a synthetic dossier (demo)',
        params: S.SchoolParams,
        body: S.GeneratedDossierBody,
        response: { 201: S.SavedDossierOut, ...S.errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createDossierFromGenerated(ctx(request), {
          schoolBrin: request.params.brin,
          ...request.body,
        }),
      ),
  );
  api.get(
    d,
    {
      preHandler,
      schema: {
        ...tags('gateway: dossiers'),
        summary: 'The school’s dossiers with their state',
        params: S.SchoolParams,
        querystring: S.DossierListQuery,
        response: { 200: Type.Array(S.DossierListItem), ...S.errors },
      },
    },
    async (request) => listDossiers(ctx(request), { schoolBrin: request.params.brin, ...request.query }),
  );
  api.get(
    `${d}/:dossierId/xml`,
    {
      preHandler,
      schema: {
        ...tags('gateway: dossiers'),
        summary: 'The current version as OSO XML',
        params: S.DossierParams,
      },
    },
    async (request, reply) => {
      const doc = await readDossierDocument(ctx(request), {
        schoolBrin: request.params.brin,
        dossierId: request.params.dossierId,
      });
      return reply
        .type('application/xml; charset=utf-8')
        .header('x-dossier-version', String(doc.version))
        .send(doc.xml);
    },
  );
  api.put(
    `${d}/:dossierId`,
    {
      preHandler,
      schema: {
        ...tags('gateway: dossiers'),
        summary: 'Edit: the document becomes a new version (back to concept)',
        params: S.DossierParams,
        consumes: ['application/xml'],
        response: { 200: S.SavedDossierOut, ...S.errors },
      },
    },
    async (request) =>
      editDossier(ctx(request), {
        schoolBrin: request.params.brin,
        dossierId: request.params.dossierId,
        xml: xmlOf(request.body),
      }),
  );
  api.post(
    `${d}/:dossierId/ter-inzage`,
    {
      preHandler,
      schema: {
        ...tags('gateway: dossiers'),
        summary: 'Put the current version up for the parents’ inspection (freezes it)',
        params: S.DossierParams,
        response: { 200: S.StateChange, ...S.errors },
      },
    },
    async (request) =>
      putUpForInspection(ctx(request), {
        schoolBrin: request.params.brin,
        dossierId: request.params.dossierId,
      }),
  );
  api.post(
    `${d}/:dossierId/inspection`,
    {
      preHandler,
      schema: {
        ...tags('gateway: dossiers'),
        summary: 'Record the parents’ inspection',
        params: S.DossierParams,
        body: S.InspectionBody,
        response: { 200: S.StateChange, ...S.errors },
      },
    },
    async (request) =>
      recordInspection(ctx(request), {
        schoolBrin: request.params.brin,
        dossierId: request.params.dossierId,
        ...request.body,
      }),
  );
  api.post(
    `${d}/:dossierId/klaarzetten`,
    {
      preHandler,
      schema: {
        ...tags('gateway: dossiers'),
        summary: 'Set ready for exactly one destination school (withdraws another)',
        params: S.DossierParams,
        body: S.KlaarzettenBody,
        response: { 200: S.StateChange, ...S.errors },
      },
    },
    async (request) =>
      klaarzetten(ctx(request), {
        schoolBrin: request.params.brin,
        dossierId: request.params.dossierId,
        ...request.body,
      }),
  );
  api.post(
    `${d}/:dossierId/withdraw`,
    {
      preHandler,
      schema: {
        ...tags('gateway: dossiers'),
        summary: 'Withdraw a ready dossier',
        params: S.DossierParams,
        response: { 200: S.StateChange, ...S.errors },
      },
    },
    async (request) =>
      withdrawDossier(ctx(request), {
        schoolBrin: request.params.brin,
        dossierId: request.params.dossierId,
      }),
  );
  api.post(
    '/api/gw/summer-switch',
    {
      preHandler,
      schema: {
        ...tags('gateway: dossiers'),
        summary: 'Run the summer switch now (ready dossiers expire)',
        body: Type.Object({ asOf: S.Timestamp, region: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 200: Type.Object({ expired: Type.Integer() }), ...S.errors },
      },
    },
    async (request) =>
      expireReadyDossiers(ctx(request), {
        asOf: new Date(request.body.asOf),
        ...(request.body.region ? { region: request.body.region } : {}),
      }),
  );
  api.put(
    '/api/gw/regions/:region/summer-switch',
    {
      preHandler,
      schema: {
        ...tags('gateway: dossiers'),
        summary: 'Give a region its own summer switch date (MM-DD); its next switch is scheduled',
        params: Type.Object({ region: Type.String({ minLength: 1, maxLength: 200 }) }),
        body: Type.Object({
          monthDay: Type.String({ pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' }),
        }),
        response: {
          200: Type.Object({ region: Type.String(), monthDay: Type.String(), next: S.Timestamp }),
          ...S.errors,
        },
      },
    },
    async (request) => {
      const set = await setRegionSummerSwitch(ctx(request), {
        region: request.params.region,
        monthDay: request.body.monthDay,
      });
      return { ...set, next: set.next.toISOString() };
    },
  );
}
