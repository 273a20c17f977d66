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
import type { RegistrationState } from '../receiving/lifecycle.js';
import { SEND_REGISTRATION_NOTICE } from '../receiving/register-pupil.js';
import { assertAdmittedSource } from '../receiving/registration-input.js';
import { registrationAad } from '../receiving/registration-store.js';
import { checkPilotPupil, type PilotPupilInput } from './pilot-input.js';
import { pilotIdentity } from './pilot-pupil.js';
import type { PilotKind } from './test-bsn.js';

export interface PilotRegistration {
  registrationId: string;
  kind: PilotKind;
  state: RegistrationState;
  /** False when the school had registered this pilot pupil already (the call is safe to repeat). */
  created: boolean;
}

/**
 * Registers the fictional pupil of a pilot pair at the vo school (ADR 0007), as a school registers
 * a real one — the pupil's identity stored encrypted and found by keyed hash, the source school
 * known and admitted per the traffic center, a registration notice to the source school — but
 * marked pilot (`pilot_ref`, `pilot_kind`): it stays out of the registrations list, the bulk
 * request and the monitoring. The identity is worked out from the pair's seed and test BSN, the
 * same pupil the po school's pilot dossier is about. Once per pair and kind.
 */
export async function registerPilotPupil(
  ctx: Ctx,
  chain: { trafficCenter: TrafficCenterClient },
  input: PilotPupilInput & { schoolBrin: string; sourceBrin: string },
): Promise<PilotRegistration> {
  authorize(ctx, 'registration:write', input.schoolBrin);
  const spec = checkPilotPupil(input, { schoolBrin: input.schoolBrin, sourceBrin: input.sourceBrin });
  const existing = await findPilotRegistration(ctx, input.schoolBrin, input.pilotRef, input.kind);
  if (existing) return { ...existing, kind: input.kind, created: false };
  const identity = pilotIdentity(spec);
  await assertAdmittedSource(chain.trafficCenter, input.sourceBrin, ctx.requestId);
  const pupilKey = (await pupilKeyer(ctx))(identity);
  const id = randomUUID();
  const at = ctx.now();
  try {
    await ctx.db.transaction(async (tx) => {
      await requireHostedSchool(tx, input.schoolBrin);
      await tx.query(
        `INSERT INTO gw.registrations
           (id, school_brin, source_brin, pupil_key, identity_enc, preference_rank, state, created_by, created_at,
            updated_at, pilot_ref, pilot_kind)
         VALUES ($1, $2, $3, $4, $5, NULL, 'aanmelding', $6, $7, $7, $8, $9)`,
        [
          id,
          input.schoolBrin,
          input.sourceBrin,
          pupilKey,
          ctx.keyring.encrypt(encodeIdentity(identity), registrationAad(id)),
          ctx.actor.id,
          at,
          input.pilotRef,
          input.kind,
        ],
      );
      await enqueue(tx, SEND_REGISTRATION_NOTICE, { registrationId: id }, { key: id });
      await audit.record(tx, ctx, 'registration.created', {
        schoolBrin: input.schoolBrin,
        subject: id,
        details: { sourceBrin: input.sourceBrin, pilot: input.kind, pilotRef: input.pilotRef },
      });
    });
  } catch (e) {
    // The same pilot pupil registered meanwhile, or a registration of this pupil exists already.
    if (isUniqueViolation(e)) {
      const raced = await findPilotRegistration(ctx, input.schoolBrin, input.pilotRef, input.kind);
      if (raced) return { ...raced, kind: input.kind, created: false };
      throw new AppError('REGISTRATION_EXISTS', { schoolBrin: input.schoolBrin });
    }
    throw e;
  }
  return { registrationId: id, kind: input.kind, state: 'aanmelding', created: true };
}

async function findPilotRegistration(
  ctx: Ctx,
  schoolBrin: string,
  pilotRef: string,
  kind: PilotKind,
): Promise<{ registrationId: string; state: RegistrationState } | undefined> {
  const { rows } = await ctx.db.query<{ id: string; state: RegistrationState }>(
    'SELECT id, state FROM gw.registrations WHERE school_brin = $1 AND pilot_ref = $2 AND pilot_kind = $3',
    [schoolBrin, pilotRef, kind],
  );
  return rows[0] ? { registrationId: rows[0].id, state: rows[0].state } : undefined;
}
