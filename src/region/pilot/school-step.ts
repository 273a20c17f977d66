import * as audit from '../../platform/audit/index.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { PilotStepOutcome } from './deps.js';
import {
  logEvent,
  type PairRow,
  type PilotEvent,
  type PilotRow,
  requirePair,
  requirePilotById,
} from './pilot-store.js';
import { notPartOfPair } from './texts.js';

/** The pilot and the pair of a school's step; refused unless the school is on that side of the pair. */
export async function pairOfSchool(
  ctx: Ctx,
  input: { brin: string; pilotId: string; pairId: string },
  side: 'po' | 'vo',
): Promise<{ pilot: PilotRow; pair: PairRow }> {
  return ctx.db.transaction(async (tx) => {
    const pilot = await requirePilotById(tx, input.pilotId);
    const pair = await requirePair(tx, pilot.id, input.pairId);
    if ((side === 'po' ? pair.poBrin : pair.voBrin) !== input.brin) {
      throw new AppError('FORBIDDEN', { brin: input.brin, pairId: pair.id }, notPartOfPair(input.brin, side));
    }
    return { pilot, pair };
  });
}

/** The step in the pilot's log and the audit log: the pair and each dossier's state, no pupil. */
export async function recordStep(
  ctx: Ctx,
  pilot: PilotRow,
  pair: PairRow,
  event: PilotEvent,
  outcomes: PilotStepOutcome[],
): Promise<void> {
  const details = {
    poBrin: pair.poBrin,
    voBrin: pair.voBrin,
    outcomes: outcomes.map((o) => ({
      kind: o.kind,
      state: o.state,
      ...(o.result ? { result: o.result } : {}),
    })),
  };
  await ctx.db.transaction(async (tx) => {
    await logEvent(tx, ctx, pilot.id, event, details);
    await audit.record(tx, ctx, `region.pilot.${event.replace('_', '-')}`, {
      subject: pilot.id,
      details: { pairId: pair.id, ...details },
    });
  });
}
