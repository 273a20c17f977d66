import type { FastifyReply } from 'fastify';
import type { Keyring } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import type { HttpServer } from '../../platform/http/server.js';
import { type RouteAuth, regionRouteKit } from '../route-kit.js';
import { addOkrField } from './add-okr-field.js';
import { attachOkrAddendum } from './attach-okr-addendum.js';
import { confirmOkrSuggestions } from './confirm-okr-suggestions.js';
import { decideOkrField } from './decide-okr-field.js';
import type { OkrDeps } from './deps.js';
import { getOkr } from './get-okr.js';
import { getOkrAddendum } from './get-okr-addendum.js';
import { importOkrFile } from './import-okr-file.js';
import { listOsoElements } from './list-oso-elements.js';
import { listSchoolOkrAddenda } from './list-school-okr-addenda.js';
import { printOkrAddendum } from './print-okr-addendum.js';
import { removeOkrField } from './remove-okr-field.js';
import * as S from './schemas.js';

export interface OkrRouteDeps extends OkrDeps {
  db: Db;
  keyring: Keyring;
  auth: RouteAuth;
  now?: () => Date;
}

/** Upload bodies: a 2 MB file as base64 inside JSON, with room to spare. */
const UPLOAD_BODY_LIMIT = 4 * 1024 * 1024;

/**
 * The OKR coverage routes under /api/region: the region's own transfer report beside the OSO
 * gegevensset (its people, region:read / region:admin), and the regional addendum that a member
 * po school fills in per pupil and attaches to the dossier (dossier:read / dossier:write at the
 * school). Routes only translate: authenticate → validate (TypeBox → OpenAPI) → use case.
 */
