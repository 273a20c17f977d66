import { randomUUID } from 'node:crypto';
import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { isUniqueViolation } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { enqueue } from '../../platform/jobs/index.js';
import type { TrafficCenterClient } from '../chain/clients.js';
import { requireHostedSchool } from '../hosting/hosted-schools.js';
import { encodeIdentity } from '../pupils/identity.js';
import { pupilKeyer } from '../pupils/pupil-key.js';
import type { RegistrationState } from './lifecycle.js';
import { assertAdmittedSource, type RegistrationFields, validateRegistration } from './registration-input.js';
import { registrationAad } from './registration-store.js';

export interface RegisterPupilInput extends RegistrationFields {
  /** The school the pupil registers at (hosted here). */
  schoolBrin: string;
}

export interface Registration {
  registrationId: string;
  schoolBrin: string;
  sourceBrin: string;
  preferenceRank: number | null;
  state: RegistrationState;
}

/** Job kind: tell the source school's delivery point that the pupil registered here. */
export const SEND_REGISTRATION_NOTICE = 'gw.send-registration-notice';

/**
 * Records a registration (aanmelding): name, BSN (11-check) or onderwijsnummer (its check), birth
 * date, the source school's BRIN — well formed, and known and admitted per the traffic center's
 * delivery-point overview — and an optional preference rank. The identity is stored encrypted and
 * found by keyed hash. A registration notice to the source school is enqueued in the transaction.
 */
export async function registerPupil(
  ctx: Ctx,
  chain: { trafficCenter: TrafficCenterClient },
  input: RegisterPupilInput,
): Promise<Registration> {
  authorize(ctx, 'registration:write', input.schoolBrin);
  const identity = validateRegistration(input, ctx.now());
  await assertAdmittedSource(chain.trafficCenter, input.sourceBrin, ctx.requestId);
  const pupilKey = (await pupilKeyer(ctx))(identity);
  const id = randomUUID();
  const at = ctx.now();
  try {
    await ctx.db.transaction(async (tx) => {
      await requireHostedSchool(tx, input.schoolBrin);
      await tx.query(
        `INSERT INTO gw.registrations
           (id, school_brin, source_brin, pupil_key, identity_enc, preference_rank, state, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'aanmelding', $7, $8, $8)`,
        [
          id,
          input.schoolBrin,
          input.sourceBrin,
          pupilKey,
          ctx.keyring.encrypt(encodeIdentity(identity), registrationAad(id)),
          input.preferenceRank ?? null,
          ctx.actor.id,
          at,
        ],
      );
      await enqueue(tx, SEND_REGISTRATION_NOTICE, { registrationId: id }, { key: id });
      await audit.record(tx, ctx, 'registration.created', {
        schoolBrin: input.schoolBrin,
        subject: id,
        details: { sourceBrin: input.sourceBrin, preferenceRank: input.preferenceRank ?? null },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('REGISTRATION_EXISTS', { schoolBrin: input.schoolBrin });
    throw e;
  }
  return {
    registrationId: id,
    schoolBrin: input.schoolBrin,
    sourceBrin: input.sourceBrin,
    preferenceRank: input.preferenceRank ?? null,
    state: 'aanmelding',
  };
}
