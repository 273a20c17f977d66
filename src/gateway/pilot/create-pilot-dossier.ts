import { authorize, type Ctx } from '../../platform/context.js';
import { writeDossier } from '../../standard/index.js';
import { requireHostedSchool } from '../hosting/hosted-schools.js';
import { checkDocument } from '../sending/check-document.js';
import { profileOfDossier } from '../sending/dossier-store.js';
import { markNotInspected } from '../sending/inspection-findings.js';
import type { DossierState } from '../sending/lifecycle.js';
import { saveDossierDocument } from '../sending/save-document.js';
import { checkPilotPupil, type PilotPupilInput } from './pilot-input.js';
import { pilotDossier } from './pilot-pupil.js';
import type { PilotKind } from './test-bsn.js';

export interface PilotDossier {
  dossierId: string;
  kind: PilotKind;
  state: DossierState;
  /** False when the school had this pilot dossier already (the call is safe to repeat). */
  created: boolean;
}

/**
 * A pilot dossier of the po school (ADR 0007): the generated POVO dossier of the pair's fictional
 * pupil — a regular one, or one with support information (zorg/ondersteuning) — with its test BSN,
 * stored like any generated dossier as a concept that waits for its inspection, and marked pilot
 * (`pilot_ref`, `pilot_kind`), so that it stays out of the worklist and the monitoring. Once per
 * pair and kind: a second call answers with the dossier made by the first.
 */
export async function createPilotDossier(
  ctx: Ctx,
  input: PilotPupilInput & { schoolBrin: string },
): Promise<PilotDossier> {
  authorize(ctx, 'dossier:write', input.schoolBrin);
  const spec = checkPilotPupil(input, { schoolBrin: input.schoolBrin });
  const school = await requireHostedSchool(ctx.db, input.schoolBrin);
  const existing = await findPilotDossier(ctx, input.schoolBrin, input.pilotRef, input.kind);
  if (existing) return { ...existing, kind: input.kind, created: false };
  const dossier = pilotDossier(spec, {
    brincode: school.brin,
    vestigingscode: school.vestiging,
    naam: school.name,
  });
  markNotInspected(dossier, profileOfDossier(dossier));
  const saved = await saveDossierDocument(ctx, {
    schoolBrin: input.schoolBrin,
    doc: await checkDocument(writeDossier(dossier)),
    origin: 'generated',
    schooljaar: spec.schooljaar,
    pilot: { ref: input.pilotRef, kind: input.kind },
  });
  return { dossierId: saved.dossierId, kind: input.kind, state: saved.state, created: true };
}

async function findPilotDossier(
  ctx: Ctx,
  schoolBrin: string,
  pilotRef: string,
  kind: PilotKind,
): Promise<{ dossierId: string; state: DossierState } | undefined> {
  const { rows } = await ctx.db.query<{ id: string; state: DossierState }>(
    'SELECT id, state FROM gw.dossiers WHERE school_brin = $1 AND pilot_ref = $2 AND pilot_kind = $3',
    [schoolBrin, pilotRef, kind],
  );
  return rows[0] ? { dossierId: rows[0].id, state: rows[0].state } : undefined;
}
