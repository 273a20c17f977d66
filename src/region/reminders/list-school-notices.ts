import type { Ctx } from '../../platform/context.js';
import type { Message } from '../../standard/index.js';
import { dutchDay } from '../../standard/index.js';
import type { Deadline } from '../timeline-rules.js';
import { DEADLINE_DUTIES, type ReminderKind } from './reminder-rules.js';
import { remindersOfSchool } from './reminder-store.js';
import { authorizeSchoolStaff } from './school-staff.js';
import { schoolPagePath } from './send-reminder-mails.js';
import { ACTIONS, progressSentence, reminderLead, reminderTitle, roleList } from './texts.js';

export interface SchoolNotice {
  id: string;
  regionId: string;
  regionName: string;
  deadline: Deadline;
  deadlineDay: string;
  kind: ReminderKind;
  dueOn: string;
  createdAt: string;
  title: Message;
  text: Message;
  /** The school's count for the deadline's milestone then, as a sentence, or null. */
  progress: Message | null;
  action: Message;
  /** The roles asked to act. */
  roles: Message;
  /** The web app's page to act on (a path). */
  link: string;
  /** Read by the caller. */
  read: boolean;
  /** Not read by the caller, still relevant, and the latest of its region and deadline. */
  open: boolean;
}

export interface SchoolNotices {
  brin: string;
  /** Open notices first, then the rest, newest first. */
  notices: SchoolNotice[];
  open: number;
}

const LIMIT = 50;

/**
 * A school's in-app notices (any of its staff): the reminders its regions sent it, per school —
 * never per pupil — with what to do, and whether the caller has read them. A notice is open while
 * the caller has not read it, its deadline (or, after it, the next date) has not passed, and no
 * later reminder of the same region and deadline came.
 */
export async function listSchoolNotices(ctx: Ctx, input: { brin: string }): Promise<SchoolNotices> {
  authorizeSchoolStaff(ctx, input.brin);
  const today = dutchDay(ctx.now());
  const reminders = await remindersOfSchool(ctx.db, input.brin, ctx.actor.id, LIMIT);
  const latest = new Set<string>();
  const seen = new Set<string>();
  for (const r of reminders) {
    const key = `${r.regionId}|${r.schoolYear}|${r.deadline}`;
    if (!seen.has(key)) latest.add(r.id);
    seen.add(key);
  }
  const notices = reminders.map((r): SchoolNotice => {
    const decidedOn = r.createdAt.slice(0, 10);
    const duty = DEADLINE_DUTIES[r.deadline];
    return {
      id: r.id,
      regionId: r.regionId,
      regionName: r.regionName,
      deadline: r.deadline,
      deadlineDay: r.deadlineDay,
      kind: r.kind,
      dueOn: r.dueOn,
      createdAt: r.createdAt,
      title: reminderTitle(r.deadline, r.kind, r.deadlineDay),
      text: reminderLead({
        deadline: r.deadline,
        kind: r.kind,
        deadlineDay: r.deadlineDay,
        regionName: r.regionName,
        schoolName: { nl: 'uw school', en: 'your school' },
        today: decidedOn,
        absolute: true,
      }),
      progress: progressSentence(r.deadline, r.count, r.outOf),
      action: ACTIONS[r.deadline],
      roles: roleList(duty.roles),
      link: schoolPagePath(r.brin, duty.side),
      read: r.readByMe,
      open: !r.readByMe && today <= r.relevantUntil && latest.has(r.id),
    };
  });
  notices.sort((a, b) => Number(b.open) - Number(a.open));
  return { brin: input.brin, notices, open: notices.filter((n) => n.open).length };
}
