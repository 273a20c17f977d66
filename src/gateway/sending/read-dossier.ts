import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import type { Finding } from '../../standard/index.js';
import { loadDossier, versionFindings, versionXml } from './dossier-store.js';

export interface ReadDossierInput {
  schoolBrin: string;
  dossierId: string;
}

export interface DossierDocument {
  dossierId: string;
  version: number;
  xml: Buffer;
  findings: Finding[];
}

/** The current version of a dossier as OSO XML with its findings; the read is audited. */
export async function readDossierDocument(ctx: Ctx, input: ReadDossierInput): Promise<DossierDocument> {
  authorize(ctx, 'dossier:read', input.schoolBrin);
  return ctx.db.transaction(async (tx) => {
    const dossier = await loadDossier(tx, input.schoolBrin, input.dossierId);
    const xml = await versionXml(tx, ctx.keyring, dossier.version_id);
    const findings = await versionFindings(tx, ctx.keyring, dossier.version_id);
    await audit.record(tx, ctx, 'dossier.read', {
      schoolBrin: input.schoolBrin,
      subject: dossier.id,
      details: { version: dossier.current_version },
    });
    return { dossierId: dossier.id, version: dossier.current_version, xml, findings };
  });
}
