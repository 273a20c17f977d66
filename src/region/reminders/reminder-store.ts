import { randomUUID } from 'node:crypto';
import type { SchoolRole } from '../../platform/auth/index.js';
import type { Queryable } from '../../platform/db/index.js';
import type { MilestoneStatus } from '../monitoring/milestones.js';
import type { Deadline } from '../timeline-rules.js';
import {
  DEFAULT_REMINDER_SETTINGS,
  type Recipient,
  type ReminderKind,
  type ReminderSettings,
} from './reminder-rules.js';

/** Reads and writes of the reminders' tables, shared by their use cases and the mail job. */

// ---- settings ----------------------------------------------------------------------------------

export async function readSettings(
  tx: Queryable,
  regionId: string,
): Promise<{ settings: ReminderSettings; updatedAt: string | null }> {
  const { rows } = await tx.query<{
    enabled: boolean;
    days_before: number;
    last_school_day_before: boolean;
    after_deadline: boolean;
    repeat_after_school_days: number;
    updated_at: Date;
  }>('SELECT * FROM region.reminder_settings WHERE region_id = $1', [regionId]);
  const r = rows[0];
  if (!r) return { settings: { ...DEFAULT_REMINDER_SETTINGS }, updatedAt: null };
  return {
    settings: {
      enabled: r.enabled,
      daysBefore: Number(r.days_before),
      lastSchoolDayBefore: r.last_school_day_before,
      afterDeadline: r.after_deadline,
      repeatAfterSchoolDays: Number(r.repeat_after_school_days),
    },
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function writeSettings(
  tx: Queryable,
  regionId: string,
  s: ReminderSettings,
  at: Date,
  by: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO region.reminder_settings
       (region_id, enabled, days_before, last_school_day_before, after_deadline, repeat_after_school_days,
        updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (region_id) DO UPDATE SET
       enabled = EXCLUDED.enabled, days_before = EXCLUDED.days_before,
       last_school_day_before = EXCLUDED.last_school_day_before, after_deadline = EXCLUDED.after_deadline,
       repeat_after_school_days = EXCLUDED.repeat_after_school_days,
       updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [
      regionId,
      s.enabled,
      s.daysBefore,
      s.lastSchoolDayBefore,
      s.afterDeadline,
      s.repeatAfterSchoolDays,
      at,
      by,
    ],
  );
}

// ---- reminders ---------------------------------------------------------------------------------

export interface NewReminder {
  regionId: string;
  brin: string;
  schoolYear: string;
  deadline: Deadline;
  kind: ReminderKind;
  dueOn: string;
  deadlineDay: string;
  relevantUntil: string;
  status: MilestoneStatus;
  count: number | null;
  outOf: number | null;
  roles: readonly SchoolRole[];
  fallback: boolean;
  recipients: readonly Recipient[];
  trigger: 'daily' | 'manual';
  createdAt: Date;
  createdBy: string;
}

/**
 * Inserts a reminder with its recipients unless the same one (region, school, school year,
 * deadline, kind, due day) exists: answers its new id, or undefined when another run has it. A
 * concurrent run inserting the same key waits for this transaction and then finds it.
 */
export async function claimReminder(tx: Queryable, r: NewReminder): Promise<string | undefined> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO region.reminders
       (id, region_id, brin, school_year, deadline_field, kind, due_on, deadline, relevant_until, status,
        count, out_of, roles, fallback, recipients, trigger, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8::date, $9::date, $10, $11, $12, $13::text[], $14, $15, $16, $17, $18)
     ON CONFLICT ON CONSTRAINT reminders_once DO NOTHING
     RETURNING id`,
    [
      randomUUID(),
      r.regionId,
      r.brin,
      r.schoolYear,
      r.deadline,
      r.kind,
      r.dueOn,
      r.deadlineDay,
      r.relevantUntil,
      r.status,
      r.count,
      r.outOf,
      [...r.roles],
      r.fallback,
      r.recipients.length,
      r.trigger,
      r.createdAt,
      r.createdBy,
    ],
  );
  const id = rows[0]?.id;
  if (!id) return undefined;
  for (const p of r.recipients) {
    await tx.query(
      'INSERT INTO region.reminder_recipients (reminder_id, email, roles) VALUES ($1, $2, $3::text[])',
      [id, p.email, p.roles],
    );
  }
  return id;
}

export interface StoredReminder {
  id: string;
  regionId: string;
  regionName: string;
  brin: string;
  schoolYear: string;
  deadline: Deadline;
  kind: ReminderKind;
  dueOn: string;
  deadlineDay: string;
  relevantUntil: string;
  status: MilestoneStatus;
  count: number | null;
  outOf: number | null;
  roles: SchoolRole[];
  fallback: boolean;
  recipients: number;
  mailsSent: number;
  reads: number;
  trigger: 'daily' | 'manual';
  createdAt: string;
}

interface ReminderRow {
  id: string;
  region_id: string;
  region_name: string;
  brin: string;
  school_year: string;
  deadline_field: Deadline;
  kind: ReminderKind;
  due_on: string;
  deadline: string;
  relevant_until: string;
  status: MilestoneStatus;
  count: number | null;
  out_of: number | null;
  roles: SchoolRole[];
  fallback: boolean;
  recipients: number;
  mails_sent: number;
  reads: number;
  trigger: 'daily' | 'manual';
  created_at: Date;
}

const SELECT_REMINDERS = `
  SELECT r.id, r.region_id, g.name AS region_name, r.brin, r.school_year, r.deadline_field, r.kind,
         to_char(r.due_on, 'YYYY-MM-DD') AS due_on, to_char(r.deadline, 'YYYY-MM-DD') AS deadline,
         to_char(r.relevant_until, 'YYYY-MM-DD') AS relevant_until, r.status, r.count, r.out_of, r.roles,
         r.fallback, r.recipients, r.trigger, r.created_at,
         (SELECT count(*)::integer FROM region.reminder_recipients p
           WHERE p.reminder_id = r.id AND p.sent_at IS NOT NULL) AS mails_sent,
         (SELECT count(*)::integer FROM region.reminder_reads d WHERE d.reminder_id = r.id) AS reads
    FROM region.reminders r JOIN region.regions g ON g.id = r.region_id`;

function toReminder(row: ReminderRow): StoredReminder {
  return {
    id: row.id,
    regionId: row.region_id,
    regionName: row.region_name,
    brin: row.brin,
    schoolYear: row.school_year,
    deadline: row.deadline_field,
    kind: row.kind,
    dueOn: row.due_on,
    deadlineDay: row.deadline,
    relevantUntil: row.relevant_until,
    status: row.status,
    count: row.count === null ? null : Number(row.count),
    outOf: row.out_of === null ? null : Number(row.out_of),
    roles: row.roles,
    fallback: row.fallback,
    recipients: Number(row.recipients),
    mailsSent: Number(row.mails_sent),
    reads: Number(row.reads),
    trigger: row.trigger,
    createdAt: row.created_at.toISOString(),
  };
}

export async function findReminder(tx: Queryable, id: string): Promise<StoredReminder | undefined> {
  const { rows } = await tx.query<ReminderRow>(`${SELECT_REMINDERS} WHERE r.id = $1`, [id]);
  return rows[0] ? toReminder(rows[0]) : undefined;
}

/** A region's reminders of a school year, newest first. */
export async function remindersOfRegion(
  tx: Queryable,
  regionId: string,
  schoolYear: string,
): Promise<StoredReminder[]> {
  const { rows } = await tx.query<ReminderRow>(
    `${SELECT_REMINDERS} WHERE r.region_id = $1 AND r.school_year = $2
      ORDER BY r.created_at DESC, r.due_on DESC, r.brin, r.deadline_field, r.kind`,
    [regionId, schoolYear],
  );
  return rows.map(toReminder);
}

/** A school's latest reminders (its in-app notices) of every region, newest first, read or not by `reader`. */
export async function remindersOfSchool(
  tx: Queryable,
  brin: string,
  reader: string,
  limit: number,
): Promise<Array<StoredReminder & { readByMe: boolean }>> {
  const { rows } = await tx.query<ReminderRow & { read_by_me: boolean }>(
    `${SELECT_REMINDERS.replace(
      'AS reads',
      `AS reads,
         EXISTS (SELECT 1 FROM region.reminder_reads m WHERE m.reminder_id = r.id AND m.reader = $2) AS read_by_me`,
    )}
      WHERE r.brin = $1
      ORDER BY r.due_on DESC, r.created_at DESC, r.deadline_field
      LIMIT $3`,
    [brin, reader, limit],
  );
  return rows.map((row) => ({ ...toReminder(row), readByMe: row.read_by_me }));
}

export interface StoredRecipient {
  email: string;
  roles: SchoolRole[];
  sentAt: string | null;
}

export async function recipientsOf(
  tx: Queryable,
  ids: readonly string[],
): Promise<Map<string, StoredRecipient[]>> {
  const byReminder = new Map<string, StoredRecipient[]>();
  if (ids.length === 0) return byReminder;
  const { rows } = await tx.query<{
    reminder_id: string;
    email: string;
    roles: SchoolRole[];
    sent_at: Date | null;
  }>(
    `SELECT reminder_id, email, roles, sent_at FROM region.reminder_recipients
      WHERE reminder_id = ANY($1::uuid[]) ORDER BY reminder_id, email`,
    [[...ids]],
  );
  for (const r of rows) {
    const list = byReminder.get(r.reminder_id) ?? [];
    list.push({ email: r.email, roles: r.roles, sentAt: r.sent_at?.toISOString() ?? null });
    byReminder.set(r.reminder_id, list);
  }
  return byReminder;
}

/**
 * Marks one recipient's mail as handed over, if nobody did before: answers the recipient's roles
 * when this call did (the caller then sends in the same transaction), undefined otherwise. The row
 * lock makes a second instance wait and then find it sent.
 */
export async function takeUnsent(
  tx: Queryable,
  reminderId: string,
  email: string,
  at: Date,
): Promise<SchoolRole[] | undefined> {
  const { rows } = await tx.query<{ roles: SchoolRole[] }>(
    `UPDATE region.reminder_recipients SET sent_at = $3
      WHERE reminder_id = $1 AND email = $2 AND sent_at IS NULL
      RETURNING roles`,
    [reminderId, email, at],
  );
  return rows[0]?.roles;
}

/** Records that a person read a notice; answers whether this was the first time. */
export async function markRead(
  tx: Queryable,
  reminderId: string,
  reader: string,
  at: Date,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO region.reminder_reads (reminder_id, reader, read_at) VALUES ($1, $2, $3)
     ON CONFLICT (reminder_id, reader) DO NOTHING`,
    [reminderId, reader, at],
  );
  return rowCount > 0;
}
