import * as audit from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { authorizeRegion, requireRegion } from '../region-store.js';
import { getReminderSettings, type ReminderSettingsView } from './get-reminder-settings.js';
import { REMINDER_BOUNDS, type ReminderSettings, settingsProblems } from './reminder-rules.js';
import { writeSettings } from './reminder-store.js';

const WORDS = {
  daysBefore: {
    nl: 'de eerste herinnering, in schooldagen vóór de deadline',
    en: 'the first reminder, in school days before the deadline',
  },
  repeatAfterSchoolDays: {
    nl: 'het herhalen na de deadline, in schooldagen',
    en: 'the repeat after the deadline, in school days',
  },
} as const;

/**
 * Changes the region's reminder settings (region:admin): whether reminders go, how many school days
 * before a deadline the first goes, one on the last school day before it, and after it to the
 * schools that are behind, every so many school days. A number out of bounds is refused at its
 * field (REGION_SETTINGS_INVALID) and nothing is saved.
 */
export async function updateReminderSettings(
  ctx: Ctx,
  input: { regionId: string; settings: ReminderSettings },
): Promise<ReminderSettingsView> {
  authorizeRegion(ctx, 'region:admin', input.regionId);
  const s = input.settings;
  const wrong = settingsProblems(s)[0];
  if (wrong) {
    const { min, max } = REMINDER_BOUNDS[wrong];
    throw new AppError(
      'REGION_SETTINGS_INVALID',
      { field: wrong, min, max },
      {
        nl: `Vul bij ${WORDS[wrong].nl} een heel getal in van ${min} tot en met ${max}.`,
        en: `Enter a whole number from ${min} to ${max} for ${WORDS[wrong].en}.`,
      },
    );
  }
  const settings: ReminderSettings = {
    enabled: s.enabled === true,
    daysBefore: s.daysBefore,
    lastSchoolDayBefore: s.lastSchoolDayBefore === true,
    afterDeadline: s.afterDeadline === true,
    repeatAfterSchoolDays: s.repeatAfterSchoolDays,
  };
  await ctx.db.transaction(async (tx) => {
    await requireRegion(tx, input.regionId, { lock: true });
    await writeSettings(tx, input.regionId, settings, ctx.now(), ctx.actor.id);
    await audit.record(tx, ctx, 'region.reminders.settings.updated', {
      subject: input.regionId,
      details: { ...settings },
    });
  });
  return getReminderSettings(ctx, { regionId: input.regionId });
}
