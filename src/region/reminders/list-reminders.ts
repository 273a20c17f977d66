import type { SchoolRole } from '../../platform/auth/index.js';
import { regionGrantKey } from '../../platform/auth/index.js';
import type { Ctx } from '../../platform/context.js';
import { may } from '../../platform/context.js';
import { schoolYearFor } from '../monitoring/load-dashboard.js';
import { authorizeRegion, requireRegion } from '../region-store.js';
import type { ReminderDeps } from './deps.js';
import {
  recipientsOf,
  remindersOfRegion,
  type StoredRecipient,
  type StoredReminder,
} from './reminder-store.js';

export interface ReminderLogEntry
  extends Omit<StoredReminder, 'regionId' | 'regionName' | 'relevantUntil' | 'schoolYear'> {
  schoolName: string;
  /** Who got the mail: only for a coordinator who may administer the region (region:admin). */
  addresses: StoredRecipient[] | null;
}

export interface ReminderLog {
  regionId: string;
  schoolYear: string;
  entries: ReminderLogEntry[];
}

/**
 * The reminders a region sent in a school year, newest first (region:read): per school, deadline
 * and kind, when, to which roles (and whether to the directie/technical contact because nobody held
 * them), to how many people, how many mails went, and how many of the school's people read the
 * notice. The addresses only for region:admin.
 */
export async function listReminders(
  ctx: Ctx,
  deps: Pick<ReminderDeps, 'chain'>,
  input: { regionId: string; schoolYear?: string },
): Promise<ReminderLog> {
  authorizeRegion(ctx, 'region:read', input.regionId);
  const schoolYear = schoolYearFor(ctx, input.schoolYear);
  const admin = may(ctx.actor, 'region:admin', regionGrantKey(input.regionId));
  const { reminders, recipients } = await ctx.db.transaction(async (tx) => {
    await requireRegion(tx, input.regionId);
    const reminders = await remindersOfRegion(tx, input.regionId, schoolYear);
    return {
      reminders,
      recipients: admin
        ? await recipientsOf(
            tx,
            reminders.map((r) => r.id),
          )
        : new Map<string, StoredRecipient[]>(),
    };
  });
  const facts = await deps.chain.schools([...new Set(reminders.map((r) => r.brin))]);
  return {
    regionId: input.regionId,
    schoolYear,
    entries: reminders.map(({ regionId: _r, regionName: _n, relevantUntil: _u, schoolYear: _y, ...r }) => ({
      ...r,
      roles: r.roles as SchoolRole[],
      schoolName: facts.get(r.brin)?.name ?? r.brin,
      addresses: admin ? (recipients.get(r.id) ?? []) : null,
    })),
  };
}
