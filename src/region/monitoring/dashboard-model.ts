import type { TimelineDates, TimelineField } from '../timeline-rules.js';
import type { OutcomePair } from './deps.js';
import {
  cellOf,
  deadlineOf,
  deadlinePassed,
  MILESTONE_RULES,
  MILESTONES,
  type MilestoneCell,
  type MilestoneKey,
  type Side,
  type SnapshotCounts,
  sidesOf,
  statusOf,
} from './milestones.js';
import type { StoredSnapshot } from './snapshot-store.js';

/**
 * The dashboard worked out from the snapshots (pure: no database): a row per member school, the
 * regional totals per milestone against the timeline, and progress over time. A pupil is counted
 * once in the totals: the sending side has each pupil at one school; registrations count at the
 * school of first (or only) preference.
 */

export interface MemberInfo {
  brin: string;
  name: string;
  sector: string;
  place: string | null;
}

/** Closed sessions by best result, grouped as people read them. */
export interface OutcomeTally {
  total: number;
  /** OverdrachtGeslaagd */
  delivered: number;
  /** NietKlaargezet, DossierVerlopen */
  notReady: number;
  /** LeerlingNietGevonden, GegevensKomenNietOvereen */
  notFound: number;
  /** everything else (NietGewijzigd, refusals, technical errors) */
  other: number;
}

export interface SchoolRow extends MemberInfo {
  /** The day of the latest report, or null when the school's gateway has not reported this year. */
  reportedOn: string | null;
  sides: Side[];
  cells: Record<MilestoneKey, MilestoneCell>;
  /** Ready for a school that did not ask for it (sending side), or null. */
  readyNotRequested: number | null;
  /** Registrations without an arrived dossier (receiving side), or null. */
  notArrived: number | null;
  /** Milestones whose deadline passed without everyone. */
  behind: number;
  sessions: { asSource: OutcomeTally; asDestination: OutcomeTally };
}

export interface MilestoneSummary {
  key: MilestoneKey;
  side: Side;
  deadlineField: TimelineField | null;
  deadline: string | null;
  deadlinePassed: boolean;
  /** The regional total against what it is counted out of. */
  total: MilestoneCell;
  schoolsBehind: number;
  schoolsDone: number;
  /** Schools of this side that reported. */
  schoolsReporting: number;
}

