import * as audit from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { authorizeRegion } from '../region-store.js';
import type { PilotDeps } from './deps.js';
import { pairProgress } from './pilot-rules.js';
import { logEvent, pairRef, requirePair, requirePilot } from './pilot-store.js';

/**
 * The coordinator takes a pair out of a pilot — only while nothing happened for it in the chain
 * (no pilot dossier, no registration): once the schools started, the pair's record stays
 * (PILOT_PAIR_STARTED). Its test BSNs are not handed out again.
 */
export async function removePilotPair(
  ctx: Ctx,
  deps: Pick<PilotDeps, 'exchanges'>,
  input: { regionId: string; pilotId: string; pairId: string },
): Promise<void> {
  authorizeRegion(ctx, 'region:admin', input.regionId);
  const pair = await ctx.db.transaction(async (tx) => {
    await requirePilot(tx, input.regionId, input.pilotId);
    return requirePair(tx, input.pilotId, input.pairId);
  });
  const counts = await deps.exchanges.counts([pairRef(pair)]);
  if (pairProgress(counts.get(pair.id)).started) {
    throw new AppError('PILOT_PAIR_STARTED', { pairId: pair.id });
  }
  await ctx.db.transaction(async (tx) => {
    const pilot = await requirePilot(tx, input.regionId, input.pilotId, { lock: true });
    await requirePair(tx, pilot.id, pair.id);
    await tx.query('DELETE FROM region.pilot_pairs WHERE id = $1', [pair.id]);
    const details = { poBrin: pair.poBrin, voBrin: pair.voBrin };
    await logEvent(tx, ctx, pilot.id, 'pair_removed', details);
    await audit.record(tx, ctx, 'region.pilot.pair-removed', { subject: pilot.id, details });
  });
}
