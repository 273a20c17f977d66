import { AppError } from '../../platform/errors.js';
import { addAttachment, type Dossier, dutchDay } from '../../standard/index.js';
import {
  frozenDossier,
  type ParentCredentials,
  type ParentCtx,
  parentCtx,
  requireParentSession,
  viewAllowed,
  ZIENSWIJZE_OMSCHRIJVING,
} from './inspection-links.js';
import { consentRequired, prepareInspection, storeInspection } from './record-inspection.js';

export interface InspectionResponseInput extends ParentCredentials {
  akkoord: 'Ja' | 'Nee';
  /** Why the parents do not agree: required with Nee. */
  reden?: string;
  /** Consent to the transfer, where the profile requires it (VOVO). */
  toestemming?: 'Ja' | 'Nee';
  /** The parents' view (zienswijze): goes with the dossier as an attachment. Never logged. */
  zienswijze?: string;
}

export interface InspectionResponse {
  state: 'ingezien';
  inzagedatum: string;
  akkoord: 'Ja' | 'Nee';
  /** Whether the view was added to the dossier as an attachment. */
  viewAdded: boolean;
}

export const MAX_REASON_LENGTH = 4000;
export const MAX_VIEW_LENGTH = 20_000;
export const ZIENSWIJZE_FILE = 'zienswijze-ouders.txt';

/**
 * The parents' answer through their link: whether they agree (with their reason when not), their
 * consent where the profile needs it, and optionally their view. Recorded with recordInspection's
 * own logic (inzagedatum today, the `inzage` block written into the frozen version and validated
 * strictly again); the view is added to that same version as an attachment the way the standard
 * carries them (a text file, zipped, in `overigdocumentlijst`, omschrijving "Zienswijze ouders").
 * The inspection, the attachment and the end of the link (one-time) are one transaction; the
 * parent's session ends with it. Needs the parent's session and its CSRF token.
 */
export async function respondToInspection(
  ctx: ParentCtx,
  input: InspectionResponseInput,
): Promise<InspectionResponse> {
  const at = ctx.now();
  const { link, dossier } = await requireParentSession(ctx.db, input, at, { changes: true });
  const actorCtx = parentCtx(ctx, link.id);
  const doc = await frozenDossier(ctx.db, ctx.keyring, link);

  const problems: Record<string, string> = {};
  const reden = input.reden?.trim() || undefined;
  const view = input.zienswijze?.replace(/\r\n?/g, '\n').trim() || undefined;
  if (input.akkoord !== 'Ja' && input.akkoord !== 'Nee') problems.akkoord = 'Ja or Nee';
  if (input.akkoord === 'Nee' && !reden) problems.reden = 'required when akkoord is Nee';
  if (reden && reden.length > MAX_REASON_LENGTH) problems.reden = `at most ${MAX_REASON_LENGTH} characters`;
  const needsConsent = consentRequired(dossier.profile);
  if (needsConsent && input.toestemming === undefined) problems.toestemming = 'required for this dossier';
  if (input.toestemming !== undefined && input.toestemming !== 'Ja' && input.toestemming !== 'Nee')
    problems.toestemming = 'Ja or Nee';
  if (view && view.length > MAX_VIEW_LENGTH) problems.zienswijze = `at most ${MAX_VIEW_LENGTH} characters`;
  if (view && !viewAllowed(doc)) problems.zienswijze = 'this dossier may not carry attachments';
  if (Object.keys(problems).length > 0) throw new AppError('VALIDATION_FAILED', { problems });

  const inzagedatum = dutchDay(at);
  const prepared = await prepareInspection(
    ctx,
    dossier,
    {
      schoolBrin: link.school_brin,
      dossierId: dossier.id,
      inzagedatum,
      akkoord: input.akkoord,
      ...(input.akkoord === 'Nee' && reden ? { redenNietAkkoord: reden } : {}),
      ...(needsConsent && input.toestemming ? { toestemming: input.toestemming } : {}),
    },
    view ? (d) => addView(d, view, inzagedatum, dossier.current_version) : undefined,
  );

  return ctx.db.transaction(async (tx) => {
    // Still open, still this session, nobody changed the dossier since it was read (the
    // compare-and-set in storeInspection): then everything happens together.
    await requireParentSession(tx, input, at, { changes: true, lock: true });
    const used = await tx.query(
      'UPDATE gw.inspection_links SET used_at = $2 WHERE id = $1 AND used_at IS NULL',
      [link.id, at],
    );
    if (used.rowCount !== 1) throw new AppError('INSPECTION_LINK_INVALID', { reason: 'used' });
    await tx.query('DELETE FROM gw.inspection_sessions WHERE link_id = $1', [link.id]);
    await storeInspection(tx, actorCtx, dossier, prepared, {
      linkId: link.id,
      via: 'inspection-link',
      viewAdded: view !== undefined,
    });
    return { state: 'ingezien' as const, inzagedatum, akkoord: input.akkoord, viewAdded: view !== undefined };
  });
}

/** The view as a plain-text attachment: a short Dutch heading (it goes to a Dutch school), then the text. */
function addView(dossier: Dossier, view: string, inzagedatum: string, version: number): void {
  const [y, m, d] = inzagedatum.split('-');
  const text = [
    'Zienswijze van de ouders/verzorgers',
    `Gegeven op ${d}-${m}-${y} bij de inzage van versie ${version} van dit overstapdossier.`,
    '',
    view,
    '',
  ].join('\n');
  addAttachment(dossier, { fileName: ZIENSWIJZE_FILE, content: text, omschrijving: ZIENSWIJZE_OMSCHRIJVING });
}
