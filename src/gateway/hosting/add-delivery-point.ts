import { randomBytes } from 'node:crypto';
import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { generateSealingKeyPair } from '../../platform/crypto/index.js';
import { isUniqueViolation } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import type { DeliveryPointPurpose } from '../../platform/protocol.js';
import { isBrin } from '../pupils/identity.js';
import { deliveryPointUrl, privateKeyAad } from './delivery-points.js';
import { requireHostedSchool } from './hosted-schools.js';
import type { HostedSchool } from './register-hosted-school.js';

/** The purposes a hosted school adds beside the OV point it got when it was hosted. */
export const ADDED_PURPOSES = ['SWV', 'RP'] as const satisfies readonly DeliveryPointPurpose[];
export type AddedPurpose = (typeof ADDED_PURPOSES)[number];

export interface AddedDeliveryPoint {
  brin: string;
  /** What the operator registers at the traffic center for the new delivery point. */
  deliveryPoint: HostedSchool['deliveryPoint'];
}

/**
 * Gives a hosted school a delivery point for another purpose (DESIGN.md §4.1) beside its OV point:
 * SWV, where samenwerkingsverbanden ask for SWV dossiers by koppelsleutel (a school that sends SWV
 * dossiers, and a samenwerkingsverband that asks for them), or RP, for a regional platform that
 * also answers document requests for the school. Each point has its own HPKE key pair, the private
 * key encrypted at rest as for the OV point; one active point per school and purpose (a unique
 * index). Returns routing key, URL and public key for the traffic center.
 */
export async function addDeliveryPoint(
  ctx: Ctx,
  input: { brin: string; purpose: AddedPurpose },
  options: { publicChainUrl: string },
): Promise<AddedDeliveryPoint> {
  authorize(ctx, 'gateway:admin');
  const problems: Record<string, string> = {};
  if (typeof input.brin !== 'string' || !isBrin(input.brin))
    problems.brin = 'two digits and two capitals (00YY)';
  if (!(ADDED_PURPOSES as readonly string[]).includes(input.purpose)) problems.purpose = 'SWV or RP';
  if (Object.keys(problems).length > 0) throw new AppError('VALIDATION_FAILED', { problems });

  const keys = await generateSealingKeyPair();
  try {
    return await ctx.db.transaction(async (tx) => {
      const school = await requireHostedSchool(tx, input.brin);
      const routingKey = `${school.brin}${school.vestiging}-${input.purpose}-${randomBytes(6).toString('hex')}`;
      await tx.query(
        `INSERT INTO gw.delivery_points (routing_key, brin, purpose, public_key, private_key_enc)
         VALUES ($1, $2, $3, $4, $5)`,
        [
          routingKey,
          school.brin,
          input.purpose,
          keys.publicKey,
          ctx.keyring.encrypt(Buffer.from(keys.privateKey), privateKeyAad(routingKey)),
        ],
      );
      await audit.record(tx, ctx, 'gateway.delivery-point.added', {
        schoolBrin: school.brin,
        subject: routingKey,
        details: { purpose: input.purpose },
      });
      return {
        brin: school.brin,
        deliveryPoint: {
          routingKey,
          purpose: input.purpose,
          url: deliveryPointUrl(options.publicChainUrl, routingKey),
          publicKey: keys.publicKey,
        },
      };
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new AppError('GW_DELIVERY_POINT_EXISTS', { brin: input.brin, purpose: input.purpose });
    }
    throw e;
  }
}
