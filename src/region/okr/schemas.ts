import { type TSchema, Type } from '@fastify/type-provider-typebox';
import { UUID_PATTERN } from '../../platform/uuid.js';
import { Brin, ErrorBody, RegionId } from '../schemas.js';

/** The shapes of the OKR routes under /api/region: runtime validation and OpenAPI, declared once. */

export { ErrorBody };
export const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
export const changeErrors = { ...errors, 409: ErrorBody, 422: ErrorBody };

const Message = Type.Object({ nl: Type.String(), en: Type.String() }, { description: 'Dutch and English' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/** A union of string literals (an enum in OpenAPI). */
const lit = <const T extends readonly string[]>(values: T) => Type.Enum(values);
const Uuid = Type.String({ pattern: UUID_PATTERN });

export const OkrParams = Type.Object({ regionId: RegionId });
export const OkrFieldParams = Type.Object({ regionId: RegionId, fieldId: Uuid });
export const SchoolParams = Type.Object({ brin: Brin });
export const SchoolRegionParams = Type.Object({ brin: Brin, regionId: RegionId });
export const SchoolDossierParams = Type.Object({
  brin: Brin,
  dossierId: Type.String({ minLength: 1, maxLength: 100 }),
});
export const LangQuery = Type.Object({ lang: Type.Optional(lit(['nl', 'en'] as const)) });

const Travel = lit(['travels', 'travelsIfDelivered', 'viaPlatform', 'forbidden'] as const);
const Coverage = lit([
  'open',
  'travels',
  'travelsIfDelivered',
  'viaPlatform',
  'forbidden',
  'addendum',
] as const);
const Mapping = lit(['open', 'oso', 'not_in_oso'] as const);

const ElementRef = Type.Object({
  path: Type.String({ description: 'below dossier, e.g. huidigeschool/leerling/overstapadvies/advies' }),
  known: Type.Boolean(),
  label: Message,
  context: Message,
  category: Nullable(Type.String({ description: 'the delivery category (categorie_uitlevering field)' })),
  categoryLabel: Nullable(Message),
  travel: Travel,
  requirement: Nullable(lit(['VERPLICHT', 'OPTIONEEL', 'VERBODEN'] as const)),
  rule: Nullable(Type.String()),
});

const Reason = Type.Union([
  Type.Object({ kind: Type.Literal('synonym'), term: Type.String() }),
  Type.Object({ kind: Type.Literal('section'), term: Type.String() }),
  Type.Object({ kind: Type.Literal('name'), label: Type.String() }),
]);

export const OkrField = Type.Object({
  id: Type.String(),
  position: Type.Integer(),
  name: Type.String(),
  section: Nullable(Type.String()),
  description: Nullable(Type.String()),
  suggestions: Type.Array(
    Type.Object({
      elements: Type.Array(ElementRef),
      notInOso: Type.Boolean(),
      score: Type.Number({ description: '0..1' }),
      reason: Reason,
      nearest: Type.Array(ElementRef),
      note: Nullable(Message),
    }),
  ),
  mapping: Mapping,
  elements: Type.Array(ElementRef),
  decidedAt: Nullable(Type.String()),
  coverage: Coverage,
});

export const OkrView = Type.Object({
  regionId: Type.String(),
  regionName: Type.String(),
  eindtoetsRoute: lit(['oso', 'platform'] as const),
  source: Nullable(Type.Object({ fileName: Nullable(Type.String()), updatedAt: Type.String() })),
  fields: Type.Array(OkrField),
  summary: Type.Object({
    open: Type.Integer(),
    travels: Type.Integer(),
    travelsIfDelivered: Type.Integer(),
    viaPlatform: Type.Integer(),
    forbidden: Type.Integer(),
    addendum: Type.Integer(),
    total: Type.Integer(),
  }),
});

export const OkrUpload = Type.Object({
  fileName: Type.String({ minLength: 1, maxLength: 255, description: 'e.g. okr.csv or okr.xlsx' }),
  contentBase64: Type.String({ minLength: 1, maxLength: 3_000_000, description: 'the file, base64' }),
});

export const OkrImported = Type.Object({
  okr: OkrView,
  kept: Type.Integer(),
  ignoredColumns: Type.Array(Type.String()),
});

export const NewOkrField = Type.Object({
  name: Type.String({ maxLength: 400 }),
  section: Type.Optional(Nullable(Type.String({ maxLength: 400 }))),
  description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
});

export const OkrDecision = Type.Union([
  Type.Object({
    mapping: Type.Literal('oso'),
    elements: Type.Array(Type.String({ maxLength: 300 }), { minItems: 1, maxItems: 10 }),
  }),
  Type.Object({ mapping: Type.Literal('not_in_oso') }),
  Type.Object({ mapping: Type.Literal('open') }),
]);

export const ConfirmSuggestions = Type.Object({
  minScore: Type.Optional(Type.Number({ minimum: 0.5, maximum: 1 })),
});
export const SuggestionsConfirmed = Type.Object({ confirmed: Type.Integer(), okr: OkrView });

const ElementEntry = Type.Object({
  ...ElementRef.properties,
  description: Type.String(),
  block: Type.Boolean(),
});
export const OsoElementCatalogue = Type.Object({
  categories: Type.Array(
    Type.Object({ category: Type.String(), label: Message, elements: Type.Array(ElementEntry) }),
  ),
});

export const AddendumForm = Type.Object({
  regionId: Type.String(),
  regionName: Type.String(),
  sections: Type.Array(
    Type.Object({
      section: Nullable(Type.String()),
      fields: Type.Array(
        Type.Object({
          id: Type.String(),
          name: Type.String(),
          section: Nullable(Type.String()),
          description: Nullable(Type.String()),
        }),
      ),
    }),
  ),
  fieldCount: Type.Integer(),
  version: Type.String(),
});

export const SchoolAddenda = Type.Object({ brin: Type.String(), addenda: Type.Array(AddendumForm) });

export const FilledAddendum = Type.Object({
  regionId: RegionId,
  version: Type.Integer({ minimum: 1, description: 'the dossier version the person was looking at' }),
  formVersion: Type.String({ maxLength: 64 }),
  values: Type.Array(
    Type.Object({ fieldId: Type.String({ maxLength: 64 }), value: Type.String({ maxLength: 20_000 }) }),
    { maxItems: 300 },
  ),
  filledBy: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
});

export const AddendumAttached = Type.Object({
  dossierId: Type.String(),
  version: Type.Integer(),
  state: Type.String(),
  fileName: Type.String(),
});
