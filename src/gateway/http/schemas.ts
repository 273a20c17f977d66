import { type Static, Type } from '@fastify/type-provider-typebox';
import { RESULT_CODES } from '../../platform/protocol.js';
import { UUID_PATTERN } from '../../platform/uuid.js';
import { PROFILE_CODES } from '../../standard/index.js';
import { REGISTRATION_STATES } from '../receiving/lifecycle.js';
import { DOSSIER_STATES } from '../sending/lifecycle.js';

/**
 * The gateway's wire shapes, declared once: the routes validate and document (OpenAPI) with them.
 * Chain shapes follow platform/protocol.ts.
 */
export const Brin = Type.String({ pattern: '^[0-9]{2}[A-Z]{2}$', description: 'BRIN code, e.g. 00YY' });
export const Uuid = Type.String({
  pattern: UUID_PATTERN,
});
export const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });
export const Timestamp = Type.String({ description: 'ISO 8601' });
export const Schooljaar = Type.String({ pattern: '^[0-9]{4}-[0-9]{4}$', description: 'YYYY-YYYY' });
export const ResultCode = Type.Enum([...RESULT_CODES], { description: 'an OSO-style result code' });
export const Message = Type.Object({ nl: Type.String(), en: Type.String() });
const Strings = <T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
export const Profile = Strings(PROFILE_CODES);
export const DossierState = Strings(DOSSIER_STATES);
export const RegistrationState = Strings(REGISTRATION_STATES);
export const Akkoord = Strings(['Ja', 'Nee', 'Onbekend'] as const);

// ---- chain (gateway ↔ gateway) ------------------------------------------------------------------

export const SealedBox = Type.Object({
  enc: Type.String({ maxLength: 200 }),
  ct: Type.String({ maxLength: 200_000_000 }),
});
export const RoutingKeyParams = Type.Object({ routingKey: Type.String({ minLength: 1, maxLength: 64 }) });

export const DocumentRequestBody = Type.Object({
  sessionId: Type.String({ minLength: 1, maxLength: 100 }),
  destinationBrin: Brin,
  identifiers: SealedBox,
  onlyIfChangedSince: Type.Optional(Timestamp),
  commitment: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' })),
});
export const DocumentResponseBody = Type.Object({
  result: ResultCode,
  dossier: Type.Optional(SealedBox),
  versionReadyAt: Type.Optional(Timestamp),
});
export const ReadyNoticeBody = Type.Object({
  sourceBrin: Brin,
  destinationBrin: Brin,
  identifiers: SealedBox,
});
export const RegistrationNoticeBody = Type.Object({
  sourceBrin: Brin,
  destinationBrin: Brin,
  registration: SealedBox,
});
export const NoticeAnswer = Type.Object({ result: Type.Union([Type.Literal('ok'), ResultCode]) });

// ---- API (integrators) --------------------------------------------------------------------------

export const ErrorBody = Type.Object({
  code: Type.String(),
  message: Message,
  details: Type.Record(Type.String(), Type.Unknown()),
});
export const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
};

export const Finding = Type.Object({
  rule: Type.String(),
  severity: Type.Union([Type.Literal('fout'), Type.Literal('waarschuwing')]),
  path: Type.String(),
  line: Type.Integer(),
  column: Type.Integer(),
  message: Message,
});

export const SchoolParams = Type.Object({ brin: Brin });
export const DossierParams = Type.Object({ brin: Brin, dossierId: Uuid });
export const RegistrationParams = Type.Object({ brin: Brin, registrationId: Uuid });

