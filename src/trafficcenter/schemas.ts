import { type Static, Type } from '@fastify/type-provider-typebox';
import {
  type DeliveryPointRef as ProtocolDeliveryPointRef,
  RESULT_CODES,
  type SessionCheckRequest,
  type SessionCloseRequest,
  type SessionStartRequest,
} from '../platform/protocol.js';
import { UUID_PATTERN } from '../platform/uuid.js';

/**
 * The traffic center's wire shapes, declared once: the routes validate and document with them
 * (OpenAPI), the use cases take their `Static` types as input and output. The chain shapes are
 * those of platform/protocol.ts; the type assertions at the bottom keep the two in step at compile
 * time.
 */

export const Brin = Type.String({ pattern: '^[0-9]{2}[A-Z]{2}$', description: 'BRIN code, e.g. 00YY' });
export const Vestiging = Type.String({
  pattern: '^[0-9]{2}$',
  description: 'Vestiging (location), 2 digits',
});
export const Sector = Type.Union([
  Type.Literal('po'),
  Type.Literal('vo'),
  Type.Literal('so'),
  Type.Literal('swv'),
]);
export const Purpose = Type.Union([Type.Literal('OV'), Type.Literal('SWV'), Type.Literal('RP')]);
export const Kind = Type.Union([
  Type.Literal('overstapdossier'),
  Type.Literal('binnenbrin'),
  Type.Literal('swv'),
]);
export const RoutingKey = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$' });
export const Commitment = Type.String({
  pattern: '^[A-Za-z0-9_-]{43}$',
  description: 'base64url SHA-256 over the pupil identifiers and a salt; never the identifiers',
});
export const PublicKey = Type.String({
  pattern: '^[A-Za-z0-9_-]{43}$',
  description: 'raw X25519 public key, base64url',
});
export const Url = Type.String({ pattern: '^https?://\\S+$', maxLength: 500 });
export const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });
export const Timestamp = Type.String({ description: 'ISO 8601' });
export const Uuid = Type.String({
  pattern: UUID_PATTERN,
});
const Name = Type.String({ minLength: 1, maxLength: 200 });
const ResultCodeSchema = Type.Enum([...RESULT_CODES], { description: 'an OSO-style result code' });

export { ResultCodeSchema as ResultCode };

// ---- registry ----------------------------------------------------------------------------------

export const School = Type.Object({
  brin: Brin,
  vestiging: Vestiging,
  name: Name,
  sector: Sector,
  /** The board (bevoegd gezag): its name or number. */
  board: Name,
  region: Type.Union([Name, Type.Null()]),
  /** Place (plaatsnaam), for the public search. */
  place: Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()]),
});
export type School = Static<typeof School>;

export const NewSchool = Type.Object({
  brin: Brin,
  vestiging: Vestiging,
  name: Name,
  sector: Sector,
  board: Name,
  region: Type.Optional(Type.Union([Name, Type.Null()])),
  place: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()])),
});
export type NewSchool = Static<typeof NewSchool>;

export const SchoolChanges = Type.Partial(Type.Omit(NewSchool, ['brin']), { minProperties: 1 });
export type SchoolChanges = Static<typeof SchoolChanges>;

export const SupplierSystem = Type.Object({
  id: Uuid,
  name: Name,
  /** SHA-256 of the client certificate's DER, lower-case hex. */
  certificateFingerprint: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  createdAt: Timestamp,
});
export type SupplierSystem = Static<typeof SupplierSystem>;

export const NewSupplierSystem = Type.Object({
  name: Name,
  /** Either the client certificate (PEM) or its SHA-256 fingerprint (hex, colons allowed). */
  certificatePem: Type.Optional(Type.String({ maxLength: 20_000 })),
  certificateFingerprint: Type.Optional(Type.String({ maxLength: 200 })),
});
export type NewSupplierSystem = Static<typeof NewSupplierSystem>;

export const Mandate = Type.Object({
  supplierId: Uuid,
  brin: Brin,
  grantedAt: Timestamp,
  revokedAt: Type.Union([Timestamp, Type.Null()]),
});
export type Mandate = Static<typeof Mandate>;

export const DeliveryPoint = Type.Object({
  routingKey: RoutingKey,
  brin: Brin,
  supplierId: Uuid,
  url: Url,
  purpose: Purpose,
  publicKey: PublicKey,
  active: Type.Boolean(),
});
export type DeliveryPoint = Static<typeof DeliveryPoint>;

export const NewDeliveryPoint = Type.Object({
  routingKey: RoutingKey,
  brin: Brin,
  supplierId: Uuid,
  url: Url,
  purpose: Purpose,
  publicKey: PublicKey,
});
export type NewDeliveryPoint = Static<typeof NewDeliveryPoint>;

/** A new public key (after the gateway rotated the point's key pair) and/or a new URL. */
export const DeliveryPointChanges = Type.Object(
  { publicKey: Type.Optional(PublicKey), url: Type.Optional(Url) },
  { minProperties: 1 },
);
export type DeliveryPointChanges = Static<typeof DeliveryPointChanges>;

