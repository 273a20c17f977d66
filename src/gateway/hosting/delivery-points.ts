import type { Keyring } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { CHAIN_PREFIX, type DeliveryPointPurpose } from '../../platform/protocol.js';

/**
 * The delivery points of the schools this gateway hosts, with their HPKE key pairs. The private
 * key is a keyring record bound to its routing key (AAD 'gw.delivery_points:<routing key>'); it is
 * decrypted only to open a sealed box addressed to it.
 */
export interface HostedDeliveryPoint {
  routingKey: string;
  brin: string;
  vestiging: string;
  purpose: DeliveryPointPurpose;
  publicKey: string;
  active: boolean;
}

export const privateKeyAad = (routingKey: string) => `gw.delivery_points:${routingKey}`;

/** Where a delivery point's chain endpoints are: `<base>/chain/v1/delivery-points/<routing key>`. */
export function deliveryPointUrl(publicChainUrl: string, routingKey: string): string {
  return `${publicChainUrl.replace(/\/+$/, '')}${CHAIN_PREFIX}/delivery-points/${encodeURIComponent(routingKey)}`;
}

export interface HostedPointRow {
  routing_key: string;
  brin: string;
  vestiging: string;
  purpose: DeliveryPointPurpose;
  public_key: string;
  active: boolean;
}

export const toHostedPoint = (r: HostedPointRow): HostedDeliveryPoint => ({
  routingKey: r.routing_key,
  brin: r.brin,
  vestiging: r.vestiging,
  purpose: r.purpose,
  publicKey: r.public_key,
  active: r.active,
});

export async function findDeliveryPoint(
  db: Queryable,
  routingKey: string,
): Promise<HostedDeliveryPoint | undefined> {
  const { rows } = await db.query<HostedPointRow>(
    `SELECT d.routing_key, d.brin, s.vestiging, d.purpose, d.public_key, d.active
       FROM gw.delivery_points d JOIN gw.schools s ON s.brin = d.brin
      WHERE d.routing_key = $1`,
    [routingKey],
  );
  return rows[0] ? toHostedPoint(rows[0]) : undefined;
}

/** The active delivery point of a hosted school for a purpose (OV by default). */
export async function activeDeliveryPoint(
  db: Queryable,
  brin: string,
  purpose: DeliveryPointPurpose = 'OV',
): Promise<HostedDeliveryPoint | undefined> {
  const { rows } = await db.query<HostedPointRow>(
    `SELECT d.routing_key, d.brin, s.vestiging, d.purpose, d.public_key, d.active
       FROM gw.delivery_points d JOIN gw.schools s ON s.brin = d.brin
      WHERE d.brin = $1 AND d.purpose = $2 AND d.active`,
    [brin, purpose],
  );
  return rows[0] ? toHostedPoint(rows[0]) : undefined;
}

/** The private key of a delivery point, decrypted (base64url X25519). */
export async function deliveryPointPrivateKey(
  db: Queryable,
  keyring: Keyring,
  routingKey: string,
): Promise<string> {
  const { rows } = await db.query<{ private_key_enc: Uint8Array }>(
    'SELECT private_key_enc FROM gw.delivery_points WHERE routing_key = $1',
    [routingKey],
  );
  if (!rows[0]) throw new RangeError('unknown delivery point');
  return Buffer.from(keyring.decrypt(rows[0].private_key_enc, privateKeyAad(routingKey))).toString('utf8');
}
