import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { Finding, ProfileCode } from '../../standard/index.js';
import { loadSwvRequest, swvReceivedAad, swvReceivedFindingsAad } from './swv-request-store.js';

export interface SwvDossierExport {
  swvRequestId: string;
  receivedDossierId: string;
  sourceBrin: string;
  profile: ProfileCode;
  receivedAt: string;
  versionReadyAt: string | null;
  /** The dossier exactly as delivered (OSO XML). */
  xml: Buffer;
  findings: Finding[];
}

/**
 * The latest SWV dossier received for a samenwerkingsverband's request, byte for byte as delivered
 * (the JSON model: `asJson` of export-received-dossier). Every export is audited.
 */
export async function exportSwvDossier(
  ctx: Ctx,
  input: { schoolBrin: string; swvRequestId: string },
): Promise<SwvDossierExport> {
  authorize(ctx, 'received:read', input.schoolBrin);
  return ctx.db.transaction(async (tx) => {
    const request = await loadSwvRequest(tx, input.schoolBrin, input.swvRequestId);
    const { rows } = await tx.query<{
      id: string;
      source_brin: string;
      profile: ProfileCode;
      xml_enc: Uint8Array;
      findings_enc: Uint8Array;
      received_at: Date;
      version_ready_at: Date | null;
    }>(
      `SELECT id, source_brin, profile, xml_enc, findings_enc, received_at, version_ready_at
         FROM gw.swv_received_dossiers WHERE swv_request_id = $1 ORDER BY received_at DESC LIMIT 1`,
      [request.id],
    );
    const row = rows[0];
    if (!row)
      throw new AppError('SWV_REQUEST_NOT_FOUND', { swvRequestId: request.id, reason: 'nothing-received' });
    await audit.record(tx, ctx, 'swv.received.exported', {
      schoolBrin: input.schoolBrin,
      subject: row.id,
      details: { swvRequestId: request.id },
    });
    return {
      swvRequestId: request.id,
      receivedDossierId: row.id,
      sourceBrin: row.source_brin,
      profile: row.profile,
      receivedAt: row.received_at.toISOString(),
      versionReadyAt: row.version_ready_at?.toISOString() ?? null,
      xml: Buffer.from(ctx.keyring.decrypt(row.xml_enc, swvReceivedAad(row.id))),
      findings: JSON.parse(
        Buffer.from(ctx.keyring.decrypt(row.findings_enc, swvReceivedFindingsAad(row.id))).toString('utf8'),
      ) as Finding[],
    };
  });
}
