import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { type Dossier, type Finding, readDossier } from '../../standard/index.js';
import { loadRegistration, receivedAad, receivedFindingsAad } from './registration-store.js';

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
 * The latest received dossier of a registration, for the school's administration: as OSO XML,
 * byte for byte as delivered, and (`asJson`) as the typed model. Every export is audited.
 */
export async function exportReceivedDossier(
  ctx: Ctx,
  input: { schoolBrin: string; registrationId: string },
): Promise<ReceivedDossierExport> {
  authorize(ctx, 'received:read', input.schoolBrin);
  return ctx.db.transaction(async (tx) => {
    const registration = await loadRegistration(tx, input.schoolBrin, input.registrationId);
    const { rows } = await tx.query<{
      id: string;
      source_brin: string;
      xml_enc: Uint8Array;
      findings_enc: Uint8Array;
      received_at: Date;
      version_ready_at: Date | null;
    }>(
      `SELECT id, source_brin, xml_enc, findings_enc, received_at, version_ready_at FROM gw.received_dossiers
        WHERE registration_id = $1 ORDER BY received_at DESC LIMIT 1`,
      [registration.id],
    );
    const row = rows[0];
    if (!row) throw new AppError('RECEIVED_DOSSIER_NOT_FOUND', { registrationId: registration.id });
    const xml = Buffer.from(ctx.keyring.decrypt(row.xml_enc, receivedAad(row.id)));
    const findings = JSON.parse(
      Buffer.from(ctx.keyring.decrypt(row.findings_enc, receivedFindingsAad(row.id))).toString('utf8'),
    ) as Finding[];
    await audit.record(tx, ctx, 'received.exported', {
      schoolBrin: input.schoolBrin,
      subject: row.id,
      details: { registrationId: registration.id },
    });
    return {
      registrationId: registration.id,
      receivedDossierId: row.id,
      sourceBrin: row.source_brin,
      receivedAt: row.received_at.toISOString(),
      versionReadyAt: row.version_ready_at?.toISOString() ?? null,
      xml,
      findings,
    };
  });
}

/** The typed model of an exported dossier (the JSON export). */
export function asJson(exported: ReceivedDossierExport): Dossier {
  return readDossier(exported.xml);
}
