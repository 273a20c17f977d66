import { randomUUID } from 'node:crypto';
import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { generateSealingKeyPair } from '../../platform/crypto/index.js';
import { AppError } from '../../platform/errors.js';
import { enqueue } from '../../platform/jobs/index.js';
import type { DeliveryPointPurpose } from '../../platform/protocol.js';
import { isBrin } from '../pupils/identity.js';
import { earlierKeyAad } from './delivery-point-keys.js';
import { deliveryPointUrl, privateKeyAad } from './delivery-points.js';

/** Job kind: destroy the earlier delivery-point keys whose grace period has ended. */
export const DESTROY_EARLIER_KEYS = 'gw.destroy-earlier-keys';

/** How long boxes sealed to the previous public key are still opened, unless the caller says otherwise. */
export const DEFAULT_KEY_GRACE_MINUTES = 60;
const MAX_GRACE_MINUTES = 7 * 24 * 60;

export interface RotateDeliveryPointKeyInput {
  brin: string;
  /** Which of the school's delivery points (default OV). */
  purpose?: DeliveryPointPurpose;
  /** Minutes the previous key still opens boxes (default 60, at most a week; 0 ends it at once). */
  graceMinutes?: number;
}

export interface RotatedDeliveryPointKey {
  brin: string;
  routingKey: string;
  purpose: DeliveryPointPurpose;
  url: string;
  /** The new current public key: what the traffic center must hand out from now on. */
  publicKey: string;
  previousPublicKey: string;
  /** Until when the previous key still opens boxes (ISO); then it is destroyed. */
  previousKeyUsableUntil: string;
}

/**
 * Rotates the HPKE key pair of a hosted school's active delivery point: a new pair becomes current
 * (its private key encrypted at rest as before), the previous one moves to gw.delivery_point_keys,
 * where it still opens boxes sealed to it until the grace period ends (peers seal to the key the
 * traffic center hands out, which changes only when the operator registers the new one there), and a
 * durable job destroys it then. Returns what the traffic center must learn: the routing key and the
 * new public key (PATCH /api/tc/delivery-points/{routingKey}).
 */
export async function rotateDeliveryPointKey(
  ctx: Ctx,
  input: RotateDeliveryPointKeyInput,
  options: { publicChainUrl: string },
): Promise<RotatedDeliveryPointKey> {
  authorize(ctx, 'gateway:admin', input.brin);
  const purpose = input.purpose ?? 'OV';
  const graceMinutes = input.graceMinutes ?? DEFAULT_KEY_GRACE_MINUTES;
  const problems: Record<string, string> = {};
  if (typeof input.brin !== 'string' || !isBrin(input.brin))
    problems.brin = 'two digits and two capitals (00YY)';
  if (!['OV', 'SWV', 'RP'].includes(purpose)) problems.purpose = 'OV, SWV or RP';
  if (!Number.isInteger(graceMinutes) || graceMinutes < 0 || graceMinutes > MAX_GRACE_MINUTES)
    problems.graceMinutes = `a whole number of minutes from 0 to ${MAX_GRACE_MINUTES}`;
  if (Object.keys(problems).length > 0) throw new AppError('VALIDATION_FAILED', { problems });

  const fresh = await generateSealingKeyPair();
  const at = ctx.now();
  const usableUntil = new Date(at.getTime() + graceMinutes * 60_000);
  return ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query<{ routing_key: string; public_key: string; private_key_enc: Uint8Array }>(
      `SELECT routing_key, public_key, private_key_enc FROM gw.delivery_points
        WHERE brin = $1 AND purpose = $2 AND active FOR UPDATE`,
      [input.brin, purpose],
    );
    const point = rows[0];
    if (!point) throw new AppError('GW_DELIVERY_POINT_MISSING', { brin: input.brin, purpose });
    const previous = ctx.keyring.decrypt(point.private_key_enc, privateKeyAad(point.routing_key));
    const earlierId = randomUUID();
    await tx.query(
      `INSERT INTO gw.delivery_point_keys (id, routing_key, public_key, private_key_enc, retired_at, usable_until)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        earlierId,
        point.routing_key,
        point.public_key,
        ctx.keyring.encrypt(previous, earlierKeyAad(earlierId)),
        at,
        usableUntil,
      ],
    );
    await tx.query(
      'UPDATE gw.delivery_points SET public_key = $2, private_key_enc = $3 WHERE routing_key = $1',
      [
        point.routing_key,
        fresh.publicKey,
        ctx.keyring.encrypt(Buffer.from(fresh.privateKey), privateKeyAad(point.routing_key)),
      ],
    );
    await enqueue(tx, DESTROY_EARLIER_KEYS, { keyId: earlierId }, { runAt: usableUntil, key: earlierId });
    await audit.record(tx, ctx, 'gateway.delivery-point.key-rotated', {
      schoolBrin: input.brin,
      subject: point.routing_key,
      details: { purpose, graceMinutes, previousKeyUsableUntil: usableUntil.toISOString() },
    });
    return {
      brin: input.brin,
      routingKey: point.routing_key,
      purpose,
      url: deliveryPointUrl(options.publicChainUrl, point.routing_key),
      publicKey: fresh.publicKey,
      previousPublicKey: point.public_key,
      previousKeyUsableUntil: usableUntil.toISOString(),
    };
  });
}
