import { authorize, type Ctx } from '../platform/context.js';
import { dutchDay } from '../standard/index.js';
import {
  admissionOf,
  DELIVERY_POINT_COLUMNS,
  type DeliveryPointRow,
  MANDATE_COLUMNS,
  type MandateRow,
  requireSchool,
  toDeliveryPoint,
  toMandate,
} from './registry.js';
import type { SchoolOverview } from './schemas.js';

/** The chain operator's view of one school: details, admission, mandates and delivery points. */
export async function getSchool(ctx: Ctx, brin: string): Promise<SchoolOverview> {
  authorize(ctx, 'tc:read', brin);
  return ctx.db.transaction(async (tx) => {
    const school = await requireSchool(tx, brin);
    const admission = await admissionOf(tx, brin, dutchDay(ctx.now()));
    const mandates = await tx.query<MandateRow>(
      `SELECT ${MANDATE_COLUMNS} FROM tc.mandates WHERE brin = $1 ORDER BY granted_at, supplier_id`,
      [brin],
    );
    const points = await tx.query<DeliveryPointRow>(
      `SELECT ${DELIVERY_POINT_COLUMNS} FROM tc.delivery_points WHERE brin = $1 ORDER BY active DESC, purpose, routing_key`,
      [brin],
    );
    return {
      school,
      admission,
      mandates: mandates.rows.map(toMandate),
      deliveryPoints: points.rows.map(toDeliveryPoint),
    };
  });
}
