import type { Keyring } from '../../platform/context.js';
import { open, type SealContext } from '../../platform/crypto/index.js';
import type { Queryable } from '../../platform/db/index.js';
import { AppError, isAppError } from '../../platform/errors.js';
import type { DeliveryPointPurpose, SealedBox } from '../../platform/protocol.js';
import {
  type HostedDeliveryPoint,
  type HostedPointRow,
  privateKeyAad,
  toHostedPoint,
} from './delivery-points.js';

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
  const found = await deliveryPointWithKeys(db, keyring, { routingKey }, at);
  if (!found) throw new RangeError('unknown delivery point');
  return found.keys;
}

/**
 * A delivery point (by routing key, or a school's active point for a purpose) and its keys, in one
 * statement: the point's row with its current private key, then the earlier keys still in grace.
 */
export async function deliveryPointWithKeys(
  db: Queryable,
  keyring: Keyring,
  which: { routingKey: string } | { activeOf: string; purpose: DeliveryPointPurpose },
  at: Date,
): Promise<{ point: HostedDeliveryPoint; keys: DeliveryPointKeys } | undefined> {
  const byRoutingKey = 'routingKey' in which;
  const { rows: all } = await db.query<PointKeyRow>(
    `SELECT d.routing_key, d.brin, s.vestiging, d.purpose, d.public_key, d.active, k.id, k.private_key_enc
       FROM gw.delivery_points d JOIN gw.schools s ON s.brin = d.brin
      CROSS JOIN LATERAL (
        SELECT NULL::uuid AS id, d.private_key_enc, 0 AS rank, NULL::timestamptz AS retired_at
        UNION ALL
        SELECT e.id, e.private_key_enc, 1 AS rank, e.retired_at FROM gw.delivery_point_keys e
         WHERE e.routing_key = d.routing_key AND e.private_key_enc IS NOT NULL AND e.usable_until > $2
      ) k
      WHERE ${byRoutingKey ? 'd.routing_key = $1' : 'd.brin = $1 AND d.purpose = $3 AND d.active'}
      ORDER BY d.routing_key, k.rank, k.retired_at DESC`,
    byRoutingKey ? [which.routingKey, at] : [which.activeOf, at, which.purpose],
  );
  const first = all[0];
  if (!first) return undefined;
  const rows = all.filter((r) => r.routing_key === first.routing_key);
  return { point: toHostedPoint(first), keys: keysOf(keyring, first.routing_key, rows) };
}

interface PointKeyRow extends HostedPointRow {
  id: string | null;
  private_key_enc: Uint8Array;
}

/** Opens with the rows' keys in order (the current one first), decrypting each only when needed. */
function keysOf(
  keyring: Keyring,
  routingKey: string,
  rows: ReadonlyArray<{ id: string | null; private_key_enc: Uint8Array }>,
): DeliveryPointKeys {
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
