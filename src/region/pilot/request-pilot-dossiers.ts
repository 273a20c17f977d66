import type { Ctx } from '../../platform/context.js';
import type { PilotDeps, PilotStepOutcome } from './deps.js';
import { pairRef, pupilFacts } from './pilot-store.js';
import { authorizeAll, REQUEST_PERMISSIONS } from './school-staff.js';
import { pairOfSchool, recordStep } from './school-step.js';

/**
 * The vo school's step in a pilot pair (ADR 0007): the gateway registers the pair's two fictional
 * pupils (marked pilot) and requests their dossiers over the chain — session at the traffic
 * center, sealed identifiers, the po school's answer — like any registration. A dossier not ready
 * yet answers NietKlaargezet; the po school's klaarzetten then notifies, and the gateway asks again
 * by itself. Safe to repeat. Logged with each request's result.
 */
export async function requestPilotDossiers(
  ctx: Ctx,
  deps: Pick<PilotDeps, 'exchanges'>,
  input: { brin: string; pilotId: string; pairId: string },
): Promise<{ outcomes: PilotStepOutcome[] }> {
  authorizeAll(ctx, REQUEST_PERMISSIONS, input.brin);
  const { pilot, pair } = await pairOfSchool(ctx, input, 'vo');
  const outcomes = await deps.exchanges.request(ctx, {
    pair: pairRef(pair),
    pupils: pupilFacts(pilot, pair),
  });
  await recordStep(ctx, pilot, pair, 'dossiers_requested', outcomes);
  return { outcomes };
}
