import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { writeDossier } from '../../standard/index.js';
import { isIsoDate } from '../pupils/identity.js';
import { checkDocument } from './check-document.js';
import {
  countFindings,
  findingsAad,
  loadDossier,
  moveDossier,
  versionAad,
  versionXml,
} from './dossier-store.js';

export type Akkoord = 'Ja' | 'Nee' | 'Onbekend';

export interface RecordInspectionInput {
  schoolBrin: string;
  dossierId: string;
  /** YYYY-MM-DD: when the parents inspected the dossier. */
  inzagedatum: string;
  akkoord: Akkoord;
  /** Required when akkoord is Nee: why the parents do not agree. */
  redenNietAkkoord?: string;
  /** The parents' consent to the transfer (required for VOVO). */
  toestemming?: Akkoord;
}

export interface Inspected {
  dossierId: string;
  version: number;
  state: 'ingezien';
  errorCount: number;
  warningCount: number;
}

const ANSWERS: readonly string[] = ['Ja', 'Nee', 'Onbekend'];

/**
 * Records the parents' inspection of the frozen version: date, whether they agree (with their
 * reason when not) and their consent. The result is written into the version's `inzage` block — the
 * only part of a frozen version that changes — and the version is validated again, so the
 * receiving school sees exactly what the parents said.
 */
export async function recordInspection(ctx: Ctx, input: RecordInspectionInput): Promise<Inspected> {
  authorize(ctx, 'dossier:inzage', input.schoolBrin);
  const at = ctx.now();
  const problems: Record<string, string> = {};
  if (!isIsoDate(input.inzagedatum)) problems.inzagedatum = 'a date YYYY-MM-DD';
  else if (input.inzagedatum > at.toISOString().slice(0, 10)) problems.inzagedatum = 'not in the future';
  if (!ANSWERS.includes(input.akkoord)) problems.akkoord = 'Ja, Nee or Onbekend';
  if (input.toestemming !== undefined && !ANSWERS.includes(input.toestemming))
    problems.toestemming = 'Ja, Nee or Onbekend';
  const reden = input.redenNietAkkoord?.trim();
  if (input.akkoord === 'Nee' && !reden) problems.redenNietAkkoord = 'required when akkoord is Nee';
  if (reden && reden.length > 4000) problems.redenNietAkkoord = 'at most 4000 characters';

  // Read and rewrite outside the transaction; the revision check below makes it safe.
  const dossier = await loadDossier(ctx.db, input.schoolBrin, input.dossierId);
  if (dossier.state !== 'ter_inzage') {
    throw new AppError('TRANSITION_NOT_ALLOWED', { from: dossier.state, to: 'ingezien' });
  }
  if (dossier.profile === 'VOVO' && input.toestemming === undefined)
    problems.toestemming = 'required for VOVO';
  if (Object.keys(problems).length > 0) throw new AppError('VALIDATION_FAILED', { problems });

  const doc = checkDocument(await versionXml(ctx.db, ctx.keyring, dossier.version_id));
  doc.dossier.inzage = {
    voorlopigdossier: doc.dossier.inzage?.voorlopigdossier ?? false,
    inzage: true,
    inzagedatum: input.inzagedatum,
    akkoord: input.akkoord,
    ...(input.akkoord === 'Nee' && reden ? { redennietakkoord: reden } : {}),
    ...(input.toestemming ? { toestemming: input.toestemming } : {}),
  };
  const inspected = checkDocument(writeDossier(doc.dossier));
  const { errors, warnings } = countFindings(inspected.findings);

  return ctx.db.transaction(async (tx) => {
    await moveDossier(tx, dossier, 'ingezien', at);
    await tx.query(
      `UPDATE gw.dossier_versions
          SET xml_enc = $2, size_bytes = $3, findings_enc = $4, error_count = $5, warning_count = $6,
              inspected_at = $7, inzagedatum = $8, akkoord = $9, toestemming = $10
        WHERE id = $1`,
      [
        dossier.version_id,
        ctx.keyring.encrypt(inspected.xml, versionAad(dossier.version_id)),
        inspected.xml.byteLength,
        ctx.keyring.encrypt(Buffer.from(JSON.stringify(inspected.findings)), findingsAad(dossier.version_id)),
        errors,
        warnings,
        at,
        input.inzagedatum,
        input.akkoord,
        input.toestemming ?? null,
      ],
    );
    await audit.record(tx, ctx, 'dossier.ingezien', {
      schoolBrin: input.schoolBrin,
      subject: dossier.id,
      details: {
        version: dossier.current_version,
        akkoord: input.akkoord,
        toestemming: input.toestemming ?? null,
      },
    });
    return {
      dossierId: dossier.id,
      version: dossier.current_version,
      state: 'ingezien',
      errorCount: errors,
      warningCount: warnings,
    };
  });
}