export function registerOkrRoutes(app: HttpServer, deps: OkrRouteDeps): void {
  const { api, ctxOf, preHandler, base } = regionRouteKit(app, deps, 'region: OKR');
  const r = '/api/region/regions/:regionId/okr';

  api.get(
    r,
    {
      preHandler,
      schema: {
        ...base,
        summary:
          'The region’s OKR: every field with suggestions, the decision and its coverage (what travels with OSO)',
        params: S.OkrParams,
        response: { 200: S.OkrView, ...S.errors },
      },
    },
    async (request) => getOkr(ctxOf(request), request.params.regionId),
  );
  api.get(
    `${r}/elements`,
    {
      preHandler,
      schema: {
        ...base,
        summary: 'The elements of the OSO gegevensset an OKR field can be mapped to, per delivery category',
        params: S.OkrParams,
        response: { 200: S.OsoElementCatalogue, ...S.errors },
      },
    },
    async (request) => listOsoElements(ctxOf(request), request.params.regionId),
  );
  api.post(
    `${r}/upload`,
    {
      preHandler,
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        ...base,
        summary: 'Replace the OKR’s fields by those of a CSV or XLSX file (all or nothing)',
        description:
          'Columns: field name, optional section, optional description (a header row with these words is recognised). Any problem answers 400 OKR_FILE_INVALID with `details.problems` = [{line, column, message: {nl, en}}] and stores nothing. Decisions of fields with the same section and name are kept.',
        params: S.OkrParams,
        body: S.OkrUpload,
        response: { 200: S.OkrImported, ...S.changeErrors },
      },
    },
    async (request) =>
      importOkrFile(ctxOf(request), {
        regionId: request.params.regionId,
        fileName: request.body.fileName,
        content: Buffer.from(request.body.contentBase64, 'base64'),
      }),
  );
  api.post(
    `${r}/fields`,
    {
      preHandler,
      schema: {
        ...base,
        summary: 'Add one field to the OKR (at the end), with suggestions',
        params: S.OkrParams,
        body: S.NewOkrField,
        response: { 201: S.OkrField, ...S.changeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addOkrField(ctxOf(request), { regionId: request.params.regionId, ...request.body })),
  );
  api.delete(
    `${r}/fields/:fieldId`,
    {
      preHandler,
      schema: {
        ...base,
        summary: 'Remove a field from the OKR',
        params: S.OkrFieldParams,
        response: { 204: { type: 'null' }, ...S.changeErrors },
      },
    },
    async (request, reply) => {
      await removeOkrField(ctxOf(request), request.params);
      return reply.status(204).send(null);
    },
  );
  api.put(
    `${r}/fields/:fieldId/mapping`,
    {
      preHandler,
      schema: {
        ...base,
        summary: 'Confirm or correct a field: its OSO element(s), “not in OSO” (addendum), or open again',
        params: S.OkrFieldParams,
        body: S.OkrDecision,
        response: { 200: S.OkrField, ...S.changeErrors },
      },
    },
    async (request) => decideOkrField(ctxOf(request), { ...request.params, decision: request.body }),
  );
  api.post(
    `${r}/confirm-suggestions`,
    {
      preHandler,
      schema: {
        ...base,
        summary:
          'Take over the first suggestion of every open field that is at least this sure (default: synonyms)',
        params: S.OkrParams,
        body: S.ConfirmSuggestions,
        response: { 200: S.SuggestionsConfirmed, ...S.changeErrors },
      },
    },
    async (request) =>
      confirmOkrSuggestions(ctxOf(request), {
        regionId: request.params.regionId,
        ...(request.body.minScore !== undefined ? { minScore: request.body.minScore } : {}),
      }),
  );
  api.get(
    `${r}/addendum`,
    {
      preHandler,
      schema: {
        ...base,
        summary: 'The regional addendum: the OKR fields confirmed as “not in OSO”, by section',
        params: S.OkrParams,
        response: { 200: S.AddendumForm, ...S.errors },
      },
    },
    async (request) => getOkrAddendum(ctxOf(request), request.params.regionId),
  );
  api.get(
    `${r}/addendum.pdf`,
    {
      preHandler,
      schema: {
        ...base,
        summary: 'The blank addendum as an A4 PDF, to fill in by hand',
        params: S.OkrParams,
        querystring: S.LangQuery,
      },
    },
    async (request, reply) => {
      const printed = await printOkrAddendum(ctxOf(request), deps, {
        regionId: request.params.regionId,
        lang: request.query.lang === 'en' ? 'en' : 'nl',
      });
      return sendPdf(reply, printed);
    },
  );
  api.get(
    '/api/region/schools/:brin/okr-addenda',
    {
      preHandler,
      schema: {
        ...base,
        summary: 'The addenda a po school fills in for its leaving pupils: one per region it is a member of',
        params: S.SchoolParams,
        response: { 200: S.SchoolAddenda, ...S.errors },
      },
    },
    async (request) => listSchoolOkrAddenda(ctxOf(request), request.params.brin),
  );
  api.get(
    '/api/region/schools/:brin/okr-addenda/:regionId/pdf',
    {
      preHandler,
      schema: {
        ...base,
        summary: 'A region’s blank addendum as an A4 PDF, for a member school',
        params: S.SchoolRegionParams,
        querystring: S.LangQuery,
      },
    },
    async (request, reply) => {
      const printed = await printOkrAddendum(ctxOf(request), deps, {
        regionId: request.params.regionId,
        brin: request.params.brin,
        lang: request.query.lang === 'en' ? 'en' : 'nl',
      });
      return sendPdf(reply, printed);
    },
  );
  api.post(
    '/api/region/schools/:brin/dossiers/:dossierId/okr-addendum',
    {
      preHandler,
      schema: {
        ...base,
        summary:
          'Fill in the region’s addendum for one pupil: the answers become a PDF in the dossier’s own attachments (a new version)',
        description:
          'Answers are checked per field: 400 OKR_ADDENDUM_INVALID with `details.problems` = [{fieldId, message: {nl, en}}]. A form that changed since it was shown answers 409 OKR_ADDENDUM_CHANGED.',
        params: S.SchoolDossierParams,
        body: S.FilledAddendum,
        response: { 201: S.AddendumAttached, ...S.changeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await attachOkrAddendum(ctxOf(request), deps, {
          schoolBrin: request.params.brin,
          dossierId: request.params.dossierId,
          version: request.body.version,
          regionId: request.body.regionId,
          formVersion: request.body.formVersion,
          values: request.body.values,
          filledBy: request.body.filledBy ?? null,
        }),
      ),
  );
}

function sendPdf(reply: FastifyReply, printed: { pdf: Buffer; fileName: string }) {
  return reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(printed.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .send(printed.pdf);
}
