import { type Ctx, SYSTEM_ACTOR } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import {
  describeFailure,
  enqueue,
  type JobHandler,
  type JobInfo,
  type JobLogger,
} from '../../platform/jobs/index.js';
import { listRegionsByIds } from '../region-store.js';
import type { ReminderJobDeps } from './deps.js';
import { SEND_REMINDER_MAILS, sendDueReminders } from './send-due-reminders.js';
import { sendReminderMails } from './send-reminder-mails.js';

/** The daily durable job that sends every region's due reminders. */
export const SEND_REMINDERS = 'region.send-reminders';

/**
 * The hour (UTC) of the daily run: after the gateways' daily counts (04:00 UTC,
 * `gw.report-milestones`), before a school day starts (07:00 or 08:00 in the Netherlands).
 */
export const DAILY_REMINDER_HOUR_UTC = 6;

/** The next daily run after `now`. */
export function nextReminderRun(now: Date): Date {
  const next = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DAILY_REMINDER_HOUR_UTC),
  );
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/** Makes sure the next daily run is scheduled (one job per day by its key, whatever the instances). */
export async function scheduleReminders(db: Queryable, now: Date = new Date()): Promise<Date> {
  const at = nextReminderRun(now);
  const day = at.toISOString().slice(0, 10);
  await enqueue(db, SEND_REMINDERS, { daily: day }, { runAt: at, key: `daily:${day}` });
  return at;
}

/**
 * The reminders' job handlers: the daily run over every region (one region that fails does not
 * stop the others; the job then fails and its retry finds the others' reminders made), which
 * schedules the next day's; and the e-mails of one reminder. Both idempotent (unique keys, "sent"
 * marks), as durable jobs must be.
 */
export function reminderJobHandlers(
  deps: ReminderJobDeps & { logger?: JobLogger },
): Record<string, JobHandler> {
  const now = deps.now ?? (() => new Date());
  return {
    [SEND_REMINDERS]: async (payload: { daily?: string }, job: JobInfo) => {
      const ctx: Ctx = {
        db: deps.db,
        keyring: deps.keyring,
        actor: SYSTEM_ACTOR,
        requestId: `job-${job.id}-${job.attempts}`,
        now,
      };
      const failed: string[] = [];
      for (const region of await listRegionsByIds(deps.db, 'all')) {
        try {
          await sendDueReminders(ctx, deps, { regionId: region.id, trigger: 'daily' });
        } catch (e) {
          failed.push(region.id);
          deps.logger?.warn({ regionId: region.id, error: describeFailure(e) }, 'region: reminders failed');
        }
      }
      if (payload.daily) await scheduleReminders(deps.db, now());
      if (failed.length > 0) throw new AppError('INTERNAL', { reason: 'reminders failed', regions: failed });
    },
    [SEND_REMINDER_MAILS]: async (payload: { reminderId?: unknown }) => {
      if (typeof payload.reminderId !== 'string') {
        throw new AppError('VALIDATION_FAILED', { field: 'reminderId' });
      }
      await sendReminderMails(deps, { reminderId: payload.reminderId });
    },
  };
}
