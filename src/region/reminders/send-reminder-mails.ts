import { type Ctx, SYSTEM_ACTOR } from '../../platform/context.js';
import { regionContacts } from '../contact-store.js';
import { requireRegion } from '../region-store.js';
import { schoolDaysBetween } from '../school-calendar.js';
import type { ReminderJobDeps } from './deps.js';
import { DEADLINE_DUTIES } from './reminder-rules.js';
import { findReminder, recipientsOf, takeUnsent } from './reminder-store.js';
import { reminderMail } from './texts.js';

/** The web app's page where the school acts on a deadline: its leaving pupils, or its registrations. */
export function schoolPagePath(brin: string, side: 'sending' | 'receiving'): string {
  return `/school/${encodeURIComponent(brin)}/${side === 'sending' ? 'vertrek' : 'aanmeldingen'}`;
}

/**
 * The work of the durable job `region.send-reminder-mails`: hands one reminder's e-mail to the
 * mailer for each recipient that has not had it. Each recipient is marked sent in the transaction
 * that hands the mail over (for the development outbox the mail is in that very transaction), so a
 * second run, or a second instance at the same moment, finds it sent and does not send it again. A
 * mail that cannot be handed over (the SMTP server is down) rolls back its mark and fails the job,
 * which retries later for the recipients still open. System work: no caller to authorize.
 */
export async function sendReminderMails(
  deps: ReminderJobDeps,
  input: { reminderId: string },
): Promise<{ sent: number }> {
  const now = deps.now ?? (() => new Date());
  const reminder = await findReminder(deps.db, input.reminderId);
  // the region was removed in the meantime (its reminders went with it): nothing to send
  if (!reminder) return { sent: 0 };
  const ctx: Ctx = {
    db: deps.db,
    keyring: deps.keyring,
    actor: SYSTEM_ACTOR,
    requestId: 'reminder-mails',
    now,
  };
  const region = await requireRegion(ctx.db, reminder.regionId);
  const contacts = (await regionContacts(ctx.db, [region.id])).get(region.id) ?? [];
  const school = (await deps.chain.schools([reminder.brin])).get(reminder.brin);
  const recipients = (await recipientsOf(ctx.db, [reminder.id])).get(reminder.id) ?? [];
  const duty = DEADLINE_DUTIES[reminder.deadline];
  const decidedOn = reminder.createdAt.slice(0, 10);
  const base = {
    deadline: reminder.deadline,
    kind: reminder.kind,
    deadlineDay: reminder.deadlineDay,
    today: decidedOn,
    schoolDaysLeft: schoolDaysBetween(decidedOn, reminder.deadlineDay, region.settings.holidayRegion),
    regionName: region.name,
    schoolName: school?.name ?? reminder.brin,
    count: reminder.count,
    outOf: reminder.outOf,
    dutyRoles: duty.roles,
    fallback: reminder.fallback,
    link: `${deps.mail.publicUrl()}${schoolPagePath(reminder.brin, duty.side)}`,
    regionContacts: contacts,
  };
  let sent = 0;
  for (const recipient of recipients.filter((r) => r.sentAt === null)) {
    await ctx.db.transaction(async (tx) => {
      const at = now();
      const roles = await takeUnsent(tx, reminder.id, recipient.email, at);
      if (!roles) return;
      await deps.mail.mailer.send(tx, { to: recipient.email, ...reminderMail({ ...base, roles }) }, at);
      sent++;
    });
  }
  return { sent };
}