export const HostedSchoolBody = Type.Object({
  brin: Brin,
  vestiging: Type.String({ pattern: '^[0-9]{2}$' }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  sector: Strings(['po', 'vo', 'so', 'swv'] as const),
  region: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});
const DeliveryPointOut = Type.Object({
  routingKey: Type.String(),
  purpose: Strings(['OV', 'SWV', 'RP'] as const),
  publicKey: Type.String(),
  active: Type.Boolean(),
});
export const HostedSchoolOut = Type.Object({
  brin: Brin,
  vestiging: Type.String(),
  name: Type.String(),
  sector: Type.String(),
  region: Type.Union([Type.String(), Type.Null()]),
  /** Set when this gateway stopped hosting the school; its data is kept until retainUntil. */
  hostingEndedAt: Type.Union([Timestamp, Type.Null()]),
  retainUntil: Type.Union([Day, Type.Null()]),
  /** Set when the school's data was deleted after retainUntil. */
  purgedAt: Type.Union([Timestamp, Type.Null()]),
  deliveryPoints: Type.Array(DeliveryPointOut),
});
export const HostedSchoolCreated = Type.Object({
  brin: Brin,
  vestiging: Type.String(),
  name: Type.String(),
  sector: Type.String(),
  region: Type.Union([Type.String(), Type.Null()]),
  deliveryPoint: Type.Object({
    routingKey: Type.String(),
    purpose: Type.String(),
    url: Type.String(),
    publicKey: Type.String(),
  }),
});

export const SavedDossierOut = Type.Object({
  dossierId: Uuid,
  version: Type.Integer(),
  state: DossierState,
  profile: Profile,
  schooljaar: Schooljaar,
  withdrawnFrom: Type.Optional(Brin),
  errorCount: Type.Integer(),
  warningCount: Type.Integer(),
  awaitingInspection: Type.Integer({
    description:
      'errors of the inspection rules (OVa.IZ*) while the version has not been inspected: the open step, not in errorCount',
  }),
  findings: Type.Array(Finding),
});
export const DossierListItem = Type.Object({
  dossierId: Uuid,
  schooljaar: Schooljaar,
  profile: Profile,
  state: DossierState,
  version: Type.Integer(),
  revision: Type.Integer(),
  stateChangedAt: Timestamp,
  pupil: Type.Object({
    achternaam: Type.String(),
    voorvoegsel: Type.Optional(Type.String()),
    roepnaam: Type.Optional(Type.String()),
    geboortedatum: Day,
  }),
  groep: Type.Union([Type.String(), Type.Null()], { description: 'the current group, e.g. 8b' }),
  errorCount: Type.Integer(),
  warningCount: Type.Integer(),
  awaitingInspection: Type.Integer({
    description:
      'errors of the inspection rules (OVa.IZ*) while the version has not been inspected: the open step, not in errorCount',
  }),
  frozenAt: Type.Union([Timestamp, Type.Null()]),
  inspection: Type.Union([
    Type.Object({
      inzagedatum: Day,
      akkoord: Type.String(),
      toestemming: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
  destination: Type.Union([
    Type.Object({
      brin: Brin,
      schoolName: Type.Union([Type.String(), Type.Null()]),
      state: Type.String(),
      readyAt: Timestamp,
      endedAt: Type.Union([Timestamp, Type.Null()]),
    }),
    Type.Null(),
  ]),
  registeredAt: Type.Array(
    Type.Object({
      brin: Brin,
      schoolName: Type.Union([Type.String(), Type.Null()], { description: 'null: not hosted here' }),
      preferenceRank: Type.Union([Type.Integer(), Type.Null()]),
    }),
  ),
  requests: Type.Integer(),
  deliveries: Type.Object({ count: Type.Integer(), lastAt: Type.Union([Timestamp, Type.Null()]) }),
});
export const DossierListQuery = Type.Object({
  schooljaar: Type.Optional(Schooljaar),
  state: Type.Optional(DossierState),
});
export const GeneratedDossierBody = Type.Object({
  profile: Profile,
  seed: Type.Optional(Type.String({ maxLength: 100 })),
  index: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  schooljaar: Type.Optional(Schooljaar),
});
export const InspectionBody = Type.Object({
  inzagedatum: Day,
  akkoord: Akkoord,
  redenNietAkkoord: Type.Optional(Type.String({ maxLength: 4000 })),
  toestemming: Type.Optional(Akkoord),
});
export const KlaarzettenBody = Type.Object({ destinationBrin: Brin });
export const StateChange = Type.Object({
  dossierId: Uuid,
  state: DossierState,
  version: Type.Optional(Type.Integer()),
  destinationBrin: Type.Optional(Brin),
  readyAt: Type.Optional(Timestamp),
  withdrawnFrom: Type.Optional(Brin),
  frozenAt: Type.Optional(Timestamp),
  errorCount: Type.Optional(Type.Integer()),
  warningCount: Type.Optional(Type.Integer()),
  awaitingInspection: Type.Optional(Type.Integer()),
  koppelsleutel: Type.Optional(
    Type.String({ description: 'SWV dossier: the key to hand to the samenwerkingsverband (shown once)' }),
  ),
});

export const RegistrationBody = Type.Object({
  achternaam: Type.String({ minLength: 1, maxLength: 200 }),
  voorvoegsel: Type.Optional(Type.String({ maxLength: 100 })),
  roepnaam: Type.Optional(Type.String({ maxLength: 100 })),
  bsn: Type.Optional(Type.String({ maxLength: 20 })),
  onderwijsnummer: Type.Optional(Type.String({ maxLength: 20 })),
  geboortedatum: Day,
  sourceBrin: Brin,
  preferenceRank: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
});
export type RegistrationBody = Static<typeof RegistrationBody>;
export const RegistrationOut = Type.Object({
  registrationId: Uuid,
  schoolBrin: Brin,
  sourceBrin: Brin,
  preferenceRank: Type.Union([Type.Integer(), Type.Null()]),
  state: RegistrationState,
});
export const RegistrationCorrected = Type.Object({
  registrationId: Uuid,
  state: RegistrationState,
  sourceBrin: Brin,
  preferenceRank: Type.Union([Type.Integer(), Type.Null()]),
});
export const RegistrationListItem = Type.Object({
  registrationId: Uuid,
  sourceBrin: Brin,
  sourceSchoolName: Type.Union([Type.String(), Type.Null()], {
    description: 'the source school’s name where this gateway hosts it too, else null',
  }),
  preferenceRank: Type.Union([Type.Integer(), Type.Null()]),
  state: RegistrationState,
  pupil: Type.Object({
    achternaam: Type.String(),
    voorvoegsel: Type.Optional(Type.String()),
    roepnaam: Type.Optional(Type.String()),
    geboortedatum: Day,
  }),
  createdAt: Timestamp,
  requestedAt: Type.Union([Timestamp, Type.Null()]),
  lastResult: Type.Union([ResultCode, Type.Null()]),
  lastResultAt: Type.Union([Timestamp, Type.Null()]),
  explanation: Type.Union([Message, Type.Null()]),
  received: Type.Union([
    Type.Object({
      receivedDossierId: Uuid,
      receivedAt: Timestamp,
      versionReadyAt: Type.Union([Timestamp, Type.Null()]),
      errorCount: Type.Integer(),
      warningCount: Type.Integer(),
      importedAt: Type.Union([Timestamp, Type.Null()]),
    }),
    Type.Null(),
  ]),
});
export const RegistrationListQuery = Type.Object({ state: Type.Optional(RegistrationState) });
export const RequestResultOut = Type.Object({
  registrationId: Uuid,
  requestId: Uuid,
  result: ResultCode,
  state: RegistrationState,
  explanation: Message,
  receivedDossierId: Type.Optional(Uuid),
});
export const BulkRequestOut = Type.Object({
  requested: Type.Integer(),
  results: Type.Array(RequestResultOut),
  byResult: Type.Record(Type.String(), Type.Integer()),
});
export const RejectBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) });
export const ExportQuery = Type.Object({ format: Type.Optional(Strings(['xml', 'json'] as const)) });
export const RegistrationDetail = Type.Object({
  ...RegistrationListItem.properties,
  ...Type.Object({
    number: Type.Union([
      Type.Object({ bsn: Type.Optional(Type.String()), onderwijsnummer: Type.Optional(Type.String()) }),
      Type.Null(),
    ]),
    rejectReason: Type.Union([Type.String(), Type.Null()]),
    requests: Type.Array(
      Type.Object({
        requestId: Uuid,
        trigger: Strings(['manual', 'bulk', 'notice', 'retry'] as const),
        result: ResultCode,
        explanation: Message,
        requestedAt: Timestamp,
        answeredAt: Timestamp,
      }),
    ),
    requestable: Type.Boolean(),
  }).properties,
});
export const CsvImportOut = Type.Object({ created: Type.Integer(), registrationIds: Type.Array(Uuid) });
export const DossierViewQuery = Type.Object({ lang: Type.Optional(Strings(['nl', 'en'] as const)) });
