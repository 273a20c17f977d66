import { addAttachment } from '../sending/add-attachment.js';
import { bulkDossierAction } from '../sending/bulk-dossier-action.js';
import { editDossierFields } from '../sending/edit-dossier-fields.js';
import { readAttachment } from '../sending/read-attachment.js';
import { readDossierOverview } from '../sending/read-dossier-overview.js';
import { removeAttachment } from '../sending/remove-attachment.js';
import type { ApiScope, RouteKit } from './route-kit.js';
import * as S from './schemas.js';
import * as W from './worklist-schemas.js';

/**
 * What a po school's worklist and dossier page need besides the sending routes: one dossier in one
 * answer, the fields the school writes, its own attachments and bulk actions for a whole groep 8.
 */
export function registerWorklistRoutes(api: ApiScope, kit: RouteKit): void {
  const { ctx, preHandler, tags, p } = kit;
  const d = `${p}/:brin/dossiers`;
  api.get(
    `${d}/:dossierId`,
    {
      preHandler,
      schema: {
        ...tags('gateway: dossiers'),
        summary: 'One dossier: state, findings, the school’s fields, attachments, versions, destinations',
        params: S.DossierParams,
        response: { 200: W.DossierOverviewOut, ...S.errors },
      },
    },
    async (request) =>
      readDossierOverview(ctx(request), {
        schoolBrin: request.params.brin,
        dossierId: request.params.dossierId,
      }),
  );
  api.put(
    `${d}/:dossierId/fields`,
    {
      preHandler,
      schema: {
        ...tags('gateway: dossiers'),
        summary: 'Edit advice, aandachtspunten and contact wishes (a new version, back to concept)',
        params: S.DossierParams,
        body: W.SchoolFieldsBody,
        response: { 200: W.FieldsSavedOut, ...S.errors },
      },
    },
    async (request) =>
      editDossierFields(ctx(request), {
        schoolBrin: request.params.brin,
        dossierId: request.params.dossierId,
        version: request.body.version,
        fields: request.body.fields,
      }),
  );
  api.post(
    `${d}/:dossierId/attachments`,
    {
      preHandler,
      schema: {
        ...tags('gateway: dossiers'),
        summary:
          'Add an attachment (e.g. the regional OKR addendum) to the dossier’s own list (a new version)',
        params: S.DossierParams,
        body: W.AttachmentBody,
        response: { 201: W.FieldsSavedOut, ...S.errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await addAttachment(ctx(request), {
          schoolBrin: request.params.brin,
          dossierId: request.params.dossierId,
          version: request.body.version,
          fileName: request.body.fileName,
          ...(request.body.omschrijving ? { omschrijving: request.body.omschrijving } : {}),
          content: Buffer.from(request.body.contentBase64, 'base64'),
        }),
      ),
  );
  api.get(
    `${d}/:dossierId/attachments/:position`,
    {
      preHandler,
      schema: {
        ...tags('gateway: dossiers'),
        summary: 'Open an attachment of the current version (the file inside its ZIP)',
        params: W.AttachmentParams,
      },
    },
    async (request, reply) => {
      const file = await readAttachment(ctx(request), {
        schoolBrin: request.params.brin,
        dossierId: request.params.dossierId,
        position: request.params.position,
      });
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength));
    },
  );
  api.delete(
    `${d}/:dossierId/attachments/:position`,
    {
      preHandler,
      schema: {
        ...tags('gateway: dossiers'),
        summary: 'Remove one of the dossier’s own attachments (overigdocumentlijst; a new version)',
        params: W.AttachmentParams,
        querystring: W.VersionQuery,
        response: { 200: W.FieldsSavedOut, ...S.errors },
      },
    },
    async (request) =>
      removeAttachment(ctx(request), {
        schoolBrin: request.params.brin,
        dossierId: request.params.dossierId,
        version: request.query.version,
        position: request.params.position,
      }),
  );
  api.post(
    `${d}/bulk`,
    {
      preHandler,
      schema: {
        ...tags('gateway: dossiers'),
        summary:
          'One action for many dossiers (up for inspection, or ready for the registered school); per dossier what happened',
        params: S.SchoolParams,
        body: W.BulkBody,
        response: { 200: W.BulkOut, ...S.errors },
      },
    },
    async (request) =>
      bulkDossierAction(ctx(request), {
        schoolBrin: request.params.brin,
        action: request.body.action,
        dossierIds: request.body.dossierIds,
      }),
  );
}
