import { authorize, type Ctx } from '../../platform/context.js';
import { generateDossier, type ProfileCode, writeDossier } from '../../standard/index.js';
import { requireHostedSchool } from '../hosting/hosted-schools.js';
import { checkDocument } from './check-document.js';
import { profileOfDossier } from './dossier-store.js';
import { markNotInspected } from './inspection-findings.js';
import { type SavedDossier, saveDossierDocument } from './save-document.js';

export interface GeneratedDossierInput {
  schoolBrin: string;
  profile: ProfileCode;
  seed?: string | number;
  /** Which dossier of the seed (0, 1, …). */
  index?: number;
  schooljaar?: string;
  attachments?: 'none' | 'small' | 'realistic';
}

/**
 * For demos and tests: a synthetic dossier (src/standard's generator) for a hosted school, stored
 * exactly as an imported one. Same seed and index, same pupil.
 *
 * It is a concept, as a school's administration hands it over before the parents saw it: the
 * generator's complete dossier carries an inspection (date, agreement), which is taken out here
 * (`inzage` false, see inspection-findings.ts) — the inspection happens in the demo's own flow
 * (put up for inspection, the parents' answer). Its inspection findings (OVa.IZ*) wait for that.
 */
export async function createDossierFromGenerated(
  ctx: Ctx,
  input: GeneratedDossierInput,
): Promise<SavedDossier> {
  authorize(ctx, 'dossier:write', input.schoolBrin);
  const school = await requireHostedSchool(ctx.db, input.schoolBrin);
  const dossier = generateDossier(
    {
      profile: input.profile,
      seed: input.seed ?? 0,
      attachments: input.attachments ?? 'small',
      ...(input.schooljaar ? { schooljaar: input.schooljaar } : {}),
      school: { brincode: school.brin, vestigingscode: school.vestiging, naam: school.name },
    },
    input.index ?? 0,
  );
  markNotInspected(dossier, profileOfDossier(dossier));
  const doc = await checkDocument(writeDossier(dossier));
  return saveDossierDocument(ctx, {
    schoolBrin: input.schoolBrin,
    doc,
    origin: 'generated',
    ...(input.schooljaar ? { schooljaar: input.schooljaar } : {}),
  });
}
