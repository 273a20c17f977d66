import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { writeDossier } from '../../standard/index.js';
import { type CheckedDocument, checkDocument } from './check-document.js';
import { loadDossier, moveDossier, replaceVersionDocument, versionXml } from './dossier-store.js';
import {
  type FindingCounts,
  findingCounts,
  findingCountsOf,
  markNotInspected,
} from './inspection-findings.js';
import { assertTransition } from './lifecycle.js';

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
 *
 * The document is read, rewritten and validated before the transaction, which then holds the
 * database for a few statements only, not for two validations of a document of up to 50 MB (on
 * PGlite every other request of the node waits for its one connection meanwhile). The
 * compare-and-set on the dossier's revision makes that safe: a change in between (a new version,
 * another state) gives CONFLICT and nothing is stored.
 */
export async function putUpForInspection(ctx: Ctx, input: PutUpForInspectionInput): Promise<UnderInspection> {
  authorize(ctx, 'dossier:inzage', input.schoolBrin);
  const at = ctx.now();
  const dossier = await loadDossier(ctx.db, input.schoolBrin, input.dossierId);
  assertTransition(dossier.state, 'ter_inzage');
  // Only a version never inspected comes here (ter_inzage only from concept, and every edit is
  // a new version); still, an inspection already recorded is never undone.
  let rewritten: CheckedDocument | undefined;
  if (dossier.inspected_at === null) {
    const doc = await checkDocument(await versionXml(ctx.db, ctx.keyring, dossier.version_id));
    if (markNotInspected(doc.dossier, doc.profile))
      rewritten = await checkDocument(writeDossier(doc.dossier));
  }
  const counts = rewritten
    ? findingCountsOf(rewritten.findings, false)
    : findingCounts({
        errorCount: dossier.error_count,
        warningCount: dossier.warning_count,
        inspectionErrorCount: dossier.inspection_error_count,
        inspected: false,
      });
  return ctx.db.transaction(async (tx) => {
    await moveDossier(tx, dossier, 'ter_inzage', at);
    if (rewritten) await replaceVersionDocument(tx, ctx.keyring, dossier.version_id, rewritten);
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
