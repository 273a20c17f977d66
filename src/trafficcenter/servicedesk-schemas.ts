import { type Static, Type } from '@fastify/type-provider-typebox';
import type { CONNECTION_STATUSES } from './connection-path.js';
import { Brin, Day, School, Sector, SupplierSystem, Timestamp, Vestiging } from './schemas.js';

/**
 * Wire shapes of the servicedesk's reads (the web app's /servicedesk pages): every school with its
 * place on the connection path, counts per step, a school's history, a supplier system's mandates
 * and outcome statistics with the schools' names. Declared once for validation and OpenAPI.
 */

export const ConnectionStatus = Type.Union(
  [
    Type.Literal('supplier'),
    Type.Literal('mandate'),
    Type.Literal('deliveryPoint'),
    Type.Literal('testExchange'),
    Type.Literal('qualification'),
    Type.Literal('admitted'),
  ],
  { description: 'the first step the school lacks on the connection path, or admitted' },
);

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** Compile-time: the schema lists exactly connection-path.ts's statuses. */
export type ConnectionStatusMatchesPath = Assert<
  Same<Static<typeof ConnectionStatus>, (typeof CONNECTION_STATUSES)[number]>
>;

export const AdmissionFilter = Type.Union([Type.Literal('admitted'), Type.Literal('notAdmitted')]);

export const SchoolListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100, description: 'name, BRIN, place or board' })),
  sector: Type.Optional(Sector),
  admission: Type.Optional(AdmissionFilter),
  status: Type.Optional(ConnectionStatus),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
});
export type SchoolListQuery = Static<typeof SchoolListQuery>;

export const SchoolListItem = Type.Object({
  ...School.properties,
  admission: Type.Object({
    qualified: Type.Boolean(),
    qualifiedFrom: Type.Union([Day, Type.Null()]),
    qualifiedUntil: Type.Union([Day, Type.Null()]),
    testExchangeAt: Type.Union([Timestamp, Type.Null()]),
    admittedToday: Type.Boolean(),
  }),
  connection: ConnectionStatus,
});
export type SchoolListItem = Static<typeof SchoolListItem>;

export const SchoolListPage = Type.Object({
  schools: Type.Array(SchoolListItem),
  page: Type.Integer({ minimum: 1 }),
  pageSize: Type.Integer({ minimum: 1 }),
  total: Type.Integer({ minimum: 0 }),
});
export type SchoolListPage = Static<typeof SchoolListPage>;

const Count = Type.Integer({ minimum: 0 });
export const ConnectionCounts = Type.Object({
  total: Count,
  /** Schools per connection status (every status present, 0 when none). */
  counts: Type.Object({
    supplier: Count,
    mandate: Count,
    deliveryPoint: Count,
    testExchange: Count,
    qualification: Count,
    admitted: Count,
  }),
});
export type ConnectionCounts = Static<typeof ConnectionCounts>;

export const SchoolHistoryEntry = Type.Object({
  at: Timestamp,
  /** What happened, e.g. tc.mandate.granted, tc.admission.unqualify. */
  action: Type.String(),
  /** Who did it, by kind (person, apikey, operator, system): an audit id is no reader's business. */
  actorKind: Type.String(),
  /** What it happened to: supplier:<id>, delivery-point:<routing key>, or null for the school. */
  subject: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export const SchoolHistory = Type.Object({
  brin: Brin,
  entries: Type.Array(SchoolHistoryEntry),
});
export type SchoolHistory = Static<typeof SchoolHistory>;

export const SupplierMandate = Type.Object({
  brin: Brin,
  vestiging: Vestiging,
  schoolName: Type.String(),
  sector: Sector,
  grantedAt: Timestamp,
  revokedAt: Type.Union([Timestamp, Type.Null()]),
  /** The supplier's active delivery points of this school. */
  activeDeliveryPoints: Type.Integer({ minimum: 0 }),
});
export const SupplierMandates = Type.Object({
  supplier: SupplierSystem,
  mandates: Type.Array(SupplierMandate),
});
export type SupplierMandates = Static<typeof SupplierMandates>;

export const NamedOutcomePair = Type.Object({
  sourceBrin: Brin,
  sourceName: Type.String(),
  destinationBrin: Brin,
  destinationName: Type.String(),
  total: Type.Integer({ minimum: 0 }),
  results: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
});
export const NamedOutcomeStatistics = Type.Object({
  from: Type.Union([Day, Type.Null()]),
  to: Type.Union([Day, Type.Null()]),
  pairs: Type.Array(NamedOutcomePair),
});
export type NamedOutcomeStatistics = Static<typeof NamedOutcomeStatistics>;
