import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { readDossier, writeDossier } from '../../standard/index.js';
import { loadDossier, versionFindings, versionXml } from './dossier-store.js';
import { editDossier } from './edit-dossier.js';
import { findingCountsOf } from './inspection-findings.js';
import type { SavedDossier } from './save-document.js';
import {
  applySchoolFields,
  checkSchoolFields,
  type SchoolFieldsChange,
  schoolFieldsOf,
} from './school-fields.js';

export interface EditDossierFieldsInput {
  schoolBrin: string;
  dossierId: string;
  /** The version the person was looking at; a newer one refuses with DOSSIER_CHANGED. */
  version: number;
  fields: SchoolFieldsChange;
}

export interface FieldsSaved extends SavedDossier {
  /** False when the fields already held these values: no new version was made. */
  changed: boolean;
}

/**
 * The fields a school writes itself (advice, aandachtspunten, contact wishes; school-fields.ts),
 * given as JSON: applied to the current version's model and saved as a new version through
 * editDossier — back to concept, a ready destination withdrawn, findings computed again. A change
 * that changes nothing makes no version (so an inspection is not undone for nothing).
 */
export async function editDossierFields(ctx: Ctx, input: EditDossierFieldsInput): Promise<FieldsSaved> {
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
  const problems = checkSchoolFields(input.fields, schoolFieldsOf(model));
  if (Object.keys(problems).length > 0) throw new AppError('VALIDATION_FAILED', { problems });
  if (!applySchoolFields(model, input.fields)) {
    const findings = await versionFindings(ctx.db, ctx.keyring, current.version_id);
    await audit.record(ctx.db, ctx, 'dossier.read', {
      schoolBrin: input.schoolBrin,
      subject: current.id,
      details: { version: current.current_version, view: 'fields-unchanged' },
    });
    return {
      dossierId: current.id,
      version: current.current_version,
      state: current.state,
      profile: current.profile,
      schooljaar: current.schooljaar,
      ...findingCountsOf(findings, current.inspected_at !== null),
      findings,
      changed: false,
    };
  }
  // editDossier saves in one transaction and refuses when another change came first.
  const saved = await editDossier(ctx, {
    schoolBrin: input.schoolBrin,
    dossierId: current.id,
    xml: writeDossier(model),
    expectedVersion: input.version,
  });
  return { ...saved, changed: true };
}
