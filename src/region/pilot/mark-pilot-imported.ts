import type { Ctx } from '../../platform/context.js';
import type { PilotDeps, PilotStepOutcome } from './deps.js';
import { pairRef } from './pilot-store.js';
import { authorizeAll, IMPORT_PERMISSIONS } from './school-staff.js';
import { pairOfSchool, recordStep } from './school-step.js';

/**
 * The vo school's last step in a pilot pair: the received pilot dossiers are imported into its
 * administration (`ingelezen`) — the same use case as for a real dossier. Dossiers that did not
 * arrive yet are left as they are (their state says so).
 */
export async function markPilotImported(
  ctx: Ctx,
  deps: Pick<PilotDeps, 'exchanges'>,
  input: { brin: string; pilotId: string; pairId: string },
): Promise<{ outcomes: PilotStepOutcome[] }> {
  authorizeAll(ctx, IMPORT_PERMISSIONS, input.brin);
  const { pilot, pair } = await pairOfSchool(ctx, input, 'vo');
  const outcomes = await deps.exchanges.markImported(ctx, { pair: pairRef(pair) });
  await recordStep(ctx, pilot, pair, 'dossiers_imported', outcomes);
  return { outcomes };
}
