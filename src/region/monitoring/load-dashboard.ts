import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { dutchDay, schoolYearOf } from '../../standard/index.js';
import { findTimeline, memberBrins, requireRegion } from '../region-store.js';
import { isSchoolYear, type TimelineDates } from '../timeline-rules.js';
import { buildDashboard, type DashboardModel, type MemberInfo } from './dashboard-model.js';
import type { MonitoringDeps } from './deps.js';
import { snapshotsOf } from './snapshot-store.js';

export interface MonitoringDashboard extends DashboardModel {
  regionId: string;
  regionName: string;
  schoolYear: string;
  /** The day the statuses are worked out for (YYYY-MM-DD). */
  today: string;
  /** The region's timeline of the school year, or null when it has none yet. */
  timeline: TimelineDates | null;
}

/** The school year asked for, or the one of today; VALIDATION_FAILED for a malformed one. */
export function schoolYearFor(ctx: Pick<Ctx, 'now'>, schoolYear: string | undefined): string {
  if (schoolYear === undefined) return schoolYearOf(dutchDay(ctx.now()));
  if (!isSchoolYear(schoolYear)) {
    throw new AppError('VALIDATION_FAILED', { field: 'schoolYear', reason: 'e.g. 2026-2027' });
  }
  return schoolYear;
}

/**
 * Everything the dashboard shows for a region and school year (no permission check: the use cases
 * that call it check first). Statuses are worked out for today, or for the last day of a past
 * school year.
 */
export async function loadDashboard(
  ctx: Ctx,
  deps: Pick<MonitoringDeps, 'chain' | 'outcomes'>,
  input: { regionId: string; schoolYear: string },
): Promise<MonitoringDashboard> {
  const start = Number(input.schoolYear.slice(0, 4));
  const now = dutchDay(ctx.now());
  const lastDay = `${start + 1}-07-31`;
  const today = now < lastDay ? now : lastDay;
  const { region, brins, timeline, snapshots } = await ctx.db.transaction(async (tx) => {
    const region = await requireRegion(tx, input.regionId);
    const brins = await memberBrins(tx, input.regionId);
    return {
      region,
      brins,
      timeline: await findTimeline(tx, input.regionId, input.schoolYear),
      snapshots: await snapshotsOf(tx, brins, input.schoolYear, today),
    };
  });
  const facts = await deps.chain.schools(brins);
  const members: MemberInfo[] = brins
    .map((brin) => {
      const f = facts.get(brin);
      return { brin, name: f?.name ?? brin, sector: f?.sector ?? 'onbekend', place: f?.place ?? null };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.brin.localeCompare(b.brin));
  const from = `${start}-08-01`;
  const pairs = today < from ? [] : await deps.outcomes.pairs(brins, from, today);
  return {
    regionId: region.id,
    regionName: region.name,
    schoolYear: input.schoolYear,
    today,
    timeline: timeline?.dates ?? null,
    ...buildDashboard({ members, snapshots, timeline: timeline?.dates ?? null, today, pairs }),
  };
}
