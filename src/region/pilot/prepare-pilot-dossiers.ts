import type { Ctx } from '../../platform/context.js';
import type { PilotDeps, PilotStepOutcome } from './deps.js';
import { pairRef, pupilFacts } from './pilot-store.js';
import { authorizeAll, PREPARE_PERMISSIONS } from './school-staff.js';
import { pairOfSchool, recordStep } from './school-step.js';

/**
 * The po school's step in a pilot pair (ADR 0007), by its administration from the school's pilot
 * page: the gateway generates the regular and the support dossier of the pair's fictional pupils
 * (test BSNs), records their inspection — a fictional pupil has no parents; the school records it
 * as done — and sets both ready for the pair's vo school, through the same use cases as a real
 * dossier. Safe to repeat: what was done already is skipped. Logged in the pilot's log.
 */
export async function preparePilotDossiers(
  ctx: Ctx,
  deps: Pick<PilotDeps, 'exchanges'>,
  input: { brin: string; pilotId: string; pairId: string },
): Promise<{ outcomes: PilotStepOutcome[] }> {
  authorizeAll(ctx, PREPARE_PERMISSIONS, input.brin);
  const { pilot, pair } = await pairOfSchool(ctx, input, 'po');
  const outcomes = await deps.exchanges.prepare(ctx, {
    pair: pairRef(pair),
    pupils: pupilFacts(pilot, pair),
  });
  await recordStep(ctx, pilot, pair, 'dossiers_prepared', outcomes);
  return { outcomes };
}
