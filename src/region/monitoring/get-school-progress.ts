import { type Ctx, may, type Permission } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { dutchDay } from '../../standard/index.js';
import { regionsOfSchool } from '../region-store.js';
import type { TimelineDates } from '../timeline-rules.js';
import type { MilestoneSummary, RegionTotals, SchoolRow } from './dashboard-model.js';
import type { MonitoringDeps, PupilListItem } from './deps.js';
import { loadDashboard, schoolYearFor } from './load-dashboard.js';

/** Anyone who works at the school, in any role, may see its progress. */
const SCHOOL_STAFF: Permission[] = ['dossier:read', 'received:read', 'school:people', 'gateway:admin'];

export interface SchoolRegionProgress {
  regionId: string;
  regionName: string;
  timeline: TimelineDates | null;
  /** The school's own row. */
  row: SchoolRow;
  /** The region's totals per milestone (no other school's row). */
  milestones: MilestoneSummary[];
  totals: RegionTotals;
}

export interface SchoolProgress {
  brin: string;
  name: string;
  schoolYear: string;
  today: string;
  /** The regions the school is a member of (usually one). */
  regions: SchoolRegionProgress[];
  /**
   * The school's own pupils behind its counts, from its gateway: null when the caller may not see
   * them (`dossier:read` for dossiers, `received:read` for registrations) or the gateway is elsewhere.
   */
  readyNotRequested: PupilListItem[] | null;
  notArrived: PupilListItem[] | null;
}

/**
 * A school's progress (the school view of the monitoring): its own row and the regional totals of
 * each region it belongs to, and — for its own staff — the names behind its own counts: dossiers
 * set ready but not requested, registrations whose dossier has not arrived.
 */
export async function getSchoolProgress(
  ctx: Ctx,
  deps: Pick<MonitoringDeps, 'chain' | 'outcomes' | 'pupils'>,
  input: { brin: string; schoolYear?: string },
): Promise<SchoolProgress> {
  if (!SCHOOL_STAFF.some((p) => may(ctx.actor, p, input.brin))) {
    throw new AppError('FORBIDDEN', { permission: SCHOOL_STAFF.join('|'), brin: input.brin });
  }
  const schoolYear = schoolYearFor(ctx, input.schoolYear);
  const regions = await regionsOfSchool(ctx.db, input.brin);
  const progress: SchoolRegionProgress[] = [];
  let today = dutchDay(ctx.now());
  for (const region of regions) {
    const dashboard = await loadDashboard(ctx, deps, { regionId: region.id, schoolYear });
    const row = dashboard.schools.find((s) => s.brin === input.brin);
    if (!row) continue;
    today = dashboard.today;
    progress.push({
      regionId: dashboard.regionId,
      regionName: dashboard.regionName,
      timeline: dashboard.timeline,
      row,
      milestones: dashboard.milestones,
      totals: dashboard.totals,
    });
  }
  const facts = await deps.chain.schools([input.brin]);
  const list = { schoolBrin: input.brin, schoolYear };
  const pupils = deps.pupils;
  return {
    brin: input.brin,
    name: facts.get(input.brin)?.name ?? input.brin,
    schoolYear,
    today,
    regions: progress,
    readyNotRequested:
      pupils && may(ctx.actor, 'dossier:read', input.brin) ? await pupils.readyNotRequested(ctx, list) : null,
    notArrived:
      pupils && may(ctx.actor, 'received:read', input.brin) ? await pupils.notArrived(ctx, list) : null,
  };
}
