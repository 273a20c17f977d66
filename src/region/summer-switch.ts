import { authorize, type Ctx } from '../platform/context.js';
import { dutchDay } from '../standard/index.js';
import type { RegionDeps } from './deps.js';
import { listRegionsByIds, listTimelines, type StoredTimeline } from './region-store.js';

/**
 * The summer switch of a region's timeline drives the gateway's expiry of ready dossiers (DESIGN.md
 * §5). The gateway keeps one date per region (MM-DD) and schedules its next occurrence, so the
 * region hands it the switch that comes next: the earliest switch after today among the region's
 * timelines — and only when that is indeed the next occurrence of its MM-DD (a timeline two years
 * ahead waits its turn). Saving a timeline and starting the all-in-one process both apply it.
 */

/** The timeline whose summer switch the gateway should run next, if any. */
export function nextSummerSwitch(
  timelines: readonly StoredTimeline[],
  today: string,
): { schoolYear: string; day: string; monthDay: string } | undefined {
  const upcoming = timelines
    .filter((t) => t.dates.summerSwitch > today)
    .sort((a, b) => a.dates.summerSwitch.localeCompare(b.dates.summerSwitch))[0];
  if (!upcoming) return undefined;
  const day = upcoming.dates.summerSwitch;
  const monthDay = day.slice(5);
  const year = Number(today.slice(0, 4));
  const nextOccurrence = `${year}-${monthDay}` > today ? `${year}-${monthDay}` : `${year + 1}-${monthDay}`;
  return nextOccurrence === day ? { schoolYear: upcoming.schoolYear, day, monthDay } : undefined;
}

export interface AppliedSummerSwitch {
  schoolYear: string;
  day: string;
  /** 'set': the gateway had another date (or none) and has this one now; 'unchanged': it had it. */
  change: 'set' | 'unchanged';
}

/** Gives the gateway the region's next summer switch when it differs from what the gateway has. */
export async function applySummerSwitch(
  ctx: Ctx,
  deps: Pick<RegionDeps, 'summerSwitch'>,
  region: { name: string },
  timelines: readonly StoredTimeline[],
): Promise<AppliedSummerSwitch | undefined> {
  const next = nextSummerSwitch(timelines, dutchDay(ctx.now()));
  if (!next) return undefined;
  if ((await deps.summerSwitch.current(region.name)) === next.monthDay) {
    return { schoolYear: next.schoolYear, day: next.day, change: 'unchanged' };
  }
  await deps.summerSwitch.set(ctx, { region: region.name, monthDay: next.monthDay });
  return { schoolYear: next.schoolYear, day: next.day, change: 'set' };
}

/**
 * At start-up (all-in-one): hands the gateway every region's next summer switch — after the
 * previous one has run, or when a save could not reach the gateway. A region whose gateway call
 * fails is reported in `failed` and tried again at the next start or save.
 */
export async function syncSummerSwitches(
  ctx: Ctx,
  deps: Pick<RegionDeps, 'summerSwitch'>,
): Promise<{ set: string[]; failed: string[] }> {
  authorize(ctx, 'region:admin');
  const result = { set: [] as string[], failed: [] as string[] };
  for (const region of await listRegionsByIds(ctx.db, 'all')) {
    try {
      const applied = await applySummerSwitch(ctx, deps, region, await listTimelines(ctx.db, region.id));
      if (applied?.change === 'set') result.set.push(region.id);
    } catch {
      result.failed.push(region.id);
    }
  }
  return result;
}
