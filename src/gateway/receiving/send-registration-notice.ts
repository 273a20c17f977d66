import * as audit from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { newSalt, SEAL_INFO, sealJson } from '../../platform/crypto/index.js';
import { AppError } from '../../platform/errors.js';
import type { GatewayChain } from '../chain/clients.js';
import { identityOf } from './registration-store.js';

/** What a registration notice holds, sealed to the source school's delivery point. */
export interface RegistrationNoticeContent {
  bsn?: string;
  onderwijsnummer?: string;
  geboortedatum: string;
  achternaam: string;
  salt: string;
  preferenceRank: number | null;
}

/**
 * The job behind a registration notice (DESIGN.md §4 step 8): tells the source school's delivery
 * points (from the traffic center's overview) that the pupil registered here, and at which rank of
 * preference. Sending it twice only stores the same fact twice over (the receiver upserts).
 */
export async function sendRegistrationNotice(
  ctx: Ctx,
  chain: GatewayChain,
  payload: { registrationId: string },
): Promise<void> {
  const { rows } = await ctx.db.query<{
    id: string;
    school_brin: string;
    source_brin: string;
    identity_enc: Uint8Array;
    preference_rank: number | null;
  }>(
    'SELECT id, school_brin, source_brin, identity_enc, preference_rank FROM gw.registrations WHERE id = $1',
    [payload.registrationId],
  );
  const row = rows[0];
  if (!row) return;
  const overview = await chain.trafficCenter.deliveryPoints(
    { brin: row.source_brin, purpose: 'OV' },
    ctx.requestId,
  );
  if (overview.result !== 'ok') {
    throw new AppError('CHAIN_PROTOCOL_ERROR', {
      reason: 'delivery-point overview refused',
      result: overview.result,
    });
  }
  const who = identityOf(ctx.keyring, row);
  const content: RegistrationNoticeContent = {
    ...(who.bsn ? { bsn: who.bsn } : { onderwijsnummer: who.onderwijsnummer }),
    geboortedatum: who.geboortedatum,
    achternaam: who.achternaam,
    salt: newSalt(),
    preferenceRank: row.preference_rank,
  };
  for (const point of overview.deliveryPoints) {
    const registration = await sealJson(point.publicKey, content, {
      info: SEAL_INFO.registration,
      aad: 'registration',
    });
    await chain.peers.sendRegistrationNotice(
      point,
      { sourceBrin: row.source_brin, destinationBrin: row.school_brin, registration },
      ctx.requestId,
    );
  }
  await audit.record(ctx.db, ctx, 'registration.notice.sent', {
    schoolBrin: row.school_brin,
    subject: row.id,
    details: { sourceBrin: row.source_brin, deliveryPoints: overview.deliveryPoints.length },
  });
}
