import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { isUniqueViolation } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { enqueue } from '../../platform/jobs/index.js';
import type { TrafficCenterClient } from '../chain/clients.js';
import { encodeIdentity } from '../pupils/identity.js';
import { pupilKeyer } from '../pupils/pupil-key.js';
import type { RegistrationState } from './lifecycle.js';
import { SEND_REGISTRATION_NOTICE } from './register-pupil.js';
import { assertAdmittedSource, type RegistrationFields, validateRegistration } from './registration-input.js';
import { identityOf, loadRegistration, registrationAad } from './registration-store.js';

/** A registration can be corrected until its dossier has arrived. */
const CORRECTABLE: readonly RegistrationState[] = [
  'aanmelding',
  'wacht_op_klaarzetten',
  'niet_gevonden',
  'fout',
];

export interface CorrectRegistrationInput extends Partial<RegistrationFields> {
  schoolBrin: string;
  registrationId: string;
}

/**
 * Corrects what was entered for a registration — typically after LeerlingNietGevonden or
 * GegevensKomenNietOvereen — before requesting again. The whole registration is validated anew; a
 * new source school must be admitted, and hears of the registration by a notice. The state stays as
 * it is (the next request moves it on); the revision changes, so a request running meanwhile loses.
 */
export async function correctRegistration(
  ctx: Ctx,
  chain: { trafficCenter: TrafficCenterClient },
  input: CorrectRegistrationInput,
): Promise<{
  registrationId: string;
  state: RegistrationState;
  sourceBrin: string;
  preferenceRank: number | null;
}> {
  authorize(ctx, 'registration:write', input.schoolBrin);
  const row = await loadRegistration(ctx.db, input.schoolBrin, input.registrationId);
  if (!CORRECTABLE.includes(row.state)) {
    throw new AppError('TRANSITION_NOT_ALLOWED', {
      from: row.state,
      reason: 'a received dossier cannot be re-addressed',
    });
  }
  const was = identityOf(ctx.keyring, row);
  const numberGiven = input.bsn !== undefined || input.onderwijsnummer !== undefined;
  const merged: RegistrationFields = {
    achternaam: input.achternaam ?? was.achternaam,
    voorvoegsel: input.voorvoegsel ?? was.voorvoegsel,
    roepnaam: input.roepnaam ?? was.roepnaam,
    ...(numberGiven
      ? { bsn: input.bsn, onderwijsnummer: input.onderwijsnummer }
      : { bsn: was.bsn, onderwijsnummer: was.onderwijsnummer }),
    geboortedatum: input.geboortedatum ?? was.geboortedatum,
    sourceBrin: input.sourceBrin ?? row.source_brin,
    preferenceRank: input.preferenceRank ?? row.preference_rank ?? undefined,
  };
  const identity = validateRegistration(merged, ctx.now());
  const sourceChanged = merged.sourceBrin !== row.source_brin;
  if (sourceChanged) await assertAdmittedSource(chain.trafficCenter, merged.sourceBrin, ctx.requestId);
  const pupilKey = (await pupilKeyer(ctx))(identity);
  const at = ctx.now();
  try {
    await ctx.db.transaction(async (tx) => {
      const { rowCount } = await tx.query(
        `UPDATE gw.registrations
            SET identity_enc = $3, pupil_key = $4, source_brin = $5, preference_rank = $6,
                revision = revision + 1, updated_at = $7
          WHERE id = $1 AND revision = $2 AND state = ANY($8::text[])`,
        [
          row.id,
          row.revision,
          ctx.keyring.encrypt(encodeIdentity(identity), registrationAad(row.id)),
          pupilKey,
          merged.sourceBrin,
          merged.preferenceRank ?? null,
          at,
          CORRECTABLE,
        ],
      );
      if (rowCount === 0)
        throw new AppError('CONFLICT', { registrationId: row.id, reason: 'changed-meanwhile' });
      if (sourceChanged || pupilKey !== row.pupil_key) {
        await enqueue(
          tx,
          SEND_REGISTRATION_NOTICE,
          { registrationId: row.id },
          { key: `${row.id}:${row.revision + 1}` },
        );
      }
      await audit.record(tx, ctx, 'registration.corrected', {
        schoolBrin: input.schoolBrin,
        subject: row.id,
        details: { sourceBrin: merged.sourceBrin, sourceChanged, numberChanged: pupilKey !== row.pupil_key },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('REGISTRATION_EXISTS', { schoolBrin: input.schoolBrin });
    throw e;
  }
  return {
    registrationId: row.id,
    state: row.state,
    sourceBrin: merged.sourceBrin,
    preferenceRank: merged.preferenceRank ?? null,
  };
}
