import { randomBytes } from 'node:crypto';
import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { generateSealingKeyPair } from '../../platform/crypto/index.js';
import { isUniqueViolation } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import type { DeliveryPointPurpose } from '../../platform/protocol.js';
import { isBrin, VESTIGING_PATTERN } from '../pupils/identity.js';
import { deliveryPointUrl, privateKeyAad } from './delivery-points.js';

export interface HostedSchoolInput {
  brin: string;
  vestiging: string;
  name: string;
  sector: 'po' | 'vo' | 'so' | 'swv';
  region?: string;
}

/** What the operator registers at the traffic center for the new delivery point. */
export interface HostedSchool {
  brin: string;
  vestiging: string;
  name: string;
  sector: HostedSchoolInput['sector'];
  region: string | null;
  deliveryPoint: {
    routingKey: string;
    purpose: DeliveryPointPurpose;
    url: string;
    /** Raw X25519 public key, base64url. */
    publicKey: string;
  };
}

/**
 * Starts hosting a school: its row in gw.schools and its OV delivery point with a fresh HPKE key
 * pair (the private key encrypted at rest). Returns the routing key, URL and public key that the
 * chain operator registers at the traffic center for this school.
 */
export async function registerHostedSchool(
  ctx: Ctx,
  input: HostedSchoolInput,
  options: { publicChainUrl: string },
): Promise<HostedSchool> {
  authorize(ctx, 'gateway:admin');
  const problems: Record<string, string> = {};
  if (!isBrin(input.brin)) problems.brin = 'four characters: two digits and two capitals (00YY)';
  if (!VESTIGING_PATTERN.test(input.vestiging)) problems.vestiging = 'two digits';
  if (!input.name?.trim() || input.name.length > 200) problems.name = 'a name of 1 to 200 characters';
  if (!['po', 'vo', 'so', 'swv'].includes(input.sector)) problems.sector = 'po, vo, so or swv';
  if (Object.keys(problems).length > 0) throw new AppError('VALIDATION_FAILED', { problems });

  const keys = await generateSealingKeyPair();
  const routingKey = `${input.brin}${input.vestiging}-OV-${randomBytes(6).toString('hex')}`;
  const url = deliveryPointUrl(options.publicChainUrl, routingKey);
  try {
    await ctx.db.transaction(async (tx) => {
      await tx.query(
        'INSERT INTO gw.schools (brin, vestiging, name, sector, region) VALUES ($1, $2, $3, $4, $5)',
        [input.brin, input.vestiging, input.name.trim(), input.sector, input.region ?? null],
      );
      await tx.query(
        `INSERT INTO gw.delivery_points (routing_key, brin, purpose, public_key, private_key_enc)
         VALUES ($1, $2, 'OV', $3, $4)`,
        [
          routingKey,
          input.brin,
          keys.publicKey,
          ctx.keyring.encrypt(Buffer.from(keys.privateKey), privateKeyAad(routingKey)),
        ],
      );
      await audit.record(tx, ctx, 'gateway.school.hosted', {
        schoolBrin: input.brin,
        subject: routingKey,
        details: { purpose: 'OV', sector: input.sector },
      });
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    // A school whose data was purged keeps its row as the record of that: not hosted again under it.
    const purged = await ctx.db.query('SELECT 1 FROM gw.schools WHERE brin = $1 AND purged_at IS NOT NULL', [
      input.brin,
    ]);
    throw new AppError(purged.rows.length > 0 ? 'GW_SCHOOL_PURGED' : 'GW_SCHOOL_ALREADY_HOSTED', {
      brin: input.brin,
    });
  }
  return {
    brin: input.brin,
    vestiging: input.vestiging,
    name: input.name.trim(),
    sector: input.sector,
    region: input.region ?? null,
    deliveryPoint: { routingKey, purpose: 'OV', url, publicKey: keys.publicKey },
  };
}
