import { Type } from '@fastify/type-provider-typebox';
import { MAX_ATTACHMENT_BYTES } from '../sending/attachment-files.js';
import { MAX_BULK_DOSSIERS } from '../sending/bulk-dossier-action.js';
import { DossierListItem, Finding, Message, Schooljaar, Timestamp, Uuid } from './schemas.js';

/**
 * Wire shapes of the po school's worklist routes (worklist-routes.ts): the dossier overview, the
 * fields a school edits, attachments and bulk actions.
 */
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Text = (maxLength: number) => Type.Optional(Nullable(Type.String({ maxLength })));

export const SchoolFieldsOut = Type.Object({
  advies: Type.Optional(Type.String()),
  wensouders: Type.Optional(Type.String()),
  wensleerling: Type.Optional(Type.String()),
  herzienadvies: Type.Optional(Type.String()),
  motivatie_herzienadvies: Type.Optional(Type.String()),
  profiel: Type.Optional(Type.String()),
  argumentatie: Type.Optional(Type.String()),
  aandachtspunten: Type.Optional(Type.String()),
  contactnodig: Type.Optional(Type.Boolean()),
  contactpersoon: Type.Optional(Type.String()),
  contacttelefoon: Type.Optional(Type.String()),
  contactemail: Type.Optional(Type.String()),
});

export const DossierOverviewOut = Type.Object({
  ...DossierListItem.properties,
  pupil: Type.Object({
    achternaam: Type.String(),
    voorvoegsel: Type.Optional(Type.String()),
    roepnaam: Type.Optional(Type.String()),
    voornamen: Type.Array(Type.String()),
    geboortedatum: Type.String(),
  }),
  inspectionRequired: Type.Boolean(),
  findings: Type.Array(Finding),
  inspectionFindings: Type.Array(Finding, {
    description: 'findings of the inspection rules while the version waits for the parents’ inspection',
  }),
  fields: SchoolFieldsOut,
  attachments: Type.Array(
    Type.Object({
      position: Type.Integer(),
      own: Type.Boolean(),
      category: Type.String(),
      bestandsnaam: Type.String(),
      omschrijving: Nullable(Type.String()),
      size: Type.Integer(),
    }),
  ),
  versions: Type.Array(
    Type.Object({
      version: Type.Integer(),
      origin: Type.String(),
      createdAt: Timestamp,
      errorCount: Type.Integer(),
      warningCount: Type.Integer(),
      awaitingInspection: Type.Integer(),
      frozenAt: Nullable(Timestamp),
      inspectedAt: Nullable(Timestamp),
    }),
  ),
  destinations: Type.Array(
    Type.Object({
      brin: Type.String(),
      schoolName: Nullable(Type.String()),
      state: Type.String(),
      version: Type.Integer(),
      readyAt: Timestamp,
      endedAt: Nullable(Timestamp),
    }),
  ),
});

export const SchoolFieldsBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'the version the change was made on' }),
    fields: Type.Object(
      {
        advies: Text(10),
        wensouders: Text(10),
        wensleerling: Text(10),
        herzienadvies: Text(10),
        motivatie_herzienadvies: Text(4000),
        profiel: Text(40),
        argumentatie: Text(4000),
        aandachtspunten: Text(280),
        contactnodig: Type.Optional(Nullable(Type.Boolean())),
        contactpersoon: Text(200),
        contacttelefoon: Text(40),
        contactemail: Text(254),
      },
      { additionalProperties: false },
    ),
  },
  { description: 'a value sets a field, null or "" removes it, an absent field stays as it is' },
);
export const FieldsSavedOut = Type.Object({
  dossierId: Uuid,
  version: Type.Integer(),
  state: Type.String(),
  profile: Type.String(),
  schooljaar: Schooljaar,
  withdrawnFrom: Type.Optional(Type.String()),
  errorCount: Type.Integer(),
  warningCount: Type.Integer(),
  awaitingInspection: Type.Integer(),
  findings: Type.Array(Finding),
  changed: Type.Optional(Type.Boolean()),
});

export const AttachmentBody = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  fileName: Type.String({ minLength: 1, maxLength: 200 }),
  omschrijving: Type.Optional(Type.String({ maxLength: 200 })),
  contentBase64: Type.String({
    minLength: 1,
    // base64 of the largest file, plus a little slack for line breaks
    maxLength: Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 1024,
    description: `the file, base64 (at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB)`,
  }),
});

export const AttachmentParams = Type.Object({
  brin: Type.String({ pattern: '^[0-9]{2}[A-Z]{2}$' }),
  dossierId: Uuid,
  position: Type.Integer({ minimum: 0, maximum: 10_000 }),
});
export const VersionQuery = Type.Object({ version: Type.Integer({ minimum: 1 }) });

export const BulkBody = Type.Object({
  action: Type.Union([Type.Literal('ter_inzage'), Type.Literal('klaarzetten')]),
  dossierIds: Type.Array(Uuid, { minItems: 1, maxItems: MAX_BULK_DOSSIERS }),
});
export const BulkOut = Type.Object({
  action: Type.String(),
  ok: Type.Integer(),
  unchanged: Type.Integer(),
  refused: Type.Integer(),
  outcomes: Type.Array(
    Type.Object({
      dossierId: Uuid,
      result: Type.Union([Type.Literal('ok'), Type.Literal('unchanged'), Type.Literal('refused')]),
      state: Type.Optional(Type.String()),
      destinationBrin: Type.Optional(Type.String()),
      code: Type.Optional(Type.String()),
      message: Type.Optional(Message),
    }),
  ),
});
