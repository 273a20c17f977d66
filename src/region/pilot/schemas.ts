import { type TSchema, Type } from '@fastify/type-provider-typebox';
import { UUID_PATTERN } from '../../platform/uuid.js';
import { Brin, RegionId } from '../schemas.js';

/** The shapes of the pilot's routes: runtime validation and the OpenAPI description, declared once. */

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Literals = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>(Type.Union(values.map((v) => Type.Literal(v))));
const Message = Type.Object(
  { nl: Type.String(), en: Type.String() },
  { description: 'a sentence in Dutch and English' },
);
const Uuid = Type.String({ pattern: UUID_PATTERN });
const Day = Type.String({
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
  description: 'a calendar day, YYYY-MM-DD',
});
const Kind = Literals(['regular', 'support'] as const);
const Status = Literals(['planned', 'running', 'completed', 'ended'] as const);

export const PilotParams = Type.Object({ regionId: RegionId, pilotId: Uuid });
export const PairParams = Type.Object({ regionId: RegionId, pilotId: Uuid, pairId: Uuid });
export const SchoolParams = Type.Object({ brin: Brin });
export const SchoolPairParams = Type.Object({ brin: Brin, pilotId: Uuid, pairId: Uuid });

export const PairInput = Type.Object({
  poBrin: Brin,
  voBrin: Brin,
});

export const PilotFields = Type.Object({
  name: Type.String({ maxLength: 400 }),
  startsOn: Type.String({ maxLength: 20, description: 'YYYY-MM-DD' }),
  endsOn: Type.String({ maxLength: 20, description: 'YYYY-MM-DD' }),
});

export const NewPilot = Type.Object({
  name: Type.String({ maxLength: 400 }),
  startsOn: Type.String({ maxLength: 20, description: 'YYYY-MM-DD' }),
  endsOn: Type.String({ maxLength: 20, description: 'YYYY-MM-DD' }),
  pairs: Type.Array(PairInput, { maxItems: 200 }),
});

export const Notification = Type.Object({
  suppliers: Type.Array(
    Type.Object({ name: Type.String({ maxLength: 200 }), email: Type.String({ maxLength: 300 }) }),
    { maxItems: 100 },
  ),
  servicedeskEmail: Type.Optional(Type.String({ maxLength: 300 })),
});

export const Created = Type.Object({ pilotId: Uuid });
export const PairCreated = Type.Object({ pairId: Uuid });

const ReadinessCheck = Type.Object({
  item: Literals(['admitted', 'deliveryPoint', 'platformDeliveryPoint', 'roles', 'testExchange'] as const),
  ok: Type.Boolean(),
  label: Message,
  missing: Type.Optional(Message),
});

const School = Type.Object({
  brin: Type.String(),
  name: Type.String(),
  sector: Type.String(),
  place: Nullable(Type.String()),
  suppliers: Type.Array(Type.String()),
  ready: Type.Boolean(),
  checks: Type.Array(ReadinessCheck),
});

const KindChecklist = Type.Object({
  kind: Kind,
  label: Message,
  steps: Type.Array(
    Type.Object({
      step: Literals(['setReady', 'requested', 'delivered', 'imported'] as const),
      done: Type.Boolean(),
      label: Message,
    }),
  ),
  done: Type.Boolean(),
});

const pairFields = {
  pairId: Type.String(),
  po: School,
  vo: School,
  kinds: Type.Array(KindChecklist),
  complete: Type.Boolean(),
  status: Literals(['not_started', 'in_progress', 'complete'] as const),
  started: Type.Boolean(),
};

const pilotFields = {
  id: Type.String(),
  regionId: Type.String(),
  regionName: Type.String(),
  name: Type.String(),
  startsOn: Day,
  endsOn: Day,
  schoolYear: Type.String(),
  today: Day,
  status: Status,
  completePairs: Type.Integer(),
  checklist: Type.Array(
    Type.Object({
      check: Literals(['pairs', 'notified', 'schoolsReady', 'pairsComplete'] as const),
      ok: Type.Boolean(),
      label: Message,
    }),
  ),
  notifiedAt: Nullable(Type.String()),
};

export const PilotDetail = Type.Object({
  ...pilotFields,
  pairs: Type.Array(Type.Object(pairFields)),
  suppliers: Type.Array(Type.Object({ name: Type.String(), schools: Type.Array(Type.String()) })),
  log: Type.Array(
    Type.Object({
      at: Type.String(),
      actorId: Type.String(),
      event: Type.String(),
      details: Type.Record(Type.String(), Type.Unknown()),
    }),
  ),
});

export const PilotList = Type.Object({
  regionId: Type.String(),
  regionName: Type.String(),
  today: Day,
  pilots: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      startsOn: Day,
      endsOn: Day,
      status: Status,
      pairs: Type.Integer(),
      completePairs: Type.Integer(),
      notifiedAt: Nullable(Type.String()),
    }),
  ),
});

const ListItem = Type.Object({
  id: Type.String(),
  pilotRef: Type.String(),
  kind: Kind,
  state: Type.String(),
  name: Type.String(),
  otherBrin: Nullable(Type.String()),
  deliveries: Type.Integer(),
  lastResult: Nullable(Type.String()),
  receivedPilot: Nullable(Type.Boolean()),
});

export const SchoolPilots = Type.Object({
  brin: Type.String(),
  pilots: Type.Array(
    Type.Object({
      ...pilotFields,
      pairs: Type.Array(
        Type.Object({
          ...pairFields,
          side: Literals(['po', 'vo'] as const),
          actions: Type.Object({ prepare: Type.Boolean(), request: Type.Boolean(), import: Type.Boolean() }),
        }),
      ),
    }),
  ),
  sending: Nullable(Type.Array(ListItem)),
  receiving: Nullable(Type.Array(ListItem)),
});

export const StepOutcomes = Type.Object({
  outcomes: Type.Array(
    Type.Object({ kind: Kind, state: Type.String(), result: Type.Optional(Type.String()) }),
  ),
});

export const Recipients = Type.Object({
  recipients: Type.Array(
    Type.Object({
      kind: Literals(['supplier', 'servicedesk'] as const),
      to: Type.String(),
      email: Type.String(),
    }),
  ),
});

export const UpcomingPilots = Type.Array(
  Type.Object({
    id: Type.String(),
    regionName: Type.String(),
    name: Type.String(),
    startsOn: Day,
    endsOn: Day,
    status: Status,
    schools: Type.Array(Type.Object({ brin: Type.String(), name: Type.String() })),
    suppliers: Type.Array(Type.String()),
    pairs: Type.Integer(),
    completePairs: Type.Integer(),
  }),
);
