import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';

/**
 * Destroys the earlier private keys of delivery points whose grace period has ended (after a key
 * rotation): the encrypted key is removed for good (a trigger keeps it from coming back), its public
 * key and dates stay for inspection. The job behind it (gw.destroy-earlier-keys) runs at the end of
 * each grace period; a key whose grace ended is never used to open anything even before the job
 * ran. Idempotent. Returns how many keys were destroyed.
 */
export async function destroyEarlierKeys(ctx: Ctx): Promise<number> {
  authorize(ctx, 'gateway:admin');
  return ctx.db.transaction(async (tx) => {
    const at = ctx.now();
    const { rows } = await tx.query<{ id: string; routing_key: string; brin: string }>(
      `UPDATE gw.delivery_point_keys k SET private_key_enc = NULL, destroyed_at = $1
         FROM gw.delivery_points d
        WHERE d.routing_key = k.routing_key AND k.private_key_enc IS NOT NULL AND k.usable_until <= $1
       RETURNING k.id, k.routing_key, d.brin`,
      [at],
    );
    for (const key of rows) {
      await audit.record(tx, ctx, 'gateway.delivery-point.key-destroyed', {
        schoolBrin: key.brin,
        subject: key.routing_key,
        details: { keyId: key.id },
      });
    }
    return rows.length;
  });
}
