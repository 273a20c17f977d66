import { randomUUID } from 'node:crypto';
import * as audit from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { isUniqueViolation } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { authorizeRegion, requireRegion } from '../region-store.js';
import type { PilotDeps } from './deps.js';
import { brinsOf, checkPairSchools } from './pair-schools.js';
import { checkPairs, checkPilotFields, type PairInput, type PilotProblem } from './pilot-rules.js';
import { insertPair, logEvent } from './pilot-store.js';

export interface NewPilot {
  regionId: string;
  name: string;
  /** YYYY-MM-DD */
  startsOn: string;
  endsOn: string;
  /** Each pair: the po school sends its two pilot dossiers to the vo school. */
  pairs: PairInput[];
}

/** Refuses with PILOT_INVALID and the problems per field (nl/en), nothing stored. */
export function pilotInvalid(problems: PilotProblem[]): AppError {
  return new AppError('PILOT_INVALID', { problems });
}

/**
 * The coordinator makes a pilot (DESIGN.md §6, ADR 0007): a name, a period, and the pairs of member
 * schools — a po school that sends a regular dossier and a support dossier to a vo school. Each
 * pair gets two fictional pupils, each with a BSN of the test range that no other pilot pupil has.
 * One transaction; refused as a whole (PILOT_INVALID, per field and pair) when a date, a pair or a
 * school is wrong.
 */
export async function createPilot(
  ctx: Ctx,
  deps: Pick<PilotDeps, 'chain'>,
  input: NewPilot,
): Promise<{ pilotId: string }> {
  authorizeRegion(ctx, 'region:admin', input.regionId);
  const pairs = (input.pairs ?? []).map((p) => ({
    poBrin: String(p.poBrin).trim().toUpperCase(),
    voBrin: String(p.voBrin).trim().toUpperCase(),
  }));
  const problems = [...checkPilotFields(input), ...checkPairs(pairs)];
  if (problems.length > 0) throw pilotInvalid(problems);
  const facts = await deps.chain.schools(brinsOf(pairs));
  const at = ctx.now();
  const pilotId = randomUUID();
  try {
    return await ctx.db.transaction(async (tx) => {
      await requireRegion(tx, input.regionId, { lock: true });
      const schoolProblems = await checkPairSchools(tx, input.regionId, pairs, facts);
      if (schoolProblems.length > 0) throw pilotInvalid(schoolProblems);
      await tx.query(
        `INSERT INTO region.pilots (id, region_id, name, starts_on, ends_on, created_at, created_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $6)`,
        [pilotId, input.regionId, input.name.trim(), input.startsOn, input.endsOn, at, ctx.actor.id],
      );
      for (const pair of pairs) await insertPair(tx, pilotId, pair, at);
      await logEvent(tx, ctx, pilotId, 'created', {
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        pairs: pairs.length,
      });
      await audit.record(tx, ctx, 'region.pilot.created', {
        subject: pilotId,
        details: { regionId: input.regionId, pairs: pairs.length },
      });
      return { pilotId };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('PILOT_EXISTS', { regionId: input.regionId });
    throw e;
  }
}
