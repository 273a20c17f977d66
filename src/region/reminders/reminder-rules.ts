import type { SchoolRole } from '../../platform/auth/index.js';
import type { MilestoneKey, MilestoneStatus, Side } from '../monitoring/milestones.js';
import { addDays, dayOff, type HolidayRegion } from '../school-calendar.js';
import { DEADLINES, type Deadline, TIMELINE_FIELDS, type TimelineDates } from '../timeline-rules.js';

/**
 * When the region's reminders go and to whom (pure rules: no database, no clock of their own).
 *
 * **Who must act before each deadline** (DESIGN.md §6; the roles of platform/auth):
 *
 * | deadline | side | roles | why |
 * |---|---|---|---|
 * | parents have inspected (`inspectedBy`) | po (sending) | administratie, leerkracht (groep 8) | the administratie puts the dossiers up for inspection, the teacher goes through them with the parents |
 * | pupils registered (`registeredBy`) | vo (receiving) | administratie, coordinator (brugklas/instroom) | they record the registrations the parents make |
 * | po schools know where each pupil registered (`destinationKnownBy`) | po | administratie | the registration notices arrive at the po school's administration |
 * | dossiers set ready (`readyBy`) | po | administratie | klaarzetten is the administratie's (`dossier:klaarzetten`) |
 * | dossiers requested (`requestedBy`) | vo | administratie | requesting is the administratie's (`request:send`) |
 *
 * A school without anyone (with an e-mail address) in those roles gets the reminder at its
 * directie and technical contact instead (`FALLBACK_ROLES`); the coordinator sees that in the log.
 * Which side a school is on comes from the monitoring (`sidesOf`: po/so send, vo receives, a vo
 * school that reported leaving pupils sends too).
 *
 * **When** (school days of the region's holiday region: never on a weekend, public holiday or
 * school holiday): `daysBefore` school days before a deadline (default 5) and on the last school day
 * before it (`lastSchoolDayBefore`), to every school of the side that is not done yet; after the
 * deadline (`afterDeadline`) only to the schools whose monitoring status for the milestone is
 * `behind`: on the first school day after it and then every `repeatAfterSchoolDays` school days
 * (default 5, a school week) until the next date of the timeline has passed. "Pupils registered"
 * has no after-reminders: the monitoring never calls a vo school behind on registrations (it cannot
 * know how many pupils will register).
 *
 * A reminder is identified by its region, school, school year, deadline, kind and the day it was
 * due (`dueOn`). A run that missed a day (the server was down) sends it on a later school day, as
 * long as the next reminder of the same deadline is not due yet and the deadline (for before-kinds)
 * or the next date (for after-kinds) has not passed.
 */

export type ReminderKind = 'before' | 'last_day' | 'after';
export const REMINDER_KINDS: readonly ReminderKind[] = ['before', 'last_day', 'after'];

export interface DeadlineDuty {
  /** The side of the schools that must act. */
  side: Side;
  /** The roles that must act, in the order they are named. */
  roles: readonly SchoolRole[];
  /** The monitoring's milestone that tells whether the school is done, on track or behind. */
  milestone: MilestoneKey;
}

export const DEADLINE_DUTIES: Record<Deadline, DeadlineDuty> = {
  inspectedBy: { side: 'sending', roles: ['administratie', 'leerkracht'], milestone: 'inspected' },
  registeredBy: { side: 'receiving', roles: ['administratie', 'coordinator'], milestone: 'registrations' },
  destinationKnownBy: { side: 'sending', roles: ['administratie'], milestone: 'registrationsKnown' },
  readyBy: { side: 'sending', roles: ['administratie'], milestone: 'setReady' },
  requestedBy: { side: 'receiving', roles: ['administratie'], milestone: 'dossiersRequested' },
};

/** Who gets a reminder at a school where nobody holds the roles of the deadline. */
export const FALLBACK_ROLES: readonly SchoolRole[] = ['directie', 'technisch'];

// ---- settings ----------------------------------------------------------------------------------

