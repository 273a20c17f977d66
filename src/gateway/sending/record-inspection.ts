import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { type Dossier, dutchDay, type ProfileCode, writeDossier } from '../../standard/index.js';
import { isIsoDate } from '../pupils/identity.js';
import { type CheckedDocument, checkDocument } from './check-document.js';
import {
  countFindings,
  type DossierRow,
  loadDossier,
  moveDossier,
  replaceVersionDocument,
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
  // Read and rewrite outside the transaction; the revision check in storeInspection makes it safe.
  const dossier = await loadDossier(ctx.db, input.schoolBrin, input.dossierId);
  const prepared = await prepareInspection(ctx, dossier, input);
  return ctx.db.transaction((tx) => storeInspection(tx, ctx, dossier, prepared));
}

/** A version with the inspection written in, checked again, ready to be stored. */
export interface PreparedInspection {
  input: RecordInspectionInput;
  doc: CheckedDocument;
  errors: number;
  warnings: number;
}

/**
 * The checks and the rewrite of recordInspection, without storing: refuses (TRANSITION_NOT_ALLOWED)
 * unless the dossier is ter_inzage, (VALIDATION_FAILED) a wrong date, answer or missing reason or
 * consent; writes the `inzage` block into the version's document, lets `amend` add to it (the
 * parents' view as an attachment, see respond-to-inspection.ts) and validates it strictly again.
 */
export async function prepareInspection(
  ctx: Pick<Ctx, 'db' | 'keyring' | 'now'>,
  dossier: DossierRow,
  input: RecordInspectionInput,
  amend?: (dossier: Dossier) => void,
): Promise<PreparedInspection> {
  const at = ctx.now();
  const problems: Record<string, string> = {};
  if (!isIsoDate(input.inzagedatum)) problems.inzagedatum = 'a date YYYY-MM-DD';
  else if (input.inzagedatum > dutchDay(at)) problems.inzagedatum = 'not in the future';
  if (!ANSWERS.includes(input.akkoord)) problems.akkoord = 'Ja, Nee or Onbekend';
  if (input.toestemming !== undefined && !ANSWERS.includes(input.toestemming))
    problems.toestemming = 'Ja, Nee or Onbekend';
  const reden = input.redenNietAkkoord?.trim();
  if (input.akkoord === 'Nee' && !reden) problems.redenNietAkkoord = 'required when akkoord is Nee';
  if (reden && reden.length > 4000) problems.redenNietAkkoord = 'at most 4000 characters';

  if (dossier.state !== 'ter_inzage') {
    throw new AppError('TRANSITION_NOT_ALLOWED', { from: dossier.state, to: 'ingezien' });
  }
  if (consentRequired(dossier.profile) && input.toestemming === undefined)
    problems.toestemming = 'required for VOVO';
  if (Object.keys(problems).length > 0) throw new AppError('VALIDATION_FAILED', { problems });

  const doc = await checkDocument(await versionXml(ctx.db, ctx.keyring, dossier.version_id));
  doc.dossier.inzage = {
    voorlopigdossier: doc.dossier.inzage?.voorlopigdossier ?? false,
    inzage: true,
    inzagedatum: input.inzagedatum,
    akkoord: input.akkoord,
    ...(input.akkoord === 'Nee' && reden ? { redennietakkoord: reden } : {}),
    ...(input.toestemming ? { toestemming: input.toestemming } : {}),
  };
  amend?.(doc.dossier);
  const inspected = await checkDocument(writeDossier(doc.dossier));
  const { errors, warnings } = countFindings(inspected.findings);
  return { input, doc: inspected, errors, warnings };
}

/**
 * Stores a prepared inspection inside the caller's transaction: the dossier moves to ingezien (a
 * compare-and-set on its revision: CONFLICT when it changed since it was read), the version gets
 * its rewritten document and the inspection's columns, and the audit log an entry.
 */
export async function storeInspection(
  tx: Tx,
  ctx: Pick<Ctx, 'actor' | 'keyring' | 'requestId' | 'now'>,
  dossier: DossierRow,
  prepared: PreparedInspection,
  auditDetails: Record<string, unknown> = {},
): Promise<Inspected> {
  const at = ctx.now();
  const { input, doc: inspected, errors, warnings } = prepared;
  await moveDossier(tx, dossier, 'ingezien', at);
  await replaceVersionDocument(tx, ctx.keyring, dossier.version_id, inspected);
  await tx.query(
    `UPDATE gw.dossier_versions SET inspected_at = $2, inzagedatum = $3, akkoord = $4, toestemming = $5
      WHERE id = $1`,
    [dossier.version_id, at, input.inzagedatum, input.akkoord, input.toestemming ?? null],
  );
  await audit.record(tx, ctx, 'dossier.ingezien', {
    schoolBrin: dossier.school_brin,
    subject: dossier.id,
    details: {
      version: dossier.current_version,
      akkoord: input.akkoord,
      toestemming: input.toestemming ?? null,
      ...auditDetails,
    },
  });
  return {
    dossierId: dossier.id,
    version: dossier.current_version,
    state: 'ingezien',
    errorCount: errors,
    warningCount: warnings,
  };
}

/** Whether the profile needs the parents' consent (toestemming) with the inspection. */
export const consentRequired = (profile: ProfileCode): boolean => profile === 'VOVO';
