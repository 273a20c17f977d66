import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { DatabaseError, isUniqueViolation, SQLSTATE } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import type { DeliveryPointPurpose } from '../../platform/protocol.js';
import { isBrin } from '../pupils/identity.js';
import { deliveryPointUrl } from './delivery-points.js';
import { requireHostedSchool } from './hosted-schools.js';
import type { HostedSchool } from './register-hosted-school.js';

export interface ActivateDeliveryPointInput {
  brin: string;
  routingKey: string;
}

export interface ActivatedDeliveryPoint {
  brin: string;
  /** False when the point was active already (nothing changed). */
  activated: boolean;
  /** What the traffic center must hand out for the point: routing key, URL and current public key. */
  deliveryPoint: HostedSchool['deliveryPoint'];
}

/**
 * Makes an inactive delivery point of a hosted school active again at this gateway, with its
 * routing key and its current key pair — after the school's hosting resumed
 * (resume-hosting-school.ts), whose stop left every point inactive. From then on the point answers
 * document requests, notices and registration notices again, as far as the traffic center hands it
 * out: where the operator deactivated it there, the operator reactivates it there too
 * (POST /api/tc/delivery-points/{routingKey}/reactivate), or a new point is registered instead.
 * One active point per school and purpose (the unique index: GW_DELIVERY_POINT_EXISTS); a school
 * whose hosting ended has none (the database's guard: GW_SCHOOL_NOT_HOSTED). Active already → no
 * change. Audited as `gateway.delivery-point.activated`.
 */
export async function activateDeliveryPoint(
  ctx: Ctx,
  input: ActivateDeliveryPointInput,
  options: { publicChainUrl: string },
): Promise<ActivatedDeliveryPoint> {
  authorize(ctx, 'gateway:admin', input.brin);
  const problems: Record<string, string> = {};
  if (typeof input.brin !== 'string' || !isBrin(input.brin))
    problems.brin = 'two digits and two capitals (00YY)';
  if (typeof input.routingKey !== 'string' || input.routingKey.length === 0 || input.routingKey.length > 200)
    problems.routingKey = 'a routing key of this school';
  if (Object.keys(problems).length > 0) throw new AppError('VALIDATION_FAILED', { problems });

  try {
    return await ctx.db.transaction(async (tx) => {
      await requireHostedSchool(tx, input.brin);
      const before = await tx.query<{ purpose: DeliveryPointPurpose; public_key: string; active: boolean }>(
        'SELECT purpose, public_key, active FROM gw.delivery_points WHERE routing_key = $1 AND brin = $2 FOR UPDATE',
        [input.routingKey, input.brin],
      );
      const point = before.rows[0];
      if (!point) {
        throw new AppError('GW_DELIVERY_POINT_NOT_FOUND', { brin: input.brin, routingKey: input.routingKey });
      }
      if (!point.active) {
        await tx.query('UPDATE gw.delivery_points SET active = true WHERE routing_key = $1 AND NOT active', [
          input.routingKey,
        ]);
        await audit.record(tx, ctx, 'gateway.delivery-point.activated', {
          schoolBrin: input.brin,
          subject: input.routingKey,
          details: { purpose: point.purpose },
        });
      }
      return {
        brin: input.brin,
        activated: !point.active,
        deliveryPoint: {
          routingKey: input.routingKey,
          purpose: point.purpose,
          url: deliveryPointUrl(options.publicChainUrl, input.routingKey),
          publicKey: point.public_key,
        },
      };
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new AppError('GW_DELIVERY_POINT_EXISTS', { brin: input.brin, routingKey: input.routingKey });
    }
    // The hosting of the school ended between the look-up and the change (gw.guard_hosted_school).
    if (
      e instanceof DatabaseError &&
      e.code === SQLSTATE.checkViolation &&
      e.constraint === 'school_hosting_ended'
    ) {
      throw new AppError('GW_SCHOOL_NOT_HOSTED', { brin: input.brin });
    }
    throw e;
  }
}
