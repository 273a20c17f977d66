import { authorize, type Ctx } from '../platform/context.js';
import { requireSchool } from './registry.js';
import type { SchoolHistory } from './servicedesk-schemas.js';

export const SCHOOL_HISTORY_LIMIT = 100;

/**
 * What the traffic center recorded about one school, newest first: registration and changes,
 * mandates granted and revoked, delivery points registered, changed and deactivated, test
 * exchanges, qualification and its withdrawal (with the note given). Read from the audit log, which
 * holds every admin change of the traffic center (`tc.*` actions with the school's BRIN); the
 * actor is given by kind only.
 */
export async function schoolHistory(ctx: Ctx, brin: string): Promise<SchoolHistory> {
  authorize(ctx, 'tc:read', brin);
  return ctx.db.transaction(async (tx) => {
    await requireSchool(tx, brin);
    const { rows } = await tx.query<{
      at: Date;
      action: string;
      actor_kind: string;
      subject: string | null;
      details: Record<string, unknown> | null;
    }>(
      `SELECT at, action, actor_kind, subject, details
         FROM platform.audit_log
        WHERE school_brin = $1 AND action LIKE 'tc.%'
        ORDER BY seq DESC
        LIMIT ${SCHOOL_HISTORY_LIMIT}`,
      [brin],
    );
    return {
      brin,
      entries: rows.map((r) => ({
        at: new Date(r.at).toISOString(),
        action: r.action,
        actorKind: r.actor_kind,
        subject: r.subject,
        details: r.details ?? {},
      })),
    };
  });
}
