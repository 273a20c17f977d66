import * as audit from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { isUuid } from '../../platform/uuid.js';
import { findReminder, markRead } from './reminder-store.js';
import { authorizeSchoolStaff } from './school-staff.js';

/**
 * Marks one of the school's notices as read by the caller (any of the school's staff); each of the
 * school's people reads for themselves. A notice of another school is not found.
 */
export async function markNoticeRead(
  ctx: Ctx,
  input: { brin: string; noticeId: string },
): Promise<{ read: true }> {
  authorizeSchoolStaff(ctx, input.brin);
  await ctx.db.transaction(async (tx) => {
    const reminder = isUuid(input.noticeId) ? await findReminder(tx, input.noticeId) : undefined;
    if (!reminder || reminder.brin !== input.brin) {
      throw new AppError('REMINDER_NOTICE_NOT_FOUND', { brin: input.brin, noticeId: input.noticeId });
    }
    if (await markRead(tx, reminder.id, ctx.actor.id, ctx.now())) {
      await audit.record(tx, ctx, 'region.reminder.notice.read', {
        schoolBrin: input.brin,
        subject: reminder.id,
      });
    }
  });
  return { read: true };
}
