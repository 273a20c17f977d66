import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { loadDossier, moveDossier } from './dossier-store.js';

export interface PutUpForInspectionInput {
  schoolBrin: string;
  dossierId: string;
}

export interface UnderInspection {
  dossierId: string;
  version: number;
  state: 'ter_inzage';
  frozenAt: string;
}

/**
 * Puts the current version up for the parents' inspection: from now on this version is frozen —
 * what the parents see is what will be sent. Any change makes a new version (editDossier).
 */
export async function putUpForInspection(ctx: Ctx, input: PutUpForInspectionInput): Promise<UnderInspection> {
  authorize(ctx, 'dossier:inzage', input.schoolBrin);
  const at = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const dossier = await loadDossier(tx, input.schoolBrin, input.dossierId);
    await moveDossier(tx, dossier, 'ter_inzage', at);
    await tx.query('UPDATE gw.dossier_versions SET frozen_at = $2 WHERE id = $1 AND frozen_at IS NULL', [
      dossier.version_id,
      at,
    ]);
    await audit.record(tx, ctx, 'dossier.ter_inzage', {
      schoolBrin: input.schoolBrin,
      subject: dossier.id,
      details: { version: dossier.current_version },
    });
    return {
      dossierId: dossier.id,
      version: dossier.current_version,
      state: 'ter_inzage',
      frozenAt: at.toISOString(),
    };
  });
}
