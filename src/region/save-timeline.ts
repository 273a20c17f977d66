import * as audit from '../platform/audit/index.js';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import type { RegionDeps } from './deps.js';
import { timelineFeedback } from './evaluation/timeline-feedback.js';
import { authorizeRegion, listTimelines, requireRegion, TIMELINE_COLUMNS } from './region-store.js';
import { applySummerSwitch } from './summer-switch.js';
import {
  evaluationWarnings,
  isSchoolYear,
  TIMELINE_FIELDS,
  type TimelineDates,
  type TimelineWarning,
  timelineProblems,
  timelineWarnings,
} from './timeline-rules.js';

/**
 * What happened to the gateway's summer switch: `set` / `unchanged` — the gateway runs this
 * timeline's switch next; `notNext` — another switch comes first (or this one has passed), the
 * gateway keeps that one; `failed` — the gateway could not be reached; the next start of Overstap
 * tries again.
 */
export type SummerSwitchOutcome =
  | { status: 'set' | 'unchanged'; day: string }
  | { status: 'notNext'; nextSchoolYear: string | null }
  | { status: 'failed' };

export interface SavedTimeline {
  regionId: string;
  schoolYear: string;
  dates: TimelineDates;
  warnings: TimelineWarning[];
  summerSwitch: SummerSwitchOutcome;
}

/**
 * Saves a region's timeline for a school year: the five deadlines and the summer switch. A timeline
 * that cannot work — a date outside the school year, or one that does not come after the one before
 * it — is refused (TIMELINE_DATE_INVALID, TIMELINE_ORDER_INVALID) with an explanation that names
 * both dates; `details.problems` lists every problem at its field. A timeline that can work is saved
 * with warnings (a deadline in a school holiday, a gap shorter than the region's minimum of school
 * days, or shorter than the previous year's evaluation suggests). Then the gateway gets the
 * region's next summer switch.
 */
export async function saveTimeline(
  ctx: Ctx,
  deps: Pick<RegionDeps, 'summerSwitch'>,
  input: { regionId: string; schoolYear: string; dates: TimelineDates },
): Promise<SavedTimeline> {
  authorizeRegion(ctx, 'region:admin', input.regionId);
  if (!isSchoolYear(input.schoolYear)) {
    throw new AppError('VALIDATION_FAILED', { field: 'schoolYear', reason: 'e.g. 2026-2027' });
  }
  const dates = Object.fromEntries(
    TIMELINE_FIELDS.map((f) => [f, String(input.dates[f] ?? '').trim()]),
  ) as TimelineDates;
  const problems = timelineProblems(input.schoolYear, dates);
  if (problems.length > 0) {
    const order = problems.filter((p) => p.kind === 'order');
    const first = order[0] ?? problems[0];
    throw new AppError(
      order.length > 0 ? 'TIMELINE_ORDER_INVALID' : 'TIMELINE_DATE_INVALID',
      {
        field: first.field,
        ...(first.otherField ? { otherField: first.otherField } : {}),
        problems: problems.map((p) => ({
          kind: p.kind,
          field: p.field,
          ...(p.otherField ? { otherField: p.otherField } : {}),
          message: p.message,
        })),
      },
      first.message,
    );
  }
  const now = ctx.now();
  const { region, timelines, feedback } = await ctx.db.transaction(async (tx) => {
    const region = await requireRegion(tx, input.regionId, { lock: true });
    const columns = TIMELINE_FIELDS.map((f) => TIMELINE_COLUMNS[f]);
    await tx.query(
      `INSERT INTO region.timelines (region_id, school_year, ${columns.join(', ')}, updated_at, updated_by)
       VALUES ($1, $2, ${columns.map((_, i) => `$${i + 3}`).join(', ')}, $9, $10)
       ON CONFLICT (region_id, school_year) DO UPDATE SET
         ${columns.map((c) => `${c} = EXCLUDED.${c}`).join(', ')},
         updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [input.regionId, input.schoolYear, ...TIMELINE_FIELDS.map((f) => dates[f]), now, ctx.actor.id],
    );
    await audit.record(tx, ctx, 'region.timeline.saved', {
      subject: input.regionId,
      details: { schoolYear: input.schoolYear, ...dates },
    });
    return {
      region,
      timelines: await listTimelines(tx, input.regionId),
      feedback: await timelineFeedback(tx, region, input.schoolYear),
    };
  });
  const { holidayRegion, minGapSchoolDays } = region.settings;
  return {
    regionId: region.id,
    schoolYear: input.schoolYear,
    dates,
    warnings: [
      ...timelineWarnings(input.schoolYear, dates, { holidayRegion, minGapSchoolDays }),
      ...evaluationWarnings(dates, feedback?.gaps ?? [], { holidayRegion, minGapSchoolDays }),
    ],
    summerSwitch: await summerSwitchOutcome(ctx, deps, region, timelines, input.schoolYear),
  };
}

async function summerSwitchOutcome(
  ctx: Ctx,
  deps: Pick<RegionDeps, 'summerSwitch'>,
  region: { name: string },
  timelines: Parameters<typeof applySummerSwitch>[3],
  schoolYear: string,
): Promise<SummerSwitchOutcome> {
  try {
    const applied = await applySummerSwitch(ctx, deps, region, timelines);
    if (applied?.schoolYear === schoolYear) return { status: applied.change, day: applied.day };
    return { status: 'notNext', nextSchoolYear: applied?.schoolYear ?? null };
  } catch {
    // The timeline is saved; the gateway gets the date at the next start (syncSummerSwitches).
    return { status: 'failed' };
  }
}