export const Admission = Type.Object({
  brin: Brin,
  qualified: Type.Boolean(),
  qualifiedFrom: Type.Union([Day, Type.Null()]),
  qualifiedUntil: Type.Union([Day, Type.Null()]),
  testExchangeAt: Type.Union([Timestamp, Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  /** Whether the school may exchange today (qualified, and today within from…until). */
  admittedToday: Type.Boolean(),
});
export type Admission = Static<typeof Admission>;

const Note = Type.Optional(Type.String({ maxLength: 1000 }));
export const AdmissionChange = Type.Union([
  Type.Object({ action: Type.Literal('recordTestExchange'), at: Type.Optional(Timestamp), note: Note }),
  Type.Object({
    action: Type.Literal('qualify'),
    from: Day,
    until: Type.Optional(Type.Union([Day, Type.Null()])),
    note: Note,
  }),
  Type.Object({ action: Type.Literal('unqualify'), note: Note }),
]);
export type AdmissionChange = Static<typeof AdmissionChange>;

export const SchoolOverview = Type.Object({
  school: School,
  admission: Admission,
  mandates: Type.Array(Mandate),
  deliveryPoints: Type.Array(DeliveryPoint),
});
export type SchoolOverview = Static<typeof SchoolOverview>;

export const PublicSchool = Type.Object({
  brin: Brin,
  vestiging: Vestiging,
  name: Name,
  sector: Sector,
  place: Type.Union([Type.String(), Type.Null()]),
  region: Type.Union([Type.String(), Type.Null()]),
});
export type PublicSchool = Static<typeof PublicSchool>;

export const PublicSchoolPage = Type.Object({
  schools: Type.Array(PublicSchool),
  page: Type.Integer({ minimum: 1 }),
  pageSize: Type.Integer({ minimum: 1 }),
  total: Type.Integer({ minimum: 0 }),
});
export type PublicSchoolPage = Static<typeof PublicSchoolPage>;

export const OutcomePair = Type.Object({
  sourceBrin: Brin,
  destinationBrin: Brin,
  total: Type.Integer({ minimum: 0 }),
  /** Count per best result of the closed sessions of this pair. */
  results: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
});
export const OutcomeStatistics = Type.Object({
  from: Type.Union([Day, Type.Null()]),
  to: Type.Union([Day, Type.Null()]),
  pairs: Type.Array(OutcomePair),
});
export type OutcomeStatistics = Static<typeof OutcomeStatistics>;

// ---- chain protocol (platform/protocol.ts) -----------------------------------------------------

export const DeliveryPointRef = Type.Object({
  routingKey: RoutingKey,
  brin: Brin,
  vestiging: Vestiging,
  url: Url,
  purpose: Purpose,
  publicKey: PublicKey,
});

export const SessionStartBody = Type.Object({
  destinationBrin: Brin,
  destinationDeliveryPoint: RoutingKey,
  sourceBrin: Brin,
  kind: Kind,
  commitment: Commitment,
});

export const SessionCheckBody = Type.Object({
  sourceDeliveryPoint: RoutingKey,
  sourceBrin: Brin,
  destinationBrin: Brin,
  kind: Kind,
  commitment: Commitment,
});

export const SessionCloseBody = Type.Object({ bestResult: ResultCodeSchema });

/** Every chain refusal: HTTP 200 (401 for VerstrekkerNietBekend) with the OSO-style result code. */
export const ChainRefusal = Type.Object({ result: ResultCodeSchema });

export const SessionStarted = Type.Object({
  result: Type.Literal('ok'),
  sessionId: Uuid,
  sourceDeliveryPoints: Type.Array(DeliveryPointRef),
});
export const SessionChecked = Type.Object({
  result: Type.Literal('ok'),
  destinationDeliveryPoint: DeliveryPointRef,
});
export const SessionClosed = Type.Object({ result: Type.Literal('ok') });
export const DeliveryPointOverview = Type.Object({
  result: Type.Literal('ok'),
  deliveryPoints: Type.Array(DeliveryPointRef),
});

// ---- the platform's error shape (platform/errors.ts), for the OpenAPI description -------------

export const ErrorBody = Type.Object({
  code: Type.String(),
  message: Type.Object({ nl: Type.String(), en: Type.String() }),
  details: Type.Record(Type.String(), Type.Unknown()),
});

// ---- compile-time: the chain schemas are exactly protocol.ts's messages ------------------------

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type ChainSchemasMatchProtocol = [
  Assert<Same<Static<typeof SessionStartBody>, SessionStartRequest>>,
  Assert<Same<Static<typeof SessionCheckBody>, SessionCheckRequest>>,
  Assert<Same<Static<typeof SessionCloseBody>, SessionCloseRequest>>,
  Assert<Same<Static<typeof DeliveryPointRef>, ProtocolDeliveryPointRef>>,
];
