import * as audit from '../platform/audit/index.js';
import { authorize, type Ctx } from '../platform/context.js';
import {
  MANDATE_COLUMNS,
  type MandateRow,
  requireSchool,
  requireSupplierSystem,
  toMandate,
} from './registry.js';
import type { Mandate } from './schemas.js';

/**
 * The school's board mandates a supplier system to act for the school in the chain (recorded by
 * the chain operator). Granting a mandate that was revoked grants it anew; granting a current one
 * changes nothing.
 */
export async function grantMandate(ctx: Ctx, input: { supplierId: string; brin: string }): Promise<Mandate> {
  authorize(ctx, 'tc:admin', input.brin);
  return ctx.db.transaction(async (tx) => {
    await requireSchool(tx, input.brin, { lock: true });
    await requireSupplierSystem(tx, input.supplierId);
    const { rows } = await tx.query<MandateRow>(
      `INSERT INTO tc.mandates (supplier_id, brin, granted_at) VALUES ($1, $2, $3)
       ON CONFLICT (supplier_id, brin) DO UPDATE
         SET granted_at = CASE WHEN tc.mandates.revoked_at IS NULL THEN tc.mandates.granted_at ELSE EXCLUDED.granted_at END,
             revoked_at = NULL
       RETURNING ${MANDATE_COLUMNS}`,
      [input.supplierId, input.brin, ctx.now()],
    );
    await audit.record(tx, ctx, 'tc.mandate.granted', {
      schoolBrin: input.brin,
      subject: `supplier:${input.supplierId}`,
    });
    return toMandate(rows[0]);
  });
}
