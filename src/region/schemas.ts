import { type TSchema, Type } from '@fastify/type-provider-typebox';
import { UUID_PATTERN } from '../platform/uuid.js';

/** The shapes of /api/region: runtime validation and the OpenAPI description, declared once. */

export const ErrorBody = Type.Object({
  code: Type.String(),
  message: Type.Object({ nl: Type.String(), en: Type.String() }),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

const Message = Type.Object(
  { nl: Type.String(), en: Type.String() },
  { description: 'a sentence in Dutch and English' },
);
export const RegionId = Type.String({
  pattern: '^[a-z0-9][a-z0-9-]{1,62}$',
  description: 'the region’s code, e.g. eemland',
});
export const Brin = Type.String({ pattern: '^[0-9]{2}[A-Z]{2}$', description: 'BRIN code, e.g. 01AA' });
const Uuid = Type.String({ pattern: UUID_PATTERN });
export const SchoolYear = Type.String({ pattern: '^[0-9]{4}-[0-9]{4}$', description: 'e.g. 2026-2027' });
const Day = Type.String({
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
  description: 'a calendar day, YYYY-MM-DD',
});
const Sector = Type.Union([
  Type.Literal('po'),
  Type.Literal('vo'),
  Type.Literal('so'),
  Type.Literal('swv'),
  Type.Literal('onbekend'),
]);
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const SchoolRole = Type.Union([
  Type.Literal('administratie'),
  Type.Literal('leerkracht'),
  Type.Literal('directie'),
  Type.Literal('coordinator'),
  Type.Literal('technisch'),
]);
export const HolidayRegion = Type.Union([
  Type.Literal('noord'),
  Type.Literal('midden'),
  Type.Literal('zuid'),
]);

export const RegionParams = Type.Object({ regionId: RegionId });
export const MemberParams = Type.Object({ regionId: RegionId, brin: Brin });
export const SchoolParams = Type.Object({ brin: Brin });
export const TimelineParams = Type.Object({ regionId: RegionId, schoolYear: SchoolYear });
export const RegionContactParams = Type.Object({ regionId: RegionId, contactId: Uuid });
export const SchoolContactParams = Type.Object({ regionId: RegionId, brin: Brin, contactId: Uuid });

export const RegionSettings = Type.Object({
  registrationsPerPupil: Type.Union([Type.Literal('one'), Type.Literal('several')]),
  dossierOrder: Nullable(Type.Union([Type.Literal('first_preference'), Type.Literal('after_placement')])),
  platform: Type.Union([
    Type.Literal('none'),
    Type.Literal('onderwijs_transparant'),
    Type.Literal('triple_w_ict'),
    Type.Literal('other'),
  ]),
  platformName: Nullable(Type.String({ maxLength: 200 })),
  eindtoetsRoute: Type.Union([Type.Literal('oso'), Type.Literal('platform')]),
  holidayRegion: HolidayRegion,
  minGapSchoolDays: Type.Integer({ minimum: 1, maximum: 30 }),
});

export const Region = Type.Object({
  id: Type.String(),
  name: Type.String(),
  settings: RegionSettings,
  updatedAt: Type.String({ description: 'ISO 8601' }),
});

export const NewRegion = Type.Object({
  id: RegionId,
  name: Type.String({ minLength: 1, maxLength: 200 }),
  holidayRegion: HolidayRegion,
});

export const RegionList = Type.Array(Type.Object({ id: Type.String(), name: Type.String() }));

export const RegionOverview = Type.Object({
  id: Type.String(),
  name: Type.String(),
  settings: RegionSettings,
  members: Type.Array(
    Type.Object({ brin: Type.String(), name: Type.String(), sector: Sector, place: Nullable(Type.String()) }),
  ),
  coordinators: Type.Array(
    Type.Object({
      accountId: Type.String(),
      name: Type.String(),
      email: Type.String(),
      active: Type.Boolean(),
    }),
  ),
  timelineYears: Type.Array(Type.String()),
});

export const Readiness = Type.Object({
  regionId: Type.String(),
  regionName: Type.String(),
  schools: Type.Integer(),
  ready: Type.Integer(),
  members: Type.Array(
    Type.Object({
      brin: Type.String(),
      name: Type.String(),
      sector: Sector,
      place: Nullable(Type.String()),
      known: Type.Boolean(),
      ready: Type.Boolean(),
      checks: Type.Array(
        Type.Object({
          item: Type.Union([
            Type.Literal('admitted'),
            Type.Literal('deliveryPoint'),
            Type.Literal('platformDeliveryPoint'),
            Type.Literal('roles'),
            Type.Literal('testExchange'),
          ]),
          ok: Type.Boolean(),
          label: Message,
          missing: Type.Optional(Message),
        }),
      ),
      missingRoles: Type.Array(SchoolRole),
    }),
  ),
});

const TimelineField = Type.Union([
  Type.Literal('inspectedBy'),
  Type.Literal('registeredBy'),
  Type.Literal('destinationKnownBy'),
  Type.Literal('readyBy'),
  Type.Literal('requestedBy'),
  Type.Literal('summerSwitch'),
]);

export const TimelineDates = Type.Object({
  inspectedBy: Day,
  registeredBy: Day,
  destinationKnownBy: Day,
  readyBy: Day,
  requestedBy: Day,
  summerSwitch: Day,
});

const Warning = Type.Object({
  kind: Type.Union([
    Type.Literal('gap'),
    Type.Literal('holiday'),
    Type.Literal('dayOff'),
    Type.Literal('noHolidayData'),
    Type.Literal('evaluation'),
  ]),
  field: Type.Optional(TimelineField),
  otherField: Type.Optional(TimelineField),
  schoolDays: Type.Optional(Type.Integer()),
  suggestedSchoolDays: Type.Optional(Type.Integer()),
  message: Message,
});

/** What the previous school year's evaluation tells this timeline (evaluation/timeline-feedback.ts). */
const TimelineFeedback = Type.Object({
  schoolYear: Type.String({ description: 'the evaluated school year' }),
  evaluationId: Type.String(),
  findings: Type.Array(
    Type.Object({
      id: Type.String(),
      milestone: Nullable(TimelineField),
      text: Type.String(),
      createdAt: Type.String(),
    }),
  ),
  gaps: Type.Array(
    Type.Object({
      field: TimelineField,
      otherField: TimelineField,
      schoolYear: Type.String(),
      mean: Type.Number(),
      answers: Type.Integer(),
      schoolDays: Nullable(Type.Integer()),
      suggestedSchoolDays: Type.Integer(),
      message: Message,
    }),
  ),
});

export const TimelineView = Type.Object({
  regionId: Type.String(),
  schoolYear: Type.String(),
  dates: Nullable(TimelineDates),
  updatedAt: Nullable(Type.String()),
  warnings: Type.Array(Warning),
  holidayRegion: HolidayRegion,
  minGapSchoolDays: Type.Integer(),
  gatewaySummerSwitch: Nullable(Type.String({ description: 'MM-DD' })),
  evaluation: Nullable(TimelineFeedback),
});

export const SavedTimeline = Type.Object({
  regionId: Type.String(),
  schoolYear: Type.String(),
  dates: TimelineDates,
  warnings: Type.Array(Warning),
  summerSwitch: Type.Union([
    Type.Object({ status: Type.Union([Type.Literal('set'), Type.Literal('unchanged')]), day: Type.String() }),
    Type.Object({ status: Type.Literal('notNext'), nextSchoolYear: Nullable(Type.String()) }),
    Type.Object({ status: Type.Literal('failed') }),
  ]),
});

const ContactFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  email: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
};
export const NewSchoolContact = Type.Object({ role: SchoolRole, ...ContactFields });
export const NewRegionContact = Type.Object({
  function: Type.String({ minLength: 1, maxLength: 200 }),
  ...ContactFields,
});
export const ContactCreated = Type.Object({ contactId: Type.String() });

const SchoolContact = Type.Object({
  id: Nullable(Type.String()),
  name: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  source: Type.Union([Type.Literal('region'), Type.Literal('account')]),
});
const RoleContacts = Type.Array(
  Type.Object({ role: SchoolRole, required: Type.Boolean(), contacts: Type.Array(SchoolContact) }),
);
export const RegionContact = Type.Object({
  id: Type.String(),
  name: Type.String(),
  function: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
});

export const SchoolContactList = Type.Object({
  brin: Type.String(),
  schoolName: Type.String(),
  sector: Sector,
  roles: RoleContacts,
});

export const SchoolHelp = Type.Object({
  brin: Type.String(),
  schoolName: Type.String(),
  sector: Sector,
  regions: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      contacts: Type.Array(RegionContact),
      platform: Nullable(Message),
    }),
  ),
  suppliers: Type.Array(Type.String()),
  roles: RoleContacts,
});

export const NewCoordinator = Type.Object({
  email: Type.String({ minLength: 3, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+$' }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  language: Type.Optional(Type.Union([Type.Literal('nl'), Type.Literal('en')])),
});
export const CoordinatorInvited = Type.Object({
  invitationId: Type.String(),
  accountId: Type.String(),
  email: Type.String(),
  expiresAt: Type.String({ description: 'ISO 8601' }),
});