export interface RegionTotals {
  /** Registrations as recorded, a pupil at several schools several times (the total counts once). */
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

export interface DashboardModel {
  milestones: MilestoneSummary[];
  schools: SchoolRow[];
  totals: RegionTotals;
  progress: ProgressPoint[];
  lastReportedAt: string | null;
}

const EMPTY_TALLY = (): OutcomeTally => ({ total: 0, delivered: 0, notReady: 0, notFound: 0, other: 0 });

function addResults(tally: OutcomeTally, results: Record<string, number>): void {
  for (const [result, n] of Object.entries(results)) {
    tally.total += n;
    if (result === 'OverdrachtGeslaagd') tally.delivered += n;
    else if (result === 'NietKlaargezet' || result === 'DossierVerlopen') tally.notReady += n;
    else if (result === 'LeerlingNietGevonden' || result === 'GegevensKomenNietOvereen') tally.notFound += n;
    else tally.other += n;
  }
}

/** The regional count of a milestone: sums, with a pupil registered at several schools once. */
function regionalCount(key: MilestoneKey, counts: SnapshotCounts): number {
  return key === 'registrations' ? counts.firstPreference : counts[key];
}

const ZERO = (): SnapshotCounts => ({
  leaving: 0,
  inspected: 0,
  registrationsKnown: 0,
  setReady: 0,
  requested: 0,
  delivered: 0,
  readyNotRequested: 0,
  registrations: 0,
  firstPreference: 0,
  dossiersRequested: 0,
  received: 0,
  imported: 0,
  notArrived: 0,
});

/** The counts of each side: a school's counts of a side it does not have are not added. */
const SIDE_FIELDS: Record<Side, ReadonlyArray<keyof SnapshotCounts>> = {
  sending: [
    'leaving',
    'inspected',
    'registrationsKnown',
    'setReady',
    'requested',
    'delivered',
    'readyNotRequested',
  ],
  receiving: ['registrations', 'firstPreference', 'dossiersRequested', 'received', 'imported', 'notArrived'],
};

const MAX_PROGRESS_POINTS = 120;

export function buildDashboard(input: {
  members: MemberInfo[];
  /** The members' snapshots of the school year up to today, oldest first. */
  snapshots: StoredSnapshot[];
  timeline: TimelineDates | null;
  today: string;
  pairs: OutcomePair[];
}): DashboardModel {
  const { members, snapshots, timeline, today } = input;
  const latest = new Map<string, StoredSnapshot>();
  for (const s of snapshots) latest.set(s.brin, s);

  const memberSet = new Set(members.map((m) => m.brin));
  const sessions = new Map(
    members.map((m) => [m.brin, { asSource: EMPTY_TALLY(), asDestination: EMPTY_TALLY() }]),
  );
  const regionSessions = EMPTY_TALLY();
  for (const pair of input.pairs) {
    const source = sessions.get(pair.sourceBrin);
    if (source) addResults(source.asSource, pair.results);
    const destination = sessions.get(pair.destinationBrin);
    if (destination) addResults(destination.asDestination, pair.results);
    // a session between two member schools is one session of the region
    if (memberSet.has(pair.sourceBrin) || memberSet.has(pair.destinationBrin))
      addResults(regionSessions, pair.results);
  }

  const schools: SchoolRow[] = members.map((m) => {
    const snapshot = latest.get(m.brin);
    const counts = snapshot?.counts ?? null;
    const sides = sidesOf(m.sector, counts);
    const cells = Object.fromEntries(
      MILESTONES.map((key) => [key, cellOf(key, counts, sides, timeline, today)]),
    ) as Record<MilestoneKey, MilestoneCell>;
    return {
      ...m,
      reportedOn: snapshot?.day ?? null,
      sides: [...sides],
      cells,
      readyNotRequested: counts && sides.has('sending') ? counts.readyNotRequested : null,
      notArrived: counts && sides.has('receiving') ? counts.notArrived : null,
      behind: Object.values(cells).filter((c) => c.status === 'behind').length,
      // biome-ignore lint/style/noNonNullAssertion: every member has an entry
      sessions: sessions.get(m.brin)!,
    };
  });

  // Regional totals: the sum of each side's reporting schools.
  const sum = ZERO();
  for (const row of schools) {
    const counts = latest.get(row.brin)?.counts;
    if (!counts) continue;
    for (const side of row.sides) for (const f of SIDE_FIELDS[side]) sum[f] += counts[f];
  }
  const milestones: MilestoneSummary[] = MILESTONES.map((key) => {
    const rule = MILESTONE_RULES[key];
    const deadline = deadlineOf(key, timeline);
    const ofSide = schools.filter((s) => s.sides.includes(rule.side));
    const reporting = ofSide.filter((s) => s.reportedOn !== null);
    const count = regionalCount(key, sum);
    const outOf = rule.outOf ? sum[rule.outOf] : null;
    return {
      key,
      side: rule.side,
      deadlineField: rule.deadline,
      deadline,
      deadlinePassed: deadlinePassed(deadline, today),
      total: {
        count: reporting.length > 0 ? count : null,
        outOf,
        status: reporting.length > 0 ? statusOf(key, count, outOf, deadline, today) : 'no_data',
      },
      schoolsBehind: ofSide.filter((s) => s.cells[key].status === 'behind').length,
      schoolsDone: ofSide.filter((s) => s.cells[key].status === 'done').length,
      schoolsReporting: reporting.length,
    };
  });

  const reportedAt = [...latest.values()].map((s) => s.reportedAt).sort();
  return {
    milestones,
    schools,
    totals: {
      registrationsAll: sum.registrations,
      readyNotRequested: sum.readyNotRequested,
      notArrived: sum.notArrived,
      schools: members.length,
      schoolsReporting: schools.filter((s) => s.reportedOn !== null).length,
      schoolsBehind: schools.filter((s) => s.behind > 0).length,
      sessions: regionSessions,
    },
    progress: progressOf(members, snapshots),
    lastReportedAt: reportedAt.at(-1) ?? null,
  };
}

/** The regional totals on each day a school reported, each school at its latest report by then. */
function progressOf(members: MemberInfo[], snapshots: StoredSnapshot[]): ProgressPoint[] {
  const sector = new Map(members.map((m) => [m.brin, m.sector]));
  const current = new Map<string, SnapshotCounts>();
  const points: ProgressPoint[] = [];
  let i = 0;
  while (i < snapshots.length) {
    const day = snapshots[i].day;
    for (; i < snapshots.length && snapshots[i].day === day; i++)
      current.set(snapshots[i].brin, snapshots[i].counts);
    const sum = ZERO();
    for (const [brin, counts] of current) {
      for (const side of sidesOf(sector.get(brin) ?? 'onbekend', counts))
        for (const f of SIDE_FIELDS[side]) sum[f] += counts[f];
    }
    points.push({
      day,
      counts: Object.fromEntries(MILESTONES.map((k) => [k, regionalCount(k, sum)])) as Record<
        MilestoneKey,
        number
      >,
    });
  }
  if (points.length <= MAX_PROGRESS_POINTS) return points;
  const step = Math.ceil(points.length / MAX_PROGRESS_POINTS);
  return points.filter((_, index) => index % step === 0 || index === points.length - 1);
}
