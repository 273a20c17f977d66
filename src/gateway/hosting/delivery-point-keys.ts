import type { Keyring } from '../../platform/context.js';
import { open, type SealContext } from '../../platform/crypto/index.js';
import type { Queryable } from '../../platform/db/index.js';
import { AppError, isAppError } from '../../platform/errors.js';
import type { SealedBox } from '../../platform/protocol.js';
import { privateKeyAad } from './delivery-points.js';

/** An earlier private key of a delivery point is a keyring record bound to its row. */
export const earlierKeyAad = (id: string) => `gw.delivery_point_keys:${id}`;

/**
 * What opens the boxes sealed to one of our delivery points: its current key pair and, after a key
 * rotation, the earlier ones still in their grace period (a peer may have sealed to the public key
 * the traffic center handed out before it learned the new one). Keys are decrypted only when needed,
 * the current one first.
 */
export interface DeliveryPointKeys {
  /** Opens the box with the current key or an earlier one in its grace; SEAL_INVALID when none can. */
  open(box: SealedBox, context: SealContext): Promise<Uint8Array>;
  /** `open`, then JSON; SEAL_INVALID when it is not JSON. */
  openJson<T>(box: SealedBox, context: SealContext): Promise<T>;
}

/**
 * The keys of a delivery point that open boxes at `at`: one query for the current private key and
 * the earlier ones whose grace has not ended (`usable_until > at`) and that were not destroyed.
 * Throws RangeError for a routing key this gateway does not have.
 */
export async function deliveryPointKeys(
  db: Queryable,
  keyring: Keyring,
  routingKey: string,
  at: Date,
): Promise<DeliveryPointKeys> {
  const { rows } = await db.query<{ id: string | null; private_key_enc: Uint8Array }>(
    `SELECT id, private_key_enc FROM (
       SELECT NULL::uuid AS id, private_key_enc, 0 AS rank, NULL::timestamptz AS retired_at
         FROM gw.delivery_points WHERE routing_key = $1
       UNION ALL
       SELECT id, private_key_enc, 1 AS rank, retired_at
         FROM gw.delivery_point_keys
        WHERE routing_key = $1 AND private_key_enc IS NOT NULL AND usable_until > $2
     ) k ORDER BY rank, retired_at DESC`,
    [routingKey, at],
  );
  if (rows.length === 0 || rows[0].id !== null) throw new RangeError('unknown delivery point');
  const decrypted: string[] = [];
  const keyAt = (i: number): string => {
    decrypted[i] ??= Buffer.from(
      keyring.decrypt(
        rows[i].private_key_enc,
        rows[i].id === null ? privateKeyAad(routingKey) : earlierKeyAad(rows[i].id as string),
      ),
    ).toString('utf8');
    return decrypted[i];
  };
  const openBox = async (box: SealedBox, context: SealContext): Promise<Uint8Array> => {
    let refusal: unknown;
    for (let i = 0; i < rows.length; i++) {
      try {
        return await open(keyAt(i), box, context);
      } catch (e) {
        if (!(isAppError(e) && e.code === 'SEAL_INVALID')) throw e;
        refusal ??= e;
      }
    }
    throw refusal;
  };
  return {
    open: openBox,
    async openJson<T>(box: SealedBox, context: SealContext): Promise<T> {
      const plain = await openBox(box, context);
      try {
        return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain)) as T;
      } catch {
        throw new AppError('SEAL_INVALID', { reason: 'not-json' });
      }
    },
  };
}
