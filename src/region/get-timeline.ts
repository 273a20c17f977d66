import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import type { RegionDeps } from './deps.js';
import { authorizeRegion, findTimeline, requireRegion } from './region-store.js';
import type { HolidayRegion } from './school-calendar.js';
import {
  isSchoolYear,
  type TimelineDates,
  type TimelineWarning,
  timelineWarnings,
} from './timeline-rules.js';

export interface TimelineView {
  regionId: string;
  schoolYear: string;
  /** The saved dates, or null when the region has no timeline for this school year yet. */
  dates: TimelineDates | null;
  updatedAt: string | null;
  /** What to look at in the saved dates (holidays, short gaps). */
  warnings: TimelineWarning[];
  holidayRegion: HolidayRegion;
  minGapSchoolDays: number;
  /** The date (MM-DD) the gateway now runs the region's summer switch on, if it has one. */
  gatewaySummerSwitch: string | null;
}

/** A region's timeline of one school year, with its warnings worked out again. */
export async function getTimeline(
  ctx: Ctx,
  deps: Pick<RegionDeps, 'summerSwitch'>,
  input: { regionId: string; schoolYear: string },
): Promise<TimelineView> {
  authorizeRegion(ctx, 'region:read', input.regionId);
  if (!isSchoolYear(input.schoolYear)) {
    throw new AppError('VALIDATION_FAILED', { field: 'schoolYear', reason: 'e.g. 2026-2027' });
  }
  const { region, timeline } = await ctx.db.transaction(async (tx) => ({
    region: await requireRegion(tx, input.regionId),
    timeline: await findTimeline(tx, input.regionId, input.schoolYear),
  }));
  const { holidayRegion, minGapSchoolDays } = region.settings;
  return {
    regionId: region.id,
    schoolYear: input.schoolYear,
    dates: timeline?.dates ?? null,
    updatedAt: timeline?.updatedAt ?? null,
    warnings: timeline
      ? timelineWarnings(input.schoolYear, timeline.dates, { holidayRegion, minGapSchoolDays })
      : [],
    holidayRegion,
    minGapSchoolDays,
    gatewaySummerSwitch: (await deps.summerSwitch.current(region.name)) ?? null,
  };
}
