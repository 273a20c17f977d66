import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import type { RegionDeps } from './deps.js';
import { type TimelineFeedback, timelineFeedback } from './evaluation/timeline-feedback.js';
import { authorizeRegion, findTimeline, requireRegion } from './region-store.js';
import type { HolidayRegion } from './school-calendar.js';
import {
  evaluationWarnings,
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
  /** What the previous school year's evaluation found (findings, gaps too short), if it had one. */
  evaluation: TimelineFeedback | null;
}

/**
 * A region's timeline of one school year, with its warnings worked out again — among them the gaps
 * that the previous school year's evaluation found too short — and that evaluation's findings.
 */
export async function getTimeline(
  ctx: Ctx,
  deps: Pick<RegionDeps, 'summerSwitch'>,
  input: { regionId: string; schoolYear: string },
): Promise<TimelineView> {
  authorizeRegion(ctx, 'region:read', input.regionId);
  if (!isSchoolYear(input.schoolYear)) {
    throw new AppError('VALIDATION_FAILED', { field: 'schoolYear', reason: 'e.g. 2026-2027' });
  }
  const { region, timeline, feedback } = await ctx.db.transaction(async (tx) => {
    const region = await requireRegion(tx, input.regionId);
    return {
      region,
      timeline: await findTimeline(tx, input.regionId, input.schoolYear),
      feedback: await timelineFeedback(tx, region, input.schoolYear),
    };
  });
  const { holidayRegion, minGapSchoolDays } = region.settings;
  return {
    regionId: region.id,
    schoolYear: input.schoolYear,
    dates: timeline?.dates ?? null,
    updatedAt: timeline?.updatedAt ?? null,
    warnings: timeline
      ? [
          ...timelineWarnings(input.schoolYear, timeline.dates, { holidayRegion, minGapSchoolDays }),
          ...evaluationWarnings(timeline.dates, feedback?.gaps ?? [], { holidayRegion, minGapSchoolDays }),
        ]
      : [],
    holidayRegion,
    minGapSchoolDays,
    gatewaySummerSwitch: (await deps.summerSwitch.current(region.name)) ?? null,
    evaluation: feedback,
  };
}
