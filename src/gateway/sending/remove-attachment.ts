import { authorize, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { listAttachments, readDossier, writeDossier } from '../../standard/index.js';
import { loadDossier, versionXml } from './dossier-store.js';
import { editDossier } from './edit-dossier.js';
import type { SavedDossier } from './save-document.js';

export interface RemoveAttachmentInput {
  schoolBrin: string;
  dossierId: string;
  /** The version the person was looking at; a newer one refuses with DOSSIER_CHANGED. */
  version: number;
  /** Position among all attachments, as the overview lists them; it must be one of the dossier's own. */
  position: number;
}

/**
 * Removes one of the dossier's own attachments (`overigdocumentlijst`; attachments inside other
 * blocks belong to those blocks and come from the school's administration: ATTACHMENT_NOT_FOUND). The list goes when it
 * is empty; the dossier becomes a new version through editDossier.
 */
export async function removeAttachment(ctx: Ctx, input: RemoveAttachmentInput): Promise<SavedDossier> {
  authorize(ctx, 'dossier:write', input.schoolBrin);
  const current = await loadDossier(ctx.db, input.schoolBrin, input.dossierId);
  if (current.current_version !== input.version) {
    throw new AppError('DOSSIER_CHANGED', {
      dossierId: current.id,
      version: current.current_version,
      expectedVersion: input.version,
    });
  }
  const model = readDossier(await versionXml(ctx.db, ctx.keyring, current.version_id));
  const leerling = model.huidigeschool.leerling;
  const list = leerling.overigdocumentlijst?.document ?? [];
  const entry = Number.isInteger(input.position) ? listAttachments(model)[input.position] : undefined;
  const index = entry ? list.indexOf(entry.document) : -1;
  if (index < 0) throw new AppError('ATTACHMENT_NOT_FOUND', { position: input.position });
  list.splice(index, 1);
  if (list.length === 0) delete leerling.overigdocumentlijst;
  return editDossier(ctx, {
    schoolBrin: input.schoolBrin,
    dossierId: current.id,
    xml: writeDossier(model),
    expectedVersion: input.version,
  });
}