export interface ReminderSettings {
  /** Reminders go at all. */
  enabled: boolean;
  /** The first reminder, this many school days before a deadline (2–20). */
  daysBefore: number;
  /** Another one on the last school day before a deadline. */
  lastSchoolDayBefore: boolean;
  /** After a deadline, to the schools that are behind. */
  afterDeadline: boolean;
  /** After the first school day after a deadline, again every this many school days (3–20). */
  repeatAfterSchoolDays: number;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  enabled: true,
  daysBefore: 5,
  lastSchoolDayBefore: true,
  afterDeadline: true,
  repeatAfterSchoolDays: 5,
};

/** The sane bounds of the numbers (the same CHECKs are in migrations.ts). */
export const REMINDER_BOUNDS = {
  daysBefore: { min: 2, max: 20 },
  repeatAfterSchoolDays: { min: 3, max: 20 },
} as const;

/** The fields of the settings that are out of bounds (empty when they are fine). */
export function settingsProblems(s: ReminderSettings): Array<keyof typeof REMINDER_BOUNDS> {
  return (Object.keys(REMINDER_BOUNDS) as Array<keyof typeof REMINDER_BOUNDS>).filter((field) => {
    const value = s[field];
    const { min, max } = REMINDER_BOUNDS[field];
    return !Number.isInteger(value) || value < min || value > max;
  });
}

// ---- school days -------------------------------------------------------------------------------

export function isSchoolDay(day: string, region: HolidayRegion): boolean {
  return dayOff(day, region) === undefined;
}

/** No stretch without school days is longer than a summer holiday; a year is a safe bound. */
const MAX_DAYS = 366;

/** The n-th school day before `day` (n = 1: the last school day before it). */
export function schoolDayBefore(day: string, n: number, region: HolidayRegion): string {
  let found = 0;
  let d = day;
  for (let i = 0; i < MAX_DAYS; i++) {
    d = addDays(d, -1);
    if (isSchoolDay(d, region) && ++found === n) return d;
  }
  return d;
}

/** The n-th school day after `day` (n = 1: the first school day after it). */
export function schoolDayAfter(day: string, n: number, region: HolidayRegion): string {
  let found = 0;
  let d = day;
  for (let i = 0; i < MAX_DAYS; i++) {
    d = addDays(d, 1);
    if (isSchoolDay(d, region) && ++found === n) return d;
  }
  return d;
}

// ---- the schedule ------------------------------------------------------------------------------

export interface ScheduledReminder {
  deadline: Deadline;
  kind: ReminderKind;
  /** The school day it is due. */
  dueOn: string;
  /** The last day it may still go (a missed run catches up until then). */
  until: string;
  /**
   * Until when its notice matters: the deadline for the reminders before it, the next date of the
   * timeline for those after it.
   */
  relevantUntil: string;
}

/** The date that comes after a deadline in the timeline (the next deadline or the summer switch). */
export function nextDateAfter(deadline: Deadline, dates: TimelineDates): string {
  const index = TIMELINE_FIELDS.indexOf(deadline);
  return dates[TIMELINE_FIELDS[index + 1]];
}

/** Every reminder of one deadline of a timeline, in date order, each valid until the next one is due. */
export function deadlineSchedule(
  deadline: Deadline,
  dates: TimelineDates,
  settings: ReminderSettings,
  region: HolidayRegion,
): ScheduledReminder[] {
  if (!settings.enabled) return [];
  const day = dates[deadline];
  const entries: Array<Omit<ScheduledReminder, 'until' | 'relevantUntil'> & { end: string }> = [];
  const first = schoolDayBefore(day, settings.daysBefore, region);
  entries.push({ deadline, kind: 'before', dueOn: first, end: day });
  if (settings.lastSchoolDayBefore) {
    const last = schoolDayBefore(day, 1, region);
    if (last > first) entries.push({ deadline, kind: 'last_day', dueOn: last, end: day });
  }
  if (settings.afterDeadline && canBeBehind(deadline)) {
    const end = nextDateAfter(deadline, dates);
    for (
      let d = schoolDayAfter(day, 1, region);
      d <= end;
      d = schoolDayAfter(d, settings.repeatAfterSchoolDays, region)
    ) {
      entries.push({ deadline, kind: 'after', dueOn: d, end });
    }
  }
  return entries.map(({ end, ...e }, i) => {
    // until the day before the next one is due, and never past the end
    const next = entries[i + 1];
    const dayBeforeNext = next ? addDays(next.dueOn, -1) : undefined;
    const until = dayBeforeNext !== undefined && dayBeforeNext < end ? dayBeforeNext : end;
    return { ...e, until, relevantUntil: end };
  });
}

