import { type TSchema, Type } from '@fastify/type-provider-typebox';
import { Brin, RegionId, SchoolYear, TimelineDates } from '../schemas.js';
import { MILESTONES } from './milestones.js';

/** The shapes of the monitoring's routes: runtime validation and the OpenAPI description, declared once. */

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });
const Count = Type.Integer({ minimum: 0, maximum: 1_000_000 });
/** A union of string literals (TypeBox's own union, typed as the union of those strings). */
const Literals = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>(Type.Union(values.map((v) => Type.Literal(v))));

const MilestoneKey = Literals(MILESTONES);
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
const Side = Literals(['sending', 'receiving'] as const);
const TimelineField = Literals([
  'inspectedBy',
  'registeredBy',
  'destinationKnownBy',
  'readyBy',
  'requestedBy',
  'summerSwitch',
] as const);

export const MilestoneCell = Type.Object({
  count: Nullable(Type.Integer()),
  outOf: Nullable(Type.Integer()),
  status: Status,
});
const Cells = Type.Object(Object.fromEntries(MILESTONES.map((k) => [k, MilestoneCell])));

const OutcomeTally = Type.Object({
  total: Type.Integer(),
  delivered: Type.Integer(),
  notReady: Type.Integer(),
  notFound: Type.Integer(),
  other: Type.Integer(),
});

export const SchoolRow = Type.Object({
  brin: Brin,
  name: Type.String(),
  sector: Type.String(),
  place: Nullable(Type.String()),
  reportedOn: Nullable(Day),
  sides: Type.Array(Side),
  cells: Cells,
  readyNotRequested: Nullable(Type.Integer()),
  notArrived: Nullable(Type.Integer()),
  behind: Type.Integer(),
  sessions: Type.Object({ asSource: OutcomeTally, asDestination: OutcomeTally }),
});

export const MilestoneSummary = Type.Object({
  key: MilestoneKey,
  side: Side,
  deadlineField: Nullable(TimelineField),
  deadline: Nullable(Day),
  deadlinePassed: Type.Boolean(),
  total: MilestoneCell,
  schoolsBehind: Type.Integer(),
  schoolsDone: Type.Integer(),
  schoolsReporting: Type.Integer(),
});

export const RegionTotals = Type.Object({
  registrationsAll: Type.Integer(),
  readyNotRequested: Type.Integer(),
  notArrived: Type.Integer(),
  schools: Type.Integer(),
  schoolsReporting: Type.Integer(),
  schoolsBehind: Type.Integer(),
  sessions: OutcomeTally,
});

export const MonitoringDashboard = Type.Object({
  regionId: RegionId,
  regionName: Type.String(),
  schoolYear: SchoolYear,
  today: Day,
  timeline: Nullable(TimelineDates),
  milestones: Type.Array(MilestoneSummary),
  schools: Type.Array(SchoolRow),
  totals: RegionTotals,
  progress: Type.Array(
    Type.Object({
      day: Day,
      counts: Type.Object(Object.fromEntries(MILESTONES.map((k) => [k, Type.Integer()]))),
    }),
  ),
  lastReportedAt: Nullable(Type.String({ format: 'date-time' })),
});

const PupilListItem = Type.Object({
  id: Type.String(),
  name: Type.String(),
  otherSchool: Type.Object({ brin: Type.String(), name: Nullable(Type.String()) }),
  since: Type.String(),
  groep: Nullable(Type.String()),
  state: Nullable(Type.String()),
});

export const SchoolProgress = Type.Object({
  brin: Brin,
  name: Type.String(),
  schoolYear: SchoolYear,
  today: Day,
  regions: Type.Array(
    Type.Object({
      regionId: RegionId,
      regionName: Type.String(),
      timeline: Nullable(TimelineDates),
      row: SchoolRow,
      milestones: Type.Array(MilestoneSummary),
      totals: RegionTotals,
    }),
  ),
  readyNotRequested: Nullable(Type.Array(PupilListItem)),
  notArrived: Nullable(Type.Array(PupilListItem)),
});

export const YearQuery = Type.Object({ schoolYear: Type.Optional(SchoolYear) });
export const ExportQuery = Type.Object({
  schoolYear: Type.Optional(SchoolYear),
  lang: Type.Optional(Literals(['nl', 'en'] as const)),
});

/** One school's counts on one day, as a gateway reports them (numbers only; nothing else is accepted). */
export const ReportedSnapshot = Type.Object(
  {
    schoolBrin: Brin,
    schoolYear: SchoolYear,
    day: Day,
    sending: Type.Object(
      {
        leaving: Count,
        inspected: Count,
        registrationsKnown: Count,
        setReady: Count,
        requested: Count,
        delivered: Count,
        readyNotRequested: Count,
      },
      { additionalProperties: false },
    ),
    receiving: Type.Object(
      {
        registrations: Count,
        firstPreference: Count,
        requested: Count,
        received: Count,
        imported: Count,
        notArrived: Count,
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const SnapshotReport = Type.Object(
  { snapshots: Type.Array(ReportedSnapshot, { maxItems: 2000 }) },
  { additionalProperties: false },
);
export const SnapshotsRecorded = Type.Object({ recorded: Type.Integer(), skipped: Type.Array(Brin) });
export const RefreshQueued = Type.Object({ queued: Type.Boolean() });
