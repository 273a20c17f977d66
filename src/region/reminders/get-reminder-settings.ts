import type { SchoolRole } from '../../platform/auth/index.js';
import type { Ctx } from '../../platform/context.js';
import { dutchDay, schoolYearOf } from '../../standard/index.js';
import { authorizeRegion, findTimeline, requireRegion } from '../region-store.js';
import { DEADLINES, type Deadline, type TimelineDates } from '../timeline-rules.js';
import {
  DEADLINE_DUTIES,
  DEFAULT_REMINDER_SETTINGS,
  type DeadlineDuty,
  FALLBACK_ROLES,
  REMINDER_BOUNDS,
  type ReminderSettings,
  type ScheduledReminder,
  timelineSchedule,
} from './reminder-rules.js';
import { readSettings } from './reminder-store.js';

export interface ReminderSettingsView {
  regionId: string;
  settings: ReminderSettings;
  defaults: ReminderSettings;
  bounds: typeof REMINDER_BOUNDS;
  /** When a coordinator last saved them; null while the region uses the defaults. */
  updatedAt: string | null;
  /** Today (YYYY-MM-DD) and its school year, for the schedule. */
  today: string;
  schoolYear: string;
  /** The region's timeline of that school year, or null. */
  timeline: TimelineDates | null;
  /** When reminders go with these settings in that school year (empty without a timeline). */
  schedule: ScheduledReminder[];
  /** Who must act before each deadline, and who hears it at a school without them. */
  duties: Array<{ deadline: Deadline; roles: SchoolRole[] } & Pick<DeadlineDuty, 'side' | 'milestone'>>;
  fallbackRoles: SchoolRole[];
}

/** The region's reminder settings, and when reminders go with them this school year (region:read). */
export async function getReminderSettings(
  ctx: Ctx,
  input: { regionId: string },
): Promise<ReminderSettingsView> {
  authorizeRegion(ctx, 'region:read', input.regionId);
  const today = dutchDay(ctx.now());
  const schoolYear = schoolYearOf(today);
  return ctx.db.transaction(async (tx) => {
    const region = await requireRegion(tx, input.regionId);
    const { settings, updatedAt } = await readSettings(tx, input.regionId);
    const timeline = await findTimeline(tx, input.regionId, schoolYear);
    return {
      regionId: region.id,
      settings,
      defaults: DEFAULT_REMINDER_SETTINGS,
      bounds: REMINDER_BOUNDS,
      updatedAt,
      today,
      schoolYear,
      timeline: timeline?.dates ?? null,
      schedule: timeline ? timelineSchedule(timeline.dates, settings, region.settings.holidayRegion) : [],
      duties: DEADLINES.map((deadline) => {
        const duty = DEADLINE_DUTIES[deadline];
        return { deadline, side: duty.side, roles: [...duty.roles], milestone: duty.milestone };
      }),
      fallbackRoles: [...FALLBACK_ROLES],
    };
  });
}
