import * as audit from '../platform/audit/index.js';
import { authorize, type Ctx } from '../platform/context.js';
import { isUniqueViolation } from '../platform/db/index.js';
import { AppError } from '../platform/errors.js';
import { holdsMandate } from './chain-caller.js';
import {
  DELIVERY_POINT_COLUMNS,
  type DeliveryPointRow,
  requireSchool,
  requireSupplierSystem,
  toDeliveryPoint,
} from './registry.js';
import type { DeliveryPoint, NewDeliveryPoint } from './schemas.js';

/**
 * Registers a school's delivery point (aanleverpunt) as its supplier's gateway made it: routing
 * key, URL, purpose and public key. The supplier must hold the school's mandate; per school,
 * purpose and supplier at most one point is active (a unique index settles races).
 */
export async function registerDeliveryPoint(ctx: Ctx, input: NewDeliveryPoint): Promise<DeliveryPoint> {
  authorize(ctx, 'tc:admin', input.brin);
  if (
    !/^[A-Za-z0-9_-]{43}$/.test(input.publicKey) ||
    Buffer.from(input.publicKey, 'base64url').length !== 32
  ) {
    throw new AppError('VALIDATION_FAILED', {
      field: 'publicKey',
      reason: 'an X25519 public key: 32 bytes, base64url',
    });
  }
  try {
    return await ctx.db.transaction(async (tx) => {
      await requireSchool(tx, input.brin);
      await requireSupplierSystem(tx, input.supplierId);
      if (!(await holdsMandate(tx, input.supplierId, input.brin, { lock: true }))) {
        throw new AppError('NO_MANDATE', { supplierId: input.supplierId, brin: input.brin });
      }
      const { rows } = await tx.query<DeliveryPointRow>(
        `INSERT INTO tc.delivery_points (routing_key, brin, supplier_id, url, purpose, public_key)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${DELIVERY_POINT_COLUMNS}`,
        [input.routingKey, input.brin, input.supplierId, input.url, input.purpose, input.publicKey],
      );
      await audit.record(tx, ctx, 'tc.delivery-point.registered', {
        schoolBrin: input.brin,
        subject: `delivery-point:${input.routingKey}`,
        details: { purpose: input.purpose, url: input.url, supplierId: input.supplierId },
      });
      return toDeliveryPoint(rows[0]);
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new AppError('DELIVERY_POINT_CONFLICT', {
        routingKey: input.routingKey,
        brin: input.brin,
        purpose: input.purpose,
      });
    }
    throw e;
  }
}
