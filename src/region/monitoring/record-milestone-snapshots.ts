import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { BRIN } from '../region-store.js';
import { isCalendarDay } from '../school-calendar.js';
import { isSchoolYear } from '../timeline-rules.js';
import type { SnapshotCounts } from './milestones.js';
import { membersOfAnyRegion, upsertSnapshot } from './snapshot-store.js';

/**
 * What a gateway reports about one school on one day — the payload of the all-in-one job and of
 * `POST /api/region/monitoring/snapshots` alike: numbers only.
 */
export interface ReportedSnapshot {
  schoolBrin: string;
  schoolYear: string;
  day: string;
  sending: {
    leaving: number;
    inspected: number;
    registrationsKnown: number;
    setReady: number;
    requested: number;
    delivered: number;
    readyNotRequested: number;
  };
  receiving: {
    registrations: number;
    firstPreference: number;
    requested: number;
    received: number;
    imported: number;
    notArrived: number;
  };
}

export interface RecordedSnapshots {
  recorded: number;
  /** Schools that are in no region: nothing is kept about them. */
  skipped: string[];
}

export const MAX_SNAPSHOTS_PER_REPORT = 2000;
const MAX_COUNT = 1_000_000;

/** Parts may not exceed their whole (the table's CHECKs say the same). */
const PART_OF: Array<[keyof SnapshotCounts, keyof SnapshotCounts]> = [
  ['inspected', 'leaving'],
  ['registrationsKnown', 'leaving'],
  ['setReady', 'leaving'],
  ['requested', 'leaving'],
  ['delivered', 'leaving'],
  ['readyNotRequested', 'setReady'],
  ['firstPreference', 'registrations'],
  ['dossiersRequested', 'registrations'],
  ['received', 'registrations'],
  ['imported', 'registrations'],
  ['notArrived', 'registrations'],
];

function countsOf(s: ReportedSnapshot): SnapshotCounts {
  return {
    leaving: s.sending.leaving,
    inspected: s.sending.inspected,
    registrationsKnown: s.sending.registrationsKnown,
    setReady: s.sending.setReady,
    requested: s.sending.requested,
    delivered: s.sending.delivered,
    readyNotRequested: s.sending.readyNotRequested,
    registrations: s.receiving.registrations,
    firstPreference: s.receiving.firstPreference,
    dossiersRequested: s.receiving.requested,
    received: s.receiving.received,
    imported: s.receiving.imported,
    notArrived: s.receiving.notArrived,
  };
}

function check(s: ReportedSnapshot, index: number, today: string): SnapshotCounts {
  const refuse = (field: string, reason: string) => {
    throw new AppError('VALIDATION_FAILED', { index, field, reason });
  };
  if (!BRIN.test(s.schoolBrin)) refuse('schoolBrin', 'a BRIN such as 01AA');
  if (!isSchoolYear(s.schoolYear)) refuse('schoolYear', 'e.g. 2026-2027');
  if (!isCalendarDay(s.day)) refuse('day', 'YYYY-MM-DD');
  const start = Number(s.schoolYear.slice(0, 4));
  if (s.day < `${start}-08-01` || s.day > `${start + 1}-07-31`) refuse('day', 'outside the school year');
  if (s.day > today) refuse('day', 'a day that has not come yet');
  const counts = countsOf(s);
  for (const [field, value] of Object.entries(counts)) {
    if (!Number.isInteger(value) || value < 0 || value > MAX_COUNT) refuse(field, 'a whole number ≥ 0');
  }
  for (const [part, whole] of PART_OF) {
    if (counts[part] > counts[whole]) refuse(part, `more than ${whole}`);
  }
  return counts;
}

/**
 * Keeps what gateways report about their schools (DESIGN.md §6 monitoring): per school and day
 * the counts per milestone, replacing an earlier report of the same day. The caller must
 * administer each school at its gateway (`gateway:admin`: the all-in-one job, or a supplier's API
 * key for those schools). Schools that are in no region are left out; everything else is kept in
 * one transaction, or nothing when one snapshot is wrong.
 */
export async function recordMilestoneSnapshots(
  ctx: Ctx,
  snapshots: readonly ReportedSnapshot[],
): Promise<RecordedSnapshots> {
  for (const s of snapshots) authorize(ctx, 'gateway:admin', s.schoolBrin);
  if (snapshots.length === 0) return { recorded: 0, skipped: [] };
  if (snapshots.length > MAX_SNAPSHOTS_PER_REPORT) {
    throw new AppError('VALIDATION_FAILED', {
      field: 'snapshots',
      reason: `at most ${MAX_SNAPSHOTS_PER_REPORT}`,
    });
  }
  // the day may run ahead of ours by the reporter's time zone, not more
  const today = new Date(ctx.now().getTime() + 86_400_000).toISOString().slice(0, 10);
  const checked = snapshots.map((s, i) => ({ s, counts: check(s, i, today) }));
  return ctx.db.transaction(async (tx) => {
    const members = await membersOfAnyRegion(
      tx,
      checked.map((c) => c.s.schoolBrin),
    );
    let recorded = 0;
    const skipped = new Set<string>();
    for (const { s, counts } of checked) {
      if (!members.has(s.schoolBrin)) {
        skipped.add(s.schoolBrin);
        continue;
      }
      await upsertSnapshot(tx, {
        brin: s.schoolBrin,
        schoolYear: s.schoolYear,
        day: s.day,
        counts,
        reportedAt: ctx.now(),
        reportedBy: ctx.actor.id,
      });
      recorded++;
    }
    await audit.record(tx, ctx, 'region.monitoring.reported', {
      details: { recorded, skipped: skipped.size },
    });
    return { recorded, skipped: [...skipped].sort() };
  });
}
