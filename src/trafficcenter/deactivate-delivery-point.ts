import * as audit from '../platform/audit/index.js';
import { authorize, type Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import {
  DELIVERY_POINT_COLUMNS,
  type DeliveryPointRow,
  findDeliveryPoint,
  toDeliveryPoint,
} from './registry.js';
import type { DeliveryPoint } from './schemas.js';

/**
 * Takes a delivery point out of the chain (moved, replaced, or its key compromised). From now on
 * no session hands it out, and a session that started with it fails its check. Idempotent.
 */
export async function deactivateDeliveryPoint(ctx: Ctx, routingKey: string): Promise<DeliveryPoint> {
  authorize(ctx, 'tc:admin');
  return ctx.db.transaction(async (tx) => {
    const point = await findDeliveryPoint(tx, routingKey);
    if (!point) throw new AppError('DELIVERY_POINT_NOT_FOUND', { routingKey });
    authorize(ctx, 'tc:admin', point.brin);
    const { rows } = await tx.query<DeliveryPointRow>(
      `UPDATE tc.delivery_points SET active = false, deactivated_at = COALESCE(deactivated_at, $2)
        WHERE routing_key = $1 RETURNING ${DELIVERY_POINT_COLUMNS}`,
      [routingKey, ctx.now()],
    );
    if (point.active) {
      await audit.record(tx, ctx, 'tc.delivery-point.deactivated', {
        schoolBrin: point.brin,
        subject: `delivery-point:${routingKey}`,
      });
    }
    return toDeliveryPoint(rows[0]);
  });
}
