import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { DeliveryPointPurpose } from '../../platform/protocol.js';
import { isBrin } from '../pupils/identity.js';

export interface StopHostingInput {
  brin: string;
  /** Until when the school's data is kept here (YYYY-MM-DD, not before today); default one year from now. */
  retainUntil?: string;
}

export interface StoppedHosting {
  brin: string;
  hostingEndedAt: string;
  retainUntil: string;
  /**
   * The school's delivery points, now inactive here: the operator deactivates them at the traffic
   * center (POST /api/tc/delivery-points/{routingKey}/deactivate), so that no session hands them out.
   */
  deliveryPoints: Array<{ routingKey: string; purpose: DeliveryPointPurpose }>;
  /** Dossiers that were ready and are withdrawn (ingetrokken). */
  withdrawnDossiers: number;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Stops hosting a school at this gateway (it moves to another supplier, or closes), in one
 * transaction: its delivery points become inactive — a document request, notice or registration
 * notice that still reaches them is answered OnbekendAanleverpunt —, every ready dossier is
 * withdrawn (klaargezet → ingetrokken, one audit entry each), and the school is marked as no longer
 * hosted: nothing new is imported, set ready, registered or requested for it (GW_SCHOOL_NOT_HOSTED;
 * the database refuses an active point or a readiness for it as well). Its data stays, readable and
 * exportable with the school's keys, until `retainUntil`. Final; stopping again only reports what
 * was done.
 */
export async function stopHostingSchool(ctx: Ctx, input: StopHostingInput): Promise<StoppedHosting> {
  authorize(ctx, 'gateway:admin', input.brin);
  const at = ctx.now();
  const today = at.toISOString().slice(0, 10);
  const yearOn = new Date(at);
  yearOn.setUTCFullYear(yearOn.getUTCFullYear() + 1);
  const retainUntil = input.retainUntil ?? yearOn.toISOString().slice(0, 10);
  const problems: Record<string, string> = {};
  if (typeof input.brin !== 'string' || !isBrin(input.brin))
    problems.brin = 'two digits and two capitals (00YY)';
  if (!validDay(retainUntil) || retainUntil < today)
    problems.retainUntil = 'a date (YYYY-MM-DD), today or later';
  if (Object.keys(problems).length > 0) throw new AppError('VALIDATION_FAILED', { problems });

  return ctx.db.transaction(async (tx) => {
    const school = await tx.query<{ hosting_ended_at: Date | null; retain_until: string | null }>(
      `SELECT hosting_ended_at, to_char(retain_until, 'YYYY-MM-DD') AS retain_until
         FROM gw.schools WHERE brin = $1 FOR UPDATE`,
      [input.brin],
    );
    if (!school.rows[0]) throw new AppError('GW_SCHOOL_NOT_HOSTED', { brin: input.brin });
    const points = await tx.query<{ routing_key: string; purpose: DeliveryPointPurpose }>(
      `UPDATE gw.delivery_points SET active = false WHERE brin = $1 AND active RETURNING routing_key, purpose`,
      [input.brin],
    );
    const ended = school.rows[0];
    if (ended.hosting_ended_at !== null) {
      const all = await tx.query<{ routing_key: string; purpose: DeliveryPointPurpose }>(
        'SELECT routing_key, purpose FROM gw.delivery_points WHERE brin = $1 ORDER BY created_at',
        [input.brin],
      );
      return {
        brin: input.brin,
        hostingEndedAt: ended.hosting_ended_at.toISOString(),
        retainUntil: ended.retain_until as string,
        deliveryPoints: all.rows.map((p) => ({ routingKey: p.routing_key, purpose: p.purpose })),
        withdrawnDossiers: 0,
      };
    }
    const withdrawn = await tx.query<{ dossier_id: string; destination_brin: string }>(
      `WITH ready AS (
         SELECT t.id FROM gw.dossier_destinations t JOIN gw.dossiers d ON d.id = t.dossier_id
          WHERE d.school_brin = $1 AND t.state = 'klaargezet'
          FOR UPDATE OF t, d
       ), ended AS (
         UPDATE gw.dossier_destinations t SET state = 'ingetrokken', ended_at = $2
           FROM ready WHERE t.id = ready.id
         RETURNING t.dossier_id, t.destination_brin
       )
       UPDATE gw.dossiers d SET state = 'ingetrokken', revision = d.revision + 1, state_changed_at = $2
         FROM ended WHERE d.id = ended.dossier_id
       RETURNING d.id AS dossier_id, ended.destination_brin`,
      [input.brin, at],
    );
    for (const row of withdrawn.rows) {
      await audit.record(tx, ctx, 'dossier.ingetrokken', {
        schoolBrin: input.brin,
        subject: row.dossier_id,
        details: { withdrawnFrom: row.destination_brin, reason: 'hosting-ended' },
      });
    }
    await tx.query('UPDATE gw.schools SET hosting_ended_at = $2, retain_until = $3 WHERE brin = $1', [
      input.brin,
      at,
      retainUntil,
    ]);
    const deliveryPoints = points.rows.map((p) => ({ routingKey: p.routing_key, purpose: p.purpose }));
    await audit.record(tx, ctx, 'gateway.school.hosting-ended', {
      schoolBrin: input.brin,
      details: {
        retainUntil,
        deliveryPoints: deliveryPoints.map((p) => p.routingKey),
        withdrawnDossiers: withdrawn.rows.length,
      },
    });
    return {
      brin: input.brin,
      hostingEndedAt: at.toISOString(),
      retainUntil,
      deliveryPoints,
      withdrawnDossiers: withdrawn.rows.length,
    };
  });
}

function validDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
