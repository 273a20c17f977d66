import { authorize, type Ctx } from '../../platform/context.js';
import { checkDocument } from './check-document.js';
import { type SavedDossier, saveDossierDocument } from './save-document.js';

export interface EditDossierInput {
  schoolBrin: string;
  dossierId: string;
  /** The whole changed document (OSO XML). */
  xml: Uint8Array;
  /** The version the change was made on: refused with DOSSIER_CHANGED when a newer one exists. */
  expectedVersion?: number;
}

/**
 * Changes a dossier: the document becomes a new version and the dossier goes back to concept from
 * whatever state it was in. A frozen or inspected version is never changed; a ready destination is
 * withdrawn in the same transaction; where the profile requires the parents' inspection, it must be
 * done again for the new version before klaarzetten.
 */
export async function editDossier(ctx: Ctx, input: EditDossierInput): Promise<SavedDossier> {
  authorize(ctx, 'dossier:write', input.schoolBrin);
  const doc = await checkDocument(input.xml);
  return saveDossierDocument(ctx, {
    schoolBrin: input.schoolBrin,
    doc,
    origin: 'edit',
    dossierId: input.dossierId,
    ...(input.expectedVersion !== undefined ? { expectedVersion: input.expectedVersion } : {}),
  });
}