/** The whole schedule of a timeline, in date order. */
export function timelineSchedule(
  dates: TimelineDates,
  settings: ReminderSettings,
  region: HolidayRegion,
): ScheduledReminder[] {
  return DEADLINES.flatMap((d) => deadlineSchedule(d, dates, settings, region)).sort(
    (a, b) => a.dueOn.localeCompare(b.dueOn) || DEADLINES.indexOf(a.deadline) - DEADLINES.indexOf(b.deadline),
  );
}

/**
 * The reminders that go today: per deadline the latest one due by today whose window still holds
 * today — nothing at all when today is not a school day.
 */
export function remindersDue(
  dates: TimelineDates,
  settings: ReminderSettings,
  region: HolidayRegion,
  today: string,
): ScheduledReminder[] {
  if (!isSchoolDay(today, region)) return [];
  return DEADLINES.flatMap((deadline) => {
    const due = deadlineSchedule(deadline, dates, settings, region).filter(
      (r) => r.dueOn <= today && today <= r.until,
    );
    return due.slice(-1);
  });
}

/** Whether the monitoring can ever call a school behind on this deadline's milestone. */
export function canBeBehind(deadline: Deadline): boolean {
  return deadline !== 'registeredBy';
}

/**
 * Whether a school with this status for the deadline's milestone gets the reminder: before the
 * deadline every school of the side that is not done yet (no report, nothing yet or on track);
 * after it only a school that is behind.
 */
export function schoolGetsReminder(kind: ReminderKind, status: MilestoneStatus): boolean {
  if (kind === 'after') return status === 'behind';
  return status !== 'done' && status !== 'not_applicable';
}

// ---- recipients --------------------------------------------------------------------------------

export interface Reachable {
  role: SchoolRole;
  name: string;
  email: string | null;
}

export interface Recipient {
  /** Lower case: one mail per address, whatever roles the person holds. */
  email: string;
  roles: SchoolRole[];
}

export interface RecipientChoice {
  recipients: Recipient[];
  /** The roles the reminder went to: the deadline's, or the fallback's. */
  roles: readonly SchoolRole[];
  /** Nobody with an e-mail address held the deadline's roles: it went to the fallback roles. */
  fallback: boolean;
}

function withRoles(people: readonly Reachable[], roles: readonly SchoolRole[]): Recipient[] {
  const byEmail = new Map<string, Recipient>();
  for (const p of people) {
    if (!p.email || !roles.includes(p.role)) continue;
    const email = p.email.trim().toLowerCase();
    const known = byEmail.get(email);
    if (!known) byEmail.set(email, { email, roles: [p.role] });
    else if (!known.roles.includes(p.role)) known.roles.push(p.role);
  }
  return [...byEmail.values()].sort((a, b) => a.email.localeCompare(b.email));
}

/** Who at a school gets the reminder of a deadline: its roles, or else the fallback roles. */
export function chooseRecipients(deadline: Deadline, people: readonly Reachable[]): RecipientChoice {
  const roles = DEADLINE_DUTIES[deadline].roles;
  const direct = withRoles(people, roles);
  if (direct.length > 0) return { recipients: direct, roles, fallback: false };
  return { recipients: withRoles(people, FALLBACK_ROLES), roles: FALLBACK_ROLES, fallback: true };
}
