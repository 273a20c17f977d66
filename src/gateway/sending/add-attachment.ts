import { authorize, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import {
  addAttachment as addToModel,
  isStandardError,
  readDossier,
  writeDossier,
} from '../../standard/index.js';
import { checkAttachmentFile, MAX_OWN_ATTACHMENTS } from './attachment-files.js';
import { loadDossier, versionXml } from './dossier-store.js';
import { editDossier } from './edit-dossier.js';
import type { SavedDossier } from './save-document.js';

export interface AddAttachmentInput {
  schoolBrin: string;
  dossierId: string;
  /** The version the person was looking at; a newer one refuses with DOSSIER_CHANGED. */
  version: number;
  /** e.g. `okr-addendum.pdf`: its extension must be an allowed type and fit the content. */
  fileName: string;
  /** What it is, e.g. "Regionaal OKR-addendum". */
  omschrijving?: string;
  content: Uint8Array;
}

/**
 * Adds a file to the dossier's own attachments (`overigdocumentlijst`, category Bijlagedocs), e.g. the
 * region's OKR addendum, as the standard wants it: ZIPped, base64 inside the XML. The type is
 * checked by name and content, the size is bounded (attachment-files.ts); the dossier becomes a new
 * version through editDossier (back to concept, findings computed again).
 */
export async function addAttachment(ctx: Ctx, input: AddAttachmentInput): Promise<SavedDossier> {
  authorize(ctx, 'dossier:write', input.schoolBrin);
  checkAttachmentFile(input.fileName, input.content);
  const omschrijving = input.omschrijving?.trim() || undefined;
  if (omschrijving && omschrijving.length > 200) {
    throw new AppError('VALIDATION_FAILED', { problems: { omschrijving: 'at most 200 characters' } });
  }
  const current = await loadDossier(ctx.db, input.schoolBrin, input.dossierId);
  if (current.current_version !== input.version) {
    throw new AppError('DOSSIER_CHANGED', {
      dossierId: current.id,
      version: current.current_version,
      expectedVersion: input.version,
    });
  }
  const model = readDossier(await versionXml(ctx.db, ctx.keyring, current.version_id));
  const own = model.huidigeschool.leerling.overigdocumentlijst?.document.length ?? 0;
  if (own >= MAX_OWN_ATTACHMENTS) {
    throw new AppError('ATTACHMENT_TOO_LARGE', { attachments: own, maxAttachments: MAX_OWN_ATTACHMENTS });
  }
  try {
    addToModel(model, {
      fileName: input.fileName.trim(),
      content: input.content,
      ...(omschrijving ? { omschrijving } : {}),
    });
  } catch (e) {
    // The dossier declares Bijlagedocs VERBODEN: the standard's own words say so.
    if (isStandardError(e)) throw new AppError('VALIDATION_FAILED', { reason: e.code }, e.messages);
    throw e;
  }
  return editDossier(ctx, {
    schoolBrin: input.schoolBrin,
    dossierId: current.id,
    xml: writeDossier(model),
    expectedVersion: input.version,
  });
}
