import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { writeDossier } from '../../standard/index.js';
import { checkDocument } from './check-document.js';
import { loadDossier, moveDossier, replaceVersionDocument, versionXml } from './dossier-store.js';
import {
  type FindingCounts,
  findingCounts,
  findingCountsOf,
  markNotInspected,
} from './inspection-findings.js';

export interface PutUpForInspectionInput {
  schoolBrin: string;
  dossierId: string;
}

export interface UnderInspection extends FindingCounts {
  dossierId: string;
  version: number;
  state: 'ter_inzage';
  frozenAt: string;
}

/**
 * Puts the current version up for the parents' inspection: from now on this version is frozen —
 * what the parents see is what will be sent. Any change makes a new version (editDossier).
 *
 * The version has not been inspected, so its `inzage` block says so (`inzage` false, no date,
 * agreement, reason or consent; `voorlopigdossier` kept), whatever the school's administration
 * put there: neither the parents nor anyone else sees an inspection before it happened. The
 * rewritten document is checked again; its inspection findings (OVa.IZ*) wait for the parents
 * (`awaitingInspection`), and recording the inspection fills the block (record-inspection.ts).
 */
export async function putUpForInspection(ctx: Ctx, input: PutUpForInspectionInput): Promise<UnderInspection> {
  authorize(ctx, 'dossier:inzage', input.schoolBrin);
  const at = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const dossier = await loadDossier(tx, input.schoolBrin, input.dossierId);
    await moveDossier(tx, dossier, 'ter_inzage', at);
    let counts = findingCounts({
      errorCount: dossier.error_count,
      warningCount: dossier.warning_count,
      inspectionErrorCount: dossier.inspection_error_count,
      inspected: false,
    });
    // Only a version never inspected comes here (ter_inzage only from concept, and every edit is
    // a new version); still, an inspection already recorded is never undone.
    if (dossier.inspected_at === null) {
      const doc = await checkDocument(await versionXml(tx, ctx.keyring, dossier.version_id));
      if (markNotInspected(doc.dossier, doc.profile)) {
        const rewritten = await checkDocument(writeDossier(doc.dossier));
        await replaceVersionDocument(tx, ctx.keyring, dossier.version_id, rewritten);
        counts = findingCountsOf(rewritten.findings, false);
      }
    }
    await tx.query('UPDATE gw.dossier_versions SET frozen_at = $2 WHERE id = $1 AND frozen_at IS NULL', [
      dossier.version_id,
      at,
    ]);
    await audit.record(tx, ctx, 'dossier.ter_inzage', {
      schoolBrin: input.schoolBrin,
      subject: dossier.id,
      details: { version: dossier.current_version, ...counts },
    });
    return {
      dossierId: dossier.id,
      version: dossier.current_version,
      state: 'ter_inzage',
      frozenAt: at.toISOString(),
      ...counts,
    };
  });
}
