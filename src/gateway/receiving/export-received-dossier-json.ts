import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { type CategoryField, type Dossier, type Finding, readDossier } from '../../standard/index.js';
import { loadLatestReceived, loadRegistration } from './registration-store.js';
import {
  isSupportFinding,
  maySeeSupport,
  SUPPORT_CATEGORIES,
  withoutSupportInformation,
} from './support-information.js';

export interface ReceivedDossierJson {
  registrationId: string;
  receivedDossierId: string;
  sourceBrin: string;
  receivedAt: string;
  versionReadyAt: string | null;
  findings: Finding[];
  /** Categories left out because the reader may not see support information ([] when shown). */
  withheld: CategoryField[];
  dossier: Dossier;
}

/**
 * The latest received dossier of a registration as the typed model (JSON), for people who read it
 * (`received:read`). Support information (`support-information.ts`) and findings about it are left
 * out unless the reader has `received:support` at the school. Audited, with whether support
 * information was included.
 */
export async function exportReceivedDossierJson(
  ctx: Ctx,
  input: { schoolBrin: string; registrationId: string },
): Promise<ReceivedDossierJson> {
  authorize(ctx, 'received:read', input.schoolBrin);
  const support = maySeeSupport(ctx, input.schoolBrin);
  return ctx.db.transaction(async (tx) => {
    const registration = await loadRegistration(tx, input.schoolBrin, input.registrationId);
    const row = await loadLatestReceived(tx, ctx.keyring, registration.id);
    const full = readDossier(row.xml);
    await audit.record(tx, ctx, 'received.exported', {
      schoolBrin: input.schoolBrin,
      subject: row.id,
      details: { registrationId: registration.id, format: 'json', supportIncluded: support },
    });
    return {
      registrationId: registration.id,
      receivedDossierId: row.id,
      sourceBrin: row.source_brin,
      receivedAt: row.received_at.toISOString(),
      versionReadyAt: row.version_ready_at?.toISOString() ?? null,
      findings: support ? row.findings : row.findings.filter((f) => !isSupportFinding(f)),
      withheld: support ? [] : [...SUPPORT_CATEGORIES],
      dossier: support ? full : withoutSupportInformation(full),
    };
  });
}
