import type { TimelineDates, TimelineField } from '../timeline-rules.js';

/**
 * The milestones the region monitors (DESIGN.md §6), each with the deadline of the region's
 * timeline it is measured against and what it is counted out of: the sending side (po schools) in
 * leaving pupils, the receiving side (vo schools) in registrations. Pure rules: no database.
 */

export type Side = 'sending' | 'receiving';

/** The counts a gateway reports per school and day (the snapshot's columns, without ids). */
export interface SnapshotCounts {
  leaving: number;
  inspected: number;
  registrationsKnown: number;
  setReady: number;
  requested: number;
  delivered: number;
  readyNotRequested: number;
  registrations: number;
  firstPreference: number;
  dossiersRequested: number;
  received: number;
  imported: number;
  notArrived: number;
}

export const SNAPSHOT_FIELDS = [
  'leaving',
  'inspected',
  'registrationsKnown',
  'setReady',
  'requested',
  'delivered',
  'readyNotRequested',
  'registrations',
  'firstPreference',
  'dossiersRequested',
  'received',
  'imported',
  'notArrived',
] as const satisfies ReadonlyArray<keyof SnapshotCounts>;

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

export interface MilestoneRule {
  side: Side;
  /** The timeline date it must be reached by; null for a count without a deadline. */
  deadline: TimelineField | null;
  /** What it is counted out of; null when there is nothing to count it against. */
  outOf: 'leaving' | 'registrations' | null;
}

export const MILESTONE_RULES: Record<MilestoneKey, MilestoneRule> = {
  leaving: { side: 'sending', deadline: null, outOf: null },
  inspected: { side: 'sending', deadline: 'inspectedBy', outOf: 'leaving' },
  // a vo school cannot know how many will register; the deadline is shown, nothing is "behind"
  registrations: { side: 'receiving', deadline: 'registeredBy', outOf: null },
  registrationsKnown: { side: 'sending', deadline: 'destinationKnownBy', outOf: 'leaving' },
  setReady: { side: 'sending', deadline: 'readyBy', outOf: 'leaving' },
  requested: { side: 'sending', deadline: 'requestedBy', outOf: 'leaving' },
  delivered: { side: 'sending', deadline: 'requestedBy', outOf: 'leaving' },
  dossiersRequested: { side: 'receiving', deadline: 'requestedBy', outOf: 'registrations' },
  received: { side: 'receiving', deadline: 'requestedBy', outOf: 'registrations' },
  imported: { side: 'receiving', deadline: 'summerSwitch', outOf: 'registrations' },
};

/**
 * - `done`: every pupil (registration) reached it;
 * - `on_track`: not everyone yet, but the deadline has not passed;
 * - `behind`: the deadline passed and not everyone reached it;
 * - `no_deadline`: the region has no timeline for the school year;
 * - `counted`: a count without a target (leaving pupils, registrations received);
 * - `empty`: nothing to count yet (no leaving pupils, no registrations);
 * - `no_data`: the school's gateway has not reported;
 * - `not_applicable`: not this school's side (a po school receives no registrations).
 */
export type MilestoneStatus =
  | 'done'
  | 'on_track'
  | 'behind'
  | 'no_deadline'
  | 'counted'
  | 'empty'
  | 'no_data'
  | 'not_applicable';

export interface MilestoneCell {
  count: number | null;
  /** What it is counted out of (leaving pupils, registrations), or null. */
  outOf: number | null;
  status: MilestoneStatus;
}

/** The count of a milestone in a snapshot. */
export function countOf(counts: SnapshotCounts, key: MilestoneKey): number {
  return counts[key];
}

/** A deadline has passed when today is after it (the deadline day itself still counts). */
export function deadlinePassed(deadline: string | null, today: string): boolean {
  return deadline !== null && today > deadline;
}

/** The deadline of a milestone in a timeline. */
export function deadlineOf(key: MilestoneKey, timeline: TimelineDates | null): string | null {
  const field = MILESTONE_RULES[key].deadline;
  return field && timeline ? timeline[field] : null;
}

/** The status of a count against its deadline. */
export function statusOf(
  key: MilestoneKey,
  count: number,
  outOf: number | null,
  deadline: string | null,
  today: string,
): MilestoneStatus {
  const rule = MILESTONE_RULES[key];
  if (rule.outOf === null) return count === 0 ? 'empty' : 'counted';
  if (outOf === null || outOf === 0) return 'empty';
  if (count >= outOf) return 'done';
  if (deadline === null) return 'no_deadline';
  return deadlinePassed(deadline, today) ? 'behind' : 'on_track';
}

/** Which sides a school has: by its sector, and by what it reported (a vo school may send VOVO dossiers). */
export function sidesOf(sector: string, counts: SnapshotCounts | null): Set<Side> {
  const sides = new Set<Side>();
  if (sector === 'po' || sector === 'so' || (counts?.leaving ?? 0) > 0) sides.add('sending');
  if (sector === 'vo' || sector === 'swv' || (counts?.registrations ?? 0) > 0) sides.add('receiving');
  if (sides.size === 0) {
    sides.add('sending');
    sides.add('receiving');
  }
  return sides;
}

/** A school's cell for a milestone. */
export function cellOf(
  key: MilestoneKey,
  counts: SnapshotCounts | null,
  sides: Set<Side>,
  timeline: TimelineDates | null,
  today: string,
): MilestoneCell {
  const rule = MILESTONE_RULES[key];
  if (!sides.has(rule.side)) return { count: null, outOf: null, status: 'not_applicable' };
  if (!counts) return { count: null, outOf: null, status: 'no_data' };
  const count = countOf(counts, key);
  const outOf = rule.outOf ? counts[rule.outOf] : null;
  return { count, outOf, status: statusOf(key, count, outOf, deadlineOf(key, timeline), today) };
}
