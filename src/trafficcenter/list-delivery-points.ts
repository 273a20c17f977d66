import type { DeliveryPointOverview, DeliveryPointPurpose, ResultCode } from '../platform/protocol.js';
import { dutchDay } from '../standard/index.js';
import { type ChainCtx, identifyCaller } from './chain-caller.js';
import { usableDeliveryPoints } from './registry.js';

export type ListDeliveryPointsAnswer =
  | ({ result: 'ok' } & DeliveryPointOverview)
  | { result: Extract<ResultCode, 'VerstrekkerNietBekend' | 'OngeldigVerzoek'> };

/**
 * The delivery-point overview (aanleverpuntenoverzicht) for any known supplier system: the
 * points the chain may use today — active, of admitted schools, held under a current mandate —
 * optionally for one school and one purpose.
 */
export async function listDeliveryPoints(
  ctx: ChainCtx,
  filter: { brin?: string; purpose?: DeliveryPointPurpose },
): Promise<ListDeliveryPointsAnswer> {
  return ctx.db.transaction(async (tx) => {
    const caller = await identifyCaller(tx, ctx.peerFingerprint);
    if (!caller) return { result: 'VerstrekkerNietBekend' };
    if (filter.brin !== undefined && !/^[0-9]{2}[A-Z]{2}$/.test(filter.brin)) {
      return { result: 'OngeldigVerzoek' };
    }
    if (filter.purpose !== undefined && !['OV', 'SWV', 'RP'].includes(filter.purpose)) {
      return { result: 'OngeldigVerzoek' };
    }
    const deliveryPoints = await usableDeliveryPoints(tx, { day: dutchDay(ctx.now()), ...filter });
    return { result: 'ok', deliveryPoints };
  });
}
