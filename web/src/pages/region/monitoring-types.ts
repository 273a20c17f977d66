/** The answers of the monitoring routes (src/region/monitoring/schemas.ts), as the pages use them. */

export const MILESTONES = [
  'leaving',
  'inspected',
  'registrations',
  'registrationsKnown',
  'setReady',
  'requested',
  'delivered',
  'dossiersRequested',
  'received',
  'imported',
] as const;
export type MilestoneKey = (typeof MILESTONES)[number];

export type MilestoneStatus =
  | 'done'
  | 'on_track'
  | 'behind'
  | 'no_deadline'
  | 'counted'
  | 'empty'
  | 'no_data'
  | 'not_applicable';

export type Side = 'sending' | 'receiving';

export interface MilestoneCell {
  count: number | null;
  outOf: number | null;
  status: MilestoneStatus;
}

export interface OutcomeTally {
  total: number;
  delivered: number;
  notReady: number;
  notFound: number;
  other: number;
}

export interface SchoolRow {
  brin: string;
  name: string;
  sector: string;
  place: string | null;
  reportedOn: string | null;
  sides: Side[];
  cells: Record<MilestoneKey, MilestoneCell>;
  readyNotRequested: number | null;
  notArrived: number | null;
  behind: number;
  sessions: { asSource: OutcomeTally; asDestination: OutcomeTally };
}

export type TimelineField =
  | 'inspectedBy'
  | 'registeredBy'
  | 'destinationKnownBy'
  | 'readyBy'
  | 'requestedBy'
  | 'summerSwitch';

export interface MilestoneSummary {
  key: MilestoneKey;
  side: Side;
  deadlineField: TimelineField | null;
  deadline: string | null;
  deadlinePassed: boolean;
  total: MilestoneCell;
  schoolsBehind: number;
  schoolsDone: number;
  schoolsReporting: number;
}

export interface RegionTotals {
  registrationsAll: number;
  readyNotRequested: number;
  notArrived: number;
  schools: number;
  schoolsReporting: number;
  schoolsBehind: number;
  sessions: OutcomeTally;
}

export interface ProgressPoint {
  day: string;
  counts: Record<MilestoneKey, number>;
}

export interface MonitoringDashboard {
  regionId: string;
  regionName: string;
  schoolYear: string;
  today: string;
  timeline: Record<TimelineField, string> | null;
  milestones: MilestoneSummary[];
  schools: SchoolRow[];
  totals: RegionTotals;
  progress: ProgressPoint[];
  lastReportedAt: string | null;
}

export interface PupilListItem {
  id: string;
  name: string;
  otherSchool: { brin: string; name: string | null };
  since: string;
  groep: string | null;
  state: string | null;
}

export interface SchoolProgress {
  brin: string;
  name: string;
  schoolYear: string;
  today: string;
  regions: Array<{
    regionId: string;
    regionName: string;
    timeline: Record<TimelineField, string> | null;
    row: SchoolRow;
    milestones: MilestoneSummary[];
    totals: RegionTotals;
  }>;
  readyNotRequested: PupilListItem[] | null;
  notArrived: PupilListItem[] | null;
}
