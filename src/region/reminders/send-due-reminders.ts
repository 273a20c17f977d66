import * as audit from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { enqueue } from '../../platform/jobs/index.js';
import { dutchDay, schoolYearOf } from '../../standard/index.js';
import { schoolContacts } from '../contact-store.js';
import type { OutcomeCounts } from '../monitoring/deps.js';
import { loadDashboard, type MonitoringDashboard } from '../monitoring/load-dashboard.js';
import { authorizeRegion, findTimeline, requireRegion } from '../region-store.js';
import type { Deadline } from '../timeline-rules.js';
import type { ReminderDeps } from './deps.js';
import {
  chooseRecipients,
  DEADLINE_DUTIES,
  isSchoolDay,
  type ReminderKind,
  remindersDue,
  type ScheduledReminder,
  schoolGetsReminder,
} from './reminder-rules.js';
import { claimReminder, readSettings } from './reminder-store.js';

/** The durable job that sends one reminder's e-mails (jobs.ts has its handler). */
export const SEND_REMINDER_MAILS = 'region.send-reminder-mails';

/** The reminders read the monitoring's milestone cells only, never its session outcomes. */
const NO_OUTCOMES: OutcomeCounts = { pairs: async () => [] };

export interface ReminderRun {
  regionId: string;
  /** The day the run was for (YYYY-MM-DD). */
  day: string;
  /** Reminders only go on school days of the region's holiday region. */
  schoolDay: boolean;
  /** The reminders that were due today, per deadline (whichever schools they reach). */
  due: Array<{ schoolYear: string; deadline: Deadline; kind: ReminderKind; dueOn: string }>;
  /** Reminders this run made (one per school and due reminder); their mails go by a job. */
  reminders: number;
  /** People they go to by e-mail. */
  recipients: number;
  /** Of those reminders: to the directie/technical contact because nobody held the roles. */
  fallbacks: number;
  /** Of those reminders: nobody at the school could be mailed (the in-app notice is there). */
  unreachable: number;
  /** Reminders that an earlier run (or another instance) had made already: not sent again. */
  alreadySent: number;
}

/**
 * Sends the reminders of a region that are due today (the daily job for every region, or the
 * coordinator's "send now"): for each deadline of the timeline whose reminder is due — before it,
 * to every school of the deadline's side that is not done; after it, only to schools whose
 * monitoring status is behind — one reminder per school, with an in-app notice for the school and
 * an e-mail to each person in the deadline's roles (or else the directie and technical contact).
 * The unique key per region, school, school year, deadline, kind and day makes a second run (or a
 * second instance) find it made and send nothing.
 */
export async function sendDueReminders(
  ctx: Ctx,
  deps: Pick<ReminderDeps, 'chain'>,
  input: { regionId: string; trigger?: 'daily' | 'manual' },
): Promise<ReminderRun> {
  authorizeRegion(ctx, 'region:admin', input.regionId);
  const trigger = input.trigger ?? 'manual';
  const day = dutchDay(ctx.now());
  const { region, settings, timelines } = await ctx.db.transaction(async (tx) => {
    const region = await requireRegion(tx, input.regionId);
    const { settings } = await readSettings(tx, input.regionId);
    // This school year's timeline, and last year's while its summer switch has not passed (its
    // after-reminders for "requested" may run into the new school year).
    const current = schoolYearOf(day);
    const start = Number(current.slice(0, 4));
    const years = [`${start - 1}-${start}`, current];
    const timelines = [];
    for (const schoolYear of years) {
      const timeline = await findTimeline(tx, input.regionId, schoolYear);
      if (timeline && (schoolYear === current || day <= timeline.dates.summerSwitch))
        timelines.push(timeline);
    }
    return { region, settings, timelines };
  });
  const holidays = region.settings.holidayRegion;
  const run: ReminderRun = {
    regionId: region.id,
    day,
    schoolDay: isSchoolDay(day, holidays),
    due: [],
    reminders: 0,
    recipients: 0,
    fallbacks: 0,
    unreachable: 0,
    alreadySent: 0,
  };

  const plans: Array<{ schoolYear: string; due: ScheduledReminder[]; dashboard: MonitoringDashboard }> = [];
  for (const timeline of timelines) {
    const due = remindersDue(timeline.dates, settings, holidays, day);
    if (due.length === 0) continue;
    run.due.push(
      ...due.map((r) => ({
        schoolYear: timeline.schoolYear,
        deadline: r.deadline,
        kind: r.kind,
        dueOn: r.dueOn,
      })),
    );
    const dashboard = await loadDashboard(
      ctx,
      { chain: deps.chain, outcomes: NO_OUTCOMES },
      {
        regionId: region.id,
        schoolYear: timeline.schoolYear,
      },
    );
    plans.push({ schoolYear: timeline.schoolYear, due, dashboard });
  }
  if (plans.length === 0) return run;

  const now = ctx.now();
  const counted = await ctx.db.transaction(async (tx) => {
    // counted afresh on every attempt (a transaction that hit a deadlock runs again)
    const c = { reminders: 0, recipients: 0, fallbacks: 0, unreachable: 0, alreadySent: 0 };
    const brins = [...new Set(plans.flatMap((p) => p.dashboard.schools.map((s) => s.brin)))].sort();
    const people = await schoolContacts(tx, brins);
    // The same order in every run, so that two instances claiming at once never deadlock.
    for (const plan of plans) {
      for (const r of plan.due) {
        const duty = DEADLINE_DUTIES[r.deadline];
        for (const school of [...plan.dashboard.schools].sort((a, b) => a.brin.localeCompare(b.brin))) {
          if (!school.sides.includes(duty.side)) continue;
          const cell = school.cells[duty.milestone];
          if (!schoolGetsReminder(r.kind, cell.status)) continue;
          const choice = chooseRecipients(r.deadline, people.get(school.brin) ?? []);
          const id = await claimReminder(tx, {
            regionId: region.id,
            brin: school.brin,
            schoolYear: plan.schoolYear,
            deadline: r.deadline,
            kind: r.kind,
            dueOn: r.dueOn,
            // biome-ignore lint/style/noNonNullAssertion: a plan exists only with a timeline
            deadlineDay: plan.dashboard.timeline![r.deadline],
            relevantUntil: r.relevantUntil,
            status: cell.status,
            count: cell.count,
            outOf: cell.outOf,
            roles: choice.roles,
            fallback: choice.fallback,
            recipients: choice.recipients,
            trigger,
            createdAt: now,
            createdBy: ctx.actor.id,
          });
          if (!id) {
            c.alreadySent++;
            continue;
          }
          c.reminders++;
          c.recipients += choice.recipients.length;
          if (choice.fallback) c.fallbacks++;
          if (choice.recipients.length === 0) c.unreachable++;
          if (choice.recipients.length > 0) {
            await enqueue(tx, SEND_REMINDER_MAILS, { reminderId: id }, { key: id });
          }
        }
      }
    }
    if (c.reminders > 0) {
      const { alreadySent: _, ...details } = c;
      await audit.record(tx, ctx, 'region.reminders.sent', {
        subject: region.id,
        details: { day, trigger, ...details },
      });
    }
    return c;
  });
  return { ...run, ...counted };
}
