import * as audit from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { newSalt, SEAL_INFO, sealJson } from '../../platform/crypto/index.js';
import { AppError } from '../../platform/errors.js';
import type { PupilIdentifiers } from '../../platform/protocol.js';
import type { GatewayChain } from '../chain/clients.js';
import { decodeIdentity } from '../pupils/identity.js';
import { identityAad } from './dossier-store.js';

/**
 * The job behind a ready notice (DESIGN.md §4 step 7): a dossier became ready for a school that asked
 * for it before, so that school's delivery point — found through the traffic center's overview — is
 * told, with the pupil's identifiers sealed to it; the receiving gateway then requests the dossier by
 * itself. Idempotent: a notice for a readiness that ended since is not sent; sending one twice only
 * makes the receiver ask twice (the second answer is NietGewijzigd or the same dossier).
 */
export async function sendReadyNotice(
  ctx: Ctx,
  chain: GatewayChain,
  payload: { destinationId: string },
): Promise<void> {
  const { rows } = await ctx.db.query<{
    state: string;
    destination_brin: string;
    school_brin: string;
    dossier_id: string;
    pupil_id: string;
    identity_enc: Uint8Array;
  }>(
    `SELECT t.state, t.destination_brin, d.school_brin, d.id AS dossier_id, p.id AS pupil_id, p.identity_enc
       FROM gw.dossier_destinations t
       JOIN gw.dossiers d ON d.id = t.dossier_id
       JOIN gw.pupils p ON p.id = d.pupil_id
      WHERE t.id = $1`,
    [payload.destinationId],
  );
  const ready = rows[0];
  if (ready?.state !== 'klaargezet') return;
  const overview = await chain.trafficCenter.deliveryPoints(
    { brin: ready.destination_brin, purpose: 'OV' },
    ctx.requestId,
  );
  if (overview.result !== 'ok') {
    throw new AppError('CHAIN_PROTOCOL_ERROR', {
      reason: 'delivery-point overview refused',
      result: overview.result,
    });
  }
  if (overview.deliveryPoints.length === 0) {
    throw new AppError('CHAIN_PROTOCOL_ERROR', { reason: 'the destination has no usable delivery point' });
  }
  const who = decodeIdentity(ctx.keyring.decrypt(ready.identity_enc, identityAad(ready.pupil_id)));
  const ids: PupilIdentifiers = {
    ...(who.bsn ? { bsn: who.bsn } : { onderwijsnummer: who.onderwijsnummer }),
    geboortedatum: who.geboortedatum,
    achternaam: who.achternaam,
    salt: newSalt(),
  };
  for (const point of overview.deliveryPoints) {
    const identifiers = await sealJson(point.publicKey, ids, { info: SEAL_INFO.notice, aad: 'notice' });
    await chain.peers.sendReadyNotice(
      point,
      { sourceBrin: ready.school_brin, destinationBrin: ready.destination_brin, identifiers },
      ctx.requestId,
    );
  }
  await audit.record(ctx.db, ctx, 'dossier.ready-notice.sent', {
    schoolBrin: ready.school_brin,
    subject: ready.dossier_id,
    details: { destinationBrin: ready.destination_brin, deliveryPoints: overview.deliveryPoints.length },
  });
}
