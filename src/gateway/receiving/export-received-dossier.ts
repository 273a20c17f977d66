import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { type Dossier, type Finding, readDossier } from '../../standard/index.js';
import { loadLatestReceived, loadRegistration } from './registration-store.js';

export interface ReceivedDossierExport {
  registrationId: string;
  receivedDossierId: string;
  sourceBrin: string;
  receivedAt: string;
  versionReadyAt: string | null;
  /** The dossier exactly as delivered (OSO XML). */
  xml: Buffer;
  findings: Finding[];
}

/**
 * The latest received dossier of a registration as OSO XML, byte for byte as delivered, for import
 * into the school's administration: complete (support information included), so it needs
 * `received:write` (the administratie). The JSON export for people, which leaves support
 * information out for those who may not see it, is `exportReceivedDossierJson`. Audited.
 */
export async function exportReceivedDossier(
  ctx: Ctx,
  input: { schoolBrin: string; registrationId: string },
): Promise<ReceivedDossierExport> {
  authorize(ctx, 'received:write', input.schoolBrin);
  return ctx.db.transaction(async (tx) => {
    const registration = await loadRegistration(tx, input.schoolBrin, input.registrationId);
    const row = await loadLatestReceived(tx, ctx.keyring, registration.id);
    await audit.record(tx, ctx, 'received.exported', {
      schoolBrin: input.schoolBrin,
      subject: row.id,
      details: { registrationId: registration.id, format: 'xml' },
    });
    return {
      registrationId: registration.id,
      receivedDossierId: row.id,
      sourceBrin: row.source_brin,
      receivedAt: row.received_at.toISOString(),
      versionReadyAt: row.version_ready_at?.toISOString() ?? null,
      xml: row.xml,
      findings: row.findings,
    };
  });
}

/** The typed model of an exported dossier (complete, as the XML). */
export function asJson(exported: ReceivedDossierExport): Dossier {
  return readDossier(exported.xml);
}
