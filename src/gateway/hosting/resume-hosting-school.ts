import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { DeliveryPointPurpose } from '../../platform/protocol.js';
import { isBrin } from '../pupils/identity.js';

export interface ResumeHostingInput {
  brin: string;
}

export interface ResumedHosting {
  brin: string;
  resumedAt: string;
  /** The end that the resume undid: when hosting had ended, and until when the data was to be kept. */
  ended: { hostingEndedAt: string; retainUntil: string };
  /**
   * The school's delivery points, every one still inactive: the operator activates one
   * (POST /api/gw/schools/{brin}/delivery-points/{routingKey}/activate) or adds one, and has the
   * traffic center hand it out again.
   */
  deliveryPoints: Array<{ routingKey: string; purpose: DeliveryPointPurpose; active: boolean }>;
}

/**
 * Which schools may resume: those whose hosting ended and whose data is still here (not purged after
 * `retain_until`, purge-ended-school.ts). The one place that says so; the resume's guarded UPDATE
 * and its refusal both read it.
 */
const RESUMABLE = 'hosting_ended_at IS NOT NULL AND purged_at IS NULL';

/**
 * Resumes hosting a school whose hosting ended at this gateway (it came back to this supplier, or
 * was stopped by mistake) while its data is still kept. In one transaction the school row is
 * locked, and an UPDATE guarded by the ended state clears `hosting_ended_at` and `retain_until` and
 * stamps `hosting_resumed_at`; the database refuses clearing the end in any other way
 * (`school_hosting_ended_is_final`), and for a purged school at all (`school_purged_is_final`).
 * A school still hosted → GW_HOSTING_NOT_ENDED; one whose data was purged → GW_SCHOOL_PURGED. A
 * school whose `retain_until` passed but that is not purged yet still resumes: its data is here, and
 * the purge (which locks the school row too) then finds it hosted.
 *
 * What the stop did stays done: the school's delivery points stay inactive until the operator
 * activates or adds one (activate-delivery-point.ts, add-delivery-point.ts), and the dossiers it
 * withdrew stay withdrawn until the school sets them ready again. Audited as
 * `gateway.school.hosting-resumed`.
 */
export async function resumeHostingSchool(ctx: Ctx, input: ResumeHostingInput): Promise<ResumedHosting> {
  authorize(ctx, 'gateway:admin', input.brin);
  if (typeof input.brin !== 'string' || !isBrin(input.brin)) {
    throw new AppError('VALIDATION_FAILED', { problems: { brin: 'two digits and two capitals (00YY)' } });
  }

  return ctx.db.transaction(async (tx) => {
    const school = await tx.query<{
      hosting_ended_at: Date | null;
      retain_until: string | null;
      resumable: boolean;
    }>(
      `SELECT hosting_ended_at, to_char(retain_until, 'YYYY-MM-DD') AS retain_until, (${RESUMABLE}) AS resumable
         FROM gw.schools WHERE brin = $1 FOR UPDATE`,
      [input.brin],
    );
    const ended = school.rows[0];
    if (!ended) throw new AppError('GW_SCHOOL_NOT_HOSTED', { brin: input.brin });
    if (ended.hosting_ended_at === null) throw new AppError('GW_HOSTING_NOT_ENDED', { brin: input.brin });
    if (!ended.resumable) throw new AppError('GW_SCHOOL_PURGED', { brin: input.brin });
    // Never stamped before the end, even when this instance's clock is behind the one that stopped it.
    const resumed = await tx.query<{ hosting_resumed_at: Date }>(
      `UPDATE gw.schools
          SET hosting_ended_at = NULL, retain_until = NULL,
              hosting_resumed_at = greatest($2::timestamptz, hosting_ended_at)
        WHERE brin = $1 AND ${RESUMABLE}
       RETURNING hosting_resumed_at`,
      [input.brin, ctx.now()],
    );
    if (!resumed.rows[0]) throw new AppError('CONFLICT', { brin: input.brin });

    const points = await tx.query<{ routing_key: string; purpose: DeliveryPointPurpose; active: boolean }>(
      'SELECT routing_key, purpose, active FROM gw.delivery_points WHERE brin = $1 ORDER BY created_at',
      [input.brin],
    );
    const hostingEndedAt = ended.hosting_ended_at.toISOString();
    const retainUntil = ended.retain_until as string;
    await audit.record(tx, ctx, 'gateway.school.hosting-resumed', {
      schoolBrin: input.brin,
      details: { hostingEndedAt, retainUntil },
    });
    return {
      brin: input.brin,
      resumedAt: resumed.rows[0].hosting_resumed_at.toISOString(),
      ended: { hostingEndedAt, retainUntil },
      deliveryPoints: points.rows.map((p) => ({
        routingKey: p.routing_key,
        purpose: p.purpose,
        active: p.active,
      })),
    };
  });
}
