import { type TSchema, Type } from '@fastify/type-provider-typebox';
import { UUID_PATTERN } from '../../platform/uuid.js';
import { Brin, RegionId, SchoolRole, SchoolYear } from '../schemas.js';

/** The shapes of the reminders' routes: runtime validation and the OpenAPI description, declared once. */

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Literals = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>(Type.Union(values.map((v) => Type.Literal(v))));
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });
const Message = Type.Object({ nl: Type.String(), en: Type.String() });
const Uuid = Type.String({ pattern: UUID_PATTERN });

const Deadline = Literals([
  'inspectedBy',
  'registeredBy',
  'destinationKnownBy',
  'readyBy',
  'requestedBy',
] as const);
const Kind = Literals(['before', 'last_day', 'after'] as const);
const Status = Literals([
  'done',
  'on_track',
  'behind',
  'no_deadline',
  'counted',
  'empty',
  'no_data',
  'not_applicable',
] as const);

export const NoticeParams = Type.Object({ brin: Brin, noticeId: Uuid });
export const YearQuery = Type.Object({ schoolYear: Type.Optional(SchoolYear) });

export const ReminderSettings = Type.Object({
  enabled: Type.Boolean({ description: 'reminders go at all' }),
  daysBefore: Type.Integer({ description: 'the first reminder, school days before a deadline (2–20)' }),
  lastSchoolDayBefore: Type.Boolean({ description: 'another on the last school day before a deadline' }),
  afterDeadline: Type.Boolean({ description: 'after a deadline, to the schools that are behind' }),
  repeatAfterSchoolDays: Type.Integer({
    description: 'after the first school day after a deadline, again every this many school days (3–20)',
  }),
});

const Bounds = Type.Object({ min: Type.Integer(), max: Type.Integer() });
const Scheduled = Type.Object({
  deadline: Deadline,
  kind: Kind,
  dueOn: Day,
  until: Day,
  relevantUntil: Day,
});
const Timeline = Type.Object({
  inspectedBy: Day,
  registeredBy: Day,
  destinationKnownBy: Day,
  readyBy: Day,
  requestedBy: Day,
  summerSwitch: Day,
});

export const ReminderSettingsView = Type.Object({
  regionId: RegionId,
  settings: ReminderSettings,
  defaults: ReminderSettings,
  bounds: Type.Object({ daysBefore: Bounds, repeatAfterSchoolDays: Bounds }),
  updatedAt: Nullable(Type.String()),
  today: Day,
  schoolYear: SchoolYear,
  timeline: Nullable(Timeline),
  schedule: Type.Array(Scheduled),
  duties: Type.Array(
    Type.Object({
      deadline: Deadline,
      side: Literals(['sending', 'receiving'] as const),
      roles: Type.Array(SchoolRole),
      milestone: Type.String(),
    }),
  ),
  fallbackRoles: Type.Array(SchoolRole),
});

export const ReminderRun = Type.Object({
  regionId: RegionId,
  day: Day,
  schoolDay: Type.Boolean(),
  due: Type.Array(Type.Object({ schoolYear: SchoolYear, deadline: Deadline, kind: Kind, dueOn: Day })),
  reminders: Type.Integer(),
  recipients: Type.Integer(),
  fallbacks: Type.Integer(),
  unreachable: Type.Integer(),
  alreadySent: Type.Integer(),
});

const Address = Type.Object({
  email: Type.String(),
  roles: Type.Array(SchoolRole),
  sentAt: Nullable(Type.String()),
});

export const ReminderLog = Type.Object({
  regionId: RegionId,
  schoolYear: SchoolYear,
  entries: Type.Array(
    Type.Object({
      id: Uuid,
      brin: Brin,
      schoolName: Type.String(),
      deadline: Deadline,
      deadlineDay: Day,
      kind: Kind,
      dueOn: Day,
      status: Status,
      count: Nullable(Type.Integer()),
      outOf: Nullable(Type.Integer()),
      roles: Type.Array(SchoolRole),
      fallback: Type.Boolean(),
      recipients: Type.Integer({ description: 'people the e-mail goes to' }),
      mailsSent: Type.Integer({ description: 'of those, handed to the mail server' }),
      reads: Type.Integer({ description: 'people of the school who read the in-app notice' }),
      trigger: Literals(['daily', 'manual'] as const),
      createdAt: Type.String(),
      addresses: Nullable(Type.Array(Address, { description: 'only for region:admin' })),
    }),
  ),
});

export const SchoolNotices = Type.Object({
  brin: Brin,
  open: Type.Integer(),
  notices: Type.Array(
    Type.Object({
      id: Uuid,
      regionId: RegionId,
      regionName: Type.String(),
      deadline: Deadline,
      deadlineDay: Day,
      kind: Kind,
      dueOn: Day,
      createdAt: Type.String(),
      title: Message,
      text: Message,
      progress: Nullable(Message),
      action: Message,
      roles: Message,
      link: Type.String(),
      read: Type.Boolean(),
      open: Type.Boolean(),
    }),
  ),
});

export const NoticeRead = Type.Object({ read: Type.Literal(true) });
