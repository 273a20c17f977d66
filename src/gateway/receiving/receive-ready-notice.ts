import * as audit from '../../platform/audit/index.js';
import { SEAL_INFO } from '../../platform/crypto/index.js';
import { isAppError } from '../../platform/errors.js';
import { enqueue } from '../../platform/jobs/index.js';
import type { PupilIdentifiers, ReadyNotice, ResultCode } from '../../platform/protocol.js';
import { asPeerCtx, type ChainCallCtx } from '../chain/chain-ctx.js';
import { deliveryPointKeys } from '../hosting/delivery-point-keys.js';
import { findDeliveryPoint } from '../hosting/delivery-points.js';
import { isBrin } from '../pupils/identity.js';
import { pupilKeyer } from '../pupils/pupil-key.js';

/** Job kind: request a registration's dossier (again) without a person asking. */
export const REQUEST_DOSSIER = 'gw.request-dossier';

/** Registrations a notice re-requests: waiting for klaarzetten, or holding a version that may be older. */
const RE_REQUESTED = ['wacht_op_klaarzetten', 'aanmelding', 'fout', 'ontvangen', 'ingelezen'];

/**
 * A ready notice arrived at one of our delivery points (DESIGN.md §4 step 7): a source school set a
 * dossier ready for us after we asked. The identifiers are unsealed with the delivery point's key,
 * the registration found by keyed hash, and a request enqueued as a durable job. The answer is the
 * same whether or not a registration matched, so a notice reveals nothing.
 */
export async function receiveReadyNotice(
  ctx: ChainCallCtx,
  routingKey: string,
  notice: ReadyNotice,
): Promise<{ result: 'ok' | ResultCode }> {
  const point = await findDeliveryPoint(ctx.db, routingKey);
  if (!point?.active) return { result: 'OnbekendAanleverpunt' };
  if (!isBrin(String(notice?.sourceBrin)) || notice.destinationBrin !== point.brin)
    return { result: 'OngeldigVerzoek' };
  let ids: PupilIdentifiers;
  try {
    const keys = await deliveryPointKeys(ctx.db, ctx.keyring, routingKey, ctx.now());
    ids = await keys.openJson<PupilIdentifiers>(notice.identifiers, {
      info: SEAL_INFO.notice,
      aad: 'notice',
    });
    if (!(typeof ids?.bsn === 'string' || typeof ids?.onderwijsnummer === 'string'))
      return { result: 'OngeldigVerzoek' };
  } catch (e) {
    if (isAppError(e)) return { result: 'OngeldigVerzoek' };
    throw e;
  }
  const pupilKey = (await pupilKeyer(ctx))(ids);
  const at = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      `SELECT id FROM gw.registrations
        WHERE school_brin = $1 AND pupil_key = $2 AND source_brin = $3 AND state = ANY($4::text[])`,
      [point.brin, pupilKey, notice.sourceBrin, RE_REQUESTED],
    );
    const registration = rows[0];
    if (registration) {
      await enqueue(
        tx,
        REQUEST_DOSSIER,
        { schoolBrin: point.brin, registrationId: registration.id, trigger: 'notice' },
        { key: `${registration.id}:${notice.identifiers.enc}` },
      );
    }
    await audit.record(tx, { ...asPeerCtx(ctx), now: () => at }, 'registration.ready-notice.received', {
      schoolBrin: point.brin,
      ...(registration ? { subject: registration.id } : {}),
      details: { sourceBrin: notice.sourceBrin, matched: registration !== undefined },
    });
  });
  return { result: 'ok' };
}
