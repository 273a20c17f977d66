import { authorize, type Ctx } from '../../platform/context.js';
import { checkDocument } from './check-document.js';
import { type SavedDossier, saveDossierDocument } from './save-document.js';

export interface ImportDossierInput {
  schoolBrin: string;
  /** OSO XML (gegevensset 2019.1), one `<dossier>`. */
  xml: Uint8Array;
  /** YYYY-YYYY; by default the school year of metadata/datum. */
  schooljaar?: string;
}

/**
 * Imports a dossier from the school's administration: strict validation (a document that is not
 * well-formed or not schema-valid is refused; business-rule findings are kept with the version),
 * stored encrypted. A pupil who already has a dossier this school year gets a new version of it.
 */
export async function importDossier(ctx: Ctx, input: ImportDossierInput): Promise<SavedDossier> {
  authorize(ctx, 'dossier:write', input.schoolBrin);
  const doc = await checkDocument(input.xml);
  return saveDossierDocument(ctx, {
    schoolBrin: input.schoolBrin,
    doc,
    origin: 'import',
    schooljaar: input.schooljaar,
  });
}
