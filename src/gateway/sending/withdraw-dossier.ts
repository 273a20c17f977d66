import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { endReadiness, loadDossier, moveDossier } from './dossier-store.js';

export interface WithdrawInput {
  schoolBrin: string;
  dossierId: string;
}

export interface Withdrawn {
  dossierId: string;
  state: 'ingetrokken';
  /** The school it was ready for. */
  withdrawnFrom?: string;
}

/** Withdraws a ready dossier: requests from the destination are answered NietKlaargezet from now on. */
export async function withdrawDossier(ctx: Ctx, input: WithdrawInput): Promise<Withdrawn> {
  authorize(ctx, 'dossier:klaarzetten', input.schoolBrin);
  const at = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const dossier = await loadDossier(tx, input.schoolBrin, input.dossierId);
    await moveDossier(tx, dossier, 'ingetrokken', at);
    const withdrawnFrom = await endReadiness(tx, dossier.id, 'ingetrokken', at);
    await audit.record(tx, ctx, 'dossier.ingetrokken', {
      schoolBrin: input.schoolBrin,
      subject: dossier.id,
      details: { version: dossier.current_version, ...(withdrawnFrom ? { withdrawnFrom } : {}) },
    });
    return { dossierId: dossier.id, state: 'ingetrokken', ...(withdrawnFrom ? { withdrawnFrom } : {}) };
  });
}
