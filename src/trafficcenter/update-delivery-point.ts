import * as audit from '../platform/audit/index.js';
import { authorize, type Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import {
  DELIVERY_POINT_COLUMNS,
  type DeliveryPointRow,
  findDeliveryPoint,
  toDeliveryPoint,
} from './registry.js';
import type { DeliveryPoint, DeliveryPointChanges } from './schemas.js';

/**
 * Changes what the chain hands out for a delivery point: its public key (after the gateway rotated
 * the point's key pair) and/or its URL (the gateway moved). Sessions started from now on, and every
 * session check from now on, give peers the new values; the gateway still opens boxes sealed to the
 * previous key during its grace period. The routing key, school, supplier and purpose never change
 * (register a new point for that).
 */
export async function updateDeliveryPoint(
  ctx: Ctx,
  routingKey: string,
  changes: DeliveryPointChanges,
): Promise<DeliveryPoint> {
  authorize(ctx, 'tc:admin');
  if (
    changes.publicKey !== undefined &&
    (!/^[A-Za-z0-9_-]{43}$/.test(changes.publicKey) ||
      Buffer.from(changes.publicKey, 'base64url').length !== 32)
  ) {
    throw new AppError('VALIDATION_FAILED', {
      field: 'publicKey',
      reason: 'an X25519 public key: 32 bytes, base64url',
    });
  }
  if (changes.url !== undefined && !/^https?:\/\/\S+$/.test(changes.url)) {
    throw new AppError('VALIDATION_FAILED', { field: 'url', reason: 'an http(s) URL' });
  }
  return ctx.db.transaction(async (tx) => {
    const point = await findDeliveryPoint(tx, routingKey);
    if (!point) throw new AppError('DELIVERY_POINT_NOT_FOUND', { routingKey });
    authorize(ctx, 'tc:admin', point.brin);
    const { rows } = await tx.query<DeliveryPointRow>(
      `UPDATE tc.delivery_points SET public_key = coalesce($2, public_key), url = coalesce($3, url)
        WHERE routing_key = $1 RETURNING ${DELIVERY_POINT_COLUMNS}`,
      [routingKey, changes.publicKey ?? null, changes.url ?? null],
    );
    const changed = {
      ...(changes.publicKey !== undefined && changes.publicKey !== point.publicKey
        ? { publicKey: true }
        : {}),
      ...(changes.url !== undefined && changes.url !== point.url ? { url: changes.url } : {}),
    };
    if (Object.keys(changed).length > 0) {
      await audit.record(tx, ctx, 'tc.delivery-point.updated', {
        schoolBrin: point.brin,
        subject: `delivery-point:${routingKey}`,
        details: changed,
      });
    }
    return toDeliveryPoint(rows[0]);
  });
}
