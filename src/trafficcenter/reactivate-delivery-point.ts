import * as audit from '../platform/audit/index.js';
import { authorize, type Ctx } from '../platform/context.js';
import { isUniqueViolation } from '../platform/db/index.js';
import { AppError } from '../platform/errors.js';
import { holdsMandate } from './chain-caller.js';
import { DELIVERY_POINT_COLUMNS, type DeliveryPointRow, toDeliveryPoint } from './registry.js';
import type { DeliveryPoint } from './schemas.js';

/** The index that allows one active point per school, purpose and supplier (migrations.ts). */
const ONE_ACTIVE = 'delivery_points_one_active';

/**
 * Puts a deactivated delivery point back into the chain with its routing key, URL and public key
 * (a school whose gateway resumed hosting it). From now on sessions hand it out again, as long as
 * its school is admitted. Refused while the same supplier has another active point for that school
 * and purpose (`DELIVERY_POINT_CONFLICT`; the unique index settles races) and while the supplier
 * holds no mandate for the school (`NO_MANDATE`: revoking a mandate deactivated its points).
 * An active point is returned as it is.
 */
export async function reactivateDeliveryPoint(ctx: Ctx, routingKey: string): Promise<DeliveryPoint> {
  authorize(ctx, 'tc:admin');
  let conflict: { brin: string; purpose: string; supplierId: string } | undefined;
  try {
    return await ctx.db.transaction(async (tx) => {
      const found = await tx.query<DeliveryPointRow>(
        `SELECT ${DELIVERY_POINT_COLUMNS} FROM tc.delivery_points WHERE routing_key = $1 FOR UPDATE`,
        [routingKey],
      );
      if (!found.rows[0]) throw new AppError('DELIVERY_POINT_NOT_FOUND', { routingKey });
      const point = toDeliveryPoint(found.rows[0]);
      authorize(ctx, 'tc:admin', point.brin);
      if (point.active) return point;
      conflict = { brin: point.brin, purpose: point.purpose, supplierId: point.supplierId };
      if (!(await holdsMandate(tx, point.supplierId, point.brin, { lock: true }))) {
        throw new AppError('NO_MANDATE', { supplierId: point.supplierId, brin: point.brin });
      }
      const other = await tx.query<{ routing_key: string }>(
        `SELECT routing_key FROM tc.delivery_points
          WHERE brin = $1 AND purpose = $2 AND supplier_id = $3 AND active`,
        [point.brin, point.purpose, point.supplierId],
      );
      if (other.rows[0]) {
        throw new AppError('DELIVERY_POINT_CONFLICT', {
          routingKey,
          ...conflict,
          activeRoutingKey: other.rows[0].routing_key,
        });
      }
      const { rows } = await tx.query<DeliveryPointRow>(
        `UPDATE tc.delivery_points SET active = true, deactivated_at = NULL
          WHERE routing_key = $1 RETURNING ${DELIVERY_POINT_COLUMNS}`,
        [routingKey],
      );
      await audit.record(tx, ctx, 'tc.delivery-point.reactivated', {
        schoolBrin: point.brin,
        subject: `delivery-point:${routingKey}`,
        details: { purpose: point.purpose, supplierId: point.supplierId },
      });
      return toDeliveryPoint(rows[0]);
    });
  } catch (e) {
    // Another point of the school, purpose and supplier became active in a racing transaction.
    if (isUniqueViolation(e, ONE_ACTIVE)) {
      throw new AppError('DELIVERY_POINT_CONFLICT', { routingKey, ...conflict });
    }
    throw e;
  }
}
