import { randomUUID } from 'node:crypto';
import * as audit from '../platform/audit/index.js';
import { isSchoolRole, type SchoolRole } from '../platform/auth/index.js';
import type { Ctx } from '../platform/context.js';
import { isUniqueViolation } from '../platform/db/index.js';
import { AppError } from '../platform/errors.js';
import { type ContactDetails, contactDetails } from './contact-store.js';
import { authorizeRegion, requireMember, requireRegion } from './region-store.js';

/**
 * Records a person of a member school in a role, with an e-mail address and/or phone number — for
 * the readiness check ("roles filled") and the school's help page. The contact belongs to the
 * school: every region the school is in sees it.
 */
export async function addSchoolContact(
  ctx: Ctx,
  input: { regionId: string; brin: string; role: SchoolRole } & ContactDetails,
): Promise<{ contactId: string }> {
  authorizeRegion(ctx, 'region:admin', input.regionId);
  if (!isSchoolRole(input.role)) throw new AppError('VALIDATION_FAILED', { field: 'role' });
  const details = contactDetails(input);
  const contactId = randomUUID();
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await requireRegion(tx, input.regionId);
    await requireMember(tx, input.regionId, input.brin);
    try {
      await tx.query(
        `INSERT INTO region.school_contacts (id, brin, role, name, email, phone, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [contactId, input.brin, input.role, details.name, details.email, details.phone, now],
      );
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('CONTACT_EXISTS', { brin: input.brin, role: input.role });
      throw e;
    }
    await audit.record(tx, ctx, 'region.school-contact.added', {
      schoolBrin: input.brin,
      subject: contactId,
      details: { regionId: input.regionId, role: input.role },
    });
    return { contactId };
  });
}
