import * as audit from '../platform/audit/index.js';
import { authorize, type Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { isUuid } from '../platform/uuid.js';
import { MANDATE_COLUMNS, type MandateRow, toMandate } from './registry.js';
import type { Mandate } from './schemas.js';

export interface RevokedMandate extends Mandate {
  /** The supplier's delivery points of this school, deactivated with the mandate. */
  deactivatedDeliveryPoints: string[];
}

/**
 * The board withdraws a supplier's mandate for a school. In the same transaction the supplier's
 * delivery points of that school stop being active: a supplier without a mandate must not be
 * handed dossiers for the school.
 */
export async function revokeMandate(
  ctx: Ctx,
  input: { supplierId: string; brin: string },
): Promise<RevokedMandate> {
  authorize(ctx, 'tc:admin', input.brin);
  if (!isUuid(input.supplierId)) throw new AppError('MANDATE_NOT_FOUND', input);
  return ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query<MandateRow>(
      `UPDATE tc.mandates SET revoked_at = $3
        WHERE supplier_id = $1 AND brin = $2 AND revoked_at IS NULL
        RETURNING ${MANDATE_COLUMNS}`,
      [input.supplierId, input.brin, ctx.now()],
    );
    if (!rows[0]) throw new AppError('MANDATE_NOT_FOUND', input);
    const deactivated = await tx.query<{ routing_key: string }>(
      `UPDATE tc.delivery_points SET active = false, deactivated_at = $3
        WHERE supplier_id = $1 AND brin = $2 AND active
        RETURNING routing_key`,
      [input.supplierId, input.brin, ctx.now()],
    );
    const deactivatedDeliveryPoints = deactivated.rows.map((r) => r.routing_key).sort();
    await audit.record(tx, ctx, 'tc.mandate.revoked', {
      schoolBrin: input.brin,
      subject: `supplier:${input.supplierId}`,
      details: { deactivatedDeliveryPoints },
    });
    return { ...toMandate(rows[0]), deactivatedDeliveryPoints };
  });
}
