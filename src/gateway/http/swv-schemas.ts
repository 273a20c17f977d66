import { Type } from '@fastify/type-provider-typebox';
import {
  Brin,
  Day,
  Finding,
  Message,
  Profile,
  RegistrationState,
  ResultCode,
  Schooljaar,
  SealedBox,
  Timestamp,
  Uuid,
} from './schemas.js';

/**
 * Wire shapes of the SWV exchange (koppelsleutel), the feedback message (terugkoppeling) and the
 * delivery points per purpose, declared once for validation and OpenAPI (see schemas.ts).
 */

// ---- chain (gateway ↔ gateway) ------------------------------------------------------------------

export const SwvRequestBody = Type.Object({
  sessionId: Type.String({ minLength: 1, maxLength: 100 }),
  destinationBrin: Brin,
  commitment: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' }),
  koppelsleutel: SealedBox,
  onlyIfChangedSince: Type.Optional(Timestamp),
});
export const FeedbackBody = Type.Object({
  id: Uuid,
  sourceBrin: Brin,
  destinationBrin: Brin,
  feedback: Type.Object({
    enc: Type.String({ maxLength: 200 }),
    ct: Type.String({ maxLength: 200_000 }),
  }),
});

// ---- API (integrators) --------------------------------------------------------------------------

export const SwvRequestParams = Type.Object({ brin: Brin, swvRequestId: Uuid });

export const DeliveryPointBody = Type.Object({
  purpose: Type.Unsafe<'SWV' | 'RP'>({ type: 'string', enum: ['SWV', 'RP'] }),
});
export const DeliveryPointAdded = Type.Object({
  brin: Brin,
  deliveryPoint: Type.Object({
    routingKey: Type.String(),
    purpose: Type.String(),
    url: Type.String(),
    publicKey: Type.String(),
  }),
});

export const SwvRequestIn = Type.Object({
  sourceBrin: Brin,
  koppelsleutel: Type.String({
    minLength: 1,
    maxLength: 40,
    description:
      'As the school handed it over, e.g. ABCD-EFGH-JKLM-NPQ7 (case, spaces and dashes do not matter)',
  }),
});
export const SwvRequestResultOut = Type.Object({
  swvRequestId: Uuid,
  sourceBrin: Brin,
  result: ResultCode,
  state: RegistrationState,
  explanation: Message,
  receivedDossierId: Type.Optional(Uuid),
});
export const SwvRequestListItem = Type.Object({
  swvRequestId: Uuid,
  sourceBrin: Brin,
  state: RegistrationState,
  lastResult: Type.Union([ResultCode, Type.Null()]),
  lastResultAt: Type.Union([Timestamp, Type.Null()]),
  explanation: Type.Union([Message, Type.Null()]),
  received: Type.Union([
    Type.Object({
      receivedDossierId: Uuid,
      receivedAt: Timestamp,
      profile: Profile,
      versionReadyAt: Type.Union([Timestamp, Type.Null()]),
      errorCount: Type.Integer(),
      warningCount: Type.Integer(),
    }),
    Type.Null(),
  ]),
});

const TiPerSchooljaar = Type.Object({
  schooljaar: Schooljaar,
  begindatum: Day,
  einddatum: Day,
  groepsnaam: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  jaargroep: Type.String({ minLength: 1, maxLength: 2, description: 'codelist 13, e.g. 11 for VO year 1' }),
  iltcode: Type.String({ minLength: 1, maxLength: 20 }),
  iltomschrijving: Type.String({ minLength: 1, maxLength: 200 }),
});
const Vertrek = Type.Object({
  vertrekdatum: Day,
  vertrekreden: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
});
export const TerugkoppelingIn = Type.Object({
  schooljaren: Type.Optional(Type.Array(TiPerSchooljaar, { maxItems: 20 })),
  vertrek: Type.Optional(Vertrek),
});
export const TerugkoppelingCreated = Type.Object({
  terugkoppelingId: Uuid,
  registrationId: Uuid,
  sourceBrin: Brin,
  state: Type.Unsafe<'wachtrij'>({ type: 'string', enum: ['wachtrij'] }),
  /** Warnings of the strict validation (errors refuse the feedback). */
  findings: Type.Array(Finding),
});
export const TerugkoppelingListItem = Type.Object({
  terugkoppelingId: Uuid,
  dossierId: Uuid,
  fromBrin: Brin,
  receivedAt: Timestamp,
  leerling: Type.Object({
    leerlingid: Type.String(),
    voornaam: Type.Array(Type.String()),
    tussenvoegsel: Type.Optional(Type.String()),
    achternaam: Type.String(),
    geslacht: Type.String(),
    geboortedatum: Day,
  }),
  schooljaren: Type.Array(TiPerSchooljaar),
  vertrek: Type.Union([Vertrek, Type.Null()]),
});
