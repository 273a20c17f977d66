import * as audit from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { isUniqueViolation } from '../../platform/db/index.js';
import { authorizeRegion } from '../region-store.js';
import { pilotInvalid } from './create-pilot.js';
import type { PilotDeps } from './deps.js';
import { brinsOf, checkPairSchools } from './pair-schools.js';
import { checkPairs, type PairInput } from './pilot-rules.js';
import { insertPair, logEvent, requirePilot } from './pilot-store.js';
import { pairTwice } from './texts.js';

/** The coordinator adds a pair of member schools (po → vo) to a pilot, with its two fictional pupils. */
export async function addPilotPair(
  ctx: Ctx,
  deps: Pick<PilotDeps, 'chain'>,
  input: PairInput & { regionId: string; pilotId: string },
): Promise<{ pairId: string }> {
  authorizeRegion(ctx, 'region:admin', input.regionId);
  const pair = { poBrin: input.poBrin.trim().toUpperCase(), voBrin: input.voBrin.trim().toUpperCase() };
  const problems = checkPairs([pair]);
  if (problems.length > 0) throw pilotInvalid(problems);
  const facts = await deps.chain.schools(brinsOf([pair]));
  const at = ctx.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      const pilot = await requirePilot(tx, input.regionId, input.pilotId, { lock: true });
      const schoolProblems = await checkPairSchools(tx, input.regionId, [pair], facts);
      if (schoolProblems.length > 0) throw pilotInvalid(schoolProblems);
      const pairId = await insertPair(tx, pilot.id, pair, at);
      await logEvent(tx, ctx, pilot.id, 'pair_added', pair);
      await audit.record(tx, ctx, 'region.pilot.pair-added', { subject: pilot.id, details: pair });
      return { pairId };
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw pilotInvalid([{ field: 'pairs', index: 0, message: pairTwice(pair.poBrin, pair.voBrin) }]);
    throw e;
  }
}
