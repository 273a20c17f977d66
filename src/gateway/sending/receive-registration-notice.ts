import { randomUUID } from 'node:crypto';
import * as audit from '../../platform/audit/index.js';
import { SEAL_INFO } from '../../platform/crypto/index.js';
import { isAppError } from '../../platform/errors.js';
import type { RegistrationNotice, ResultCode } from '../../platform/protocol.js';
import { asPeerCtx, type ChainCallCtx } from '../chain/chain-ctx.js';
import { deliveryPointKeys } from '../hosting/delivery-point-keys.js';
import { findDeliveryPoint } from '../hosting/delivery-points.js';
import { isBrin } from '../pupils/identity.js';
import { pupilKeyer } from '../pupils/pupil-key.js';
import type { RegistrationNoticeContent } from '../receiving/send-registration-notice.js';

/**
 * A registration notice arrived at one of our delivery points (DESIGN.md §4 step 8): a pupil of the
 * school registered at another school, with a rank of preference. Stored by keyed hash (a later
 * import of the pupil's dossier finds it), shown in the school's dossier list. Upserts: the same
 * notice twice is one fact.
 */
export async function receiveRegistrationNotice(
  ctx: ChainCallCtx,
  routingKey: string,
  notice: RegistrationNotice,
): Promise<{ result: 'ok' | ResultCode }> {
  const point = await findDeliveryPoint(ctx.db, routingKey);
  if (!point?.active) return { result: 'OnbekendAanleverpunt' };
  if (notice?.sourceBrin !== point.brin || !isBrin(String(notice.destinationBrin)))
    return { result: 'OngeldigVerzoek' };
  let content: RegistrationNoticeContent;
  try {
    const keys = await deliveryPointKeys(ctx.db, ctx.keyring, routingKey, ctx.now());
    content = await keys.openJson<RegistrationNoticeContent>(notice.registration, {
      info: SEAL_INFO.registration,
      aad: 'registration',
    });
    if (!(typeof content?.bsn === 'string' || typeof content?.onderwijsnummer === 'string')) {
      return { result: 'OngeldigVerzoek' };
    }
  } catch (e) {
    if (isAppError(e)) return { result: 'OngeldigVerzoek' };
    throw e;
  }
  const rank = Number.isInteger(content.preferenceRank) ? content.preferenceRank : null;
  const pupilKey = (await pupilKeyer(ctx))(content);
  const at = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO gw.registration_notices (id, school_brin, pupil_key, destination_brin, preference_rank, received_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (school_brin, pupil_key, destination_brin)
       DO UPDATE SET preference_rank = EXCLUDED.preference_rank, received_at = EXCLUDED.received_at`,
      [randomUUID(), point.brin, pupilKey, notice.destinationBrin, rank, at],
    );
    await audit.record(tx, asPeerCtx(ctx), 'registration.notice.received', {
      schoolBrin: point.brin,
      details: { destinationBrin: notice.destinationBrin, preferenceRank: rank },
    });
  });
  return { result: 'ok' };
}
