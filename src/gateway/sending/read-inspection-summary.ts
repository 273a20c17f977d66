import * as audit from '../../platform/audit/index.js';
import type { ProfileCode } from '../../standard/index.js';
import {
  frozenDossier,
  type ParentCredentials,
  type ParentCtx,
  parentCtx,
  pupilFirstName,
  requireParentSession,
  viewAllowed,
} from './inspection-links.js';
import { consentRequired } from './record-inspection.js';

export interface InspectionSummary {
  schoolName: string;
  /** The child's first name (roepnaam), so the parents know whose dossier it is. */
  pupilFirstName: string;
  profile: ProfileCode;
  version: number;
  /** Whether the parents must give or refuse consent (toestemming) with their answer (VOVO). */
  consentRequired: boolean;
  /** Whether the parents may add their view (zienswijze) as an attachment. */
  viewAllowed: boolean;
  language: 'nl' | 'en';
  linkExpiresAt: string;
  sessionExpiresAt: string;
  /** Send as x-csrf-token with the answer. */
  csrfToken: string;
}

/**
 * The head of the parents' page, after the check: which school, which child, what they are asked
 * (consent where the profile needs it) — from the frozen version itself. Audited as a read.
 */
export async function readInspectionSummary(
  ctx: ParentCtx,
  credentials: ParentCredentials,
): Promise<InspectionSummary> {
  const at = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const { link, dossier, session } = await requireParentSession(tx, credentials, at);
    const doc = await frozenDossier(tx, ctx.keyring, link);
    await audit.record(tx, parentCtx(ctx, link.id), 'inspection.summary-read', {
      schoolBrin: link.school_brin,
      subject: dossier.id,
      details: { linkId: link.id, version: dossier.current_version },
    });
    return {
      schoolName: doc.huidigeschool.naam.trim(),
      pupilFirstName: pupilFirstName(doc),
      profile: dossier.profile,
      version: dossier.current_version,
      consentRequired: consentRequired(dossier.profile),
      viewAllowed: viewAllowed(doc),
      language: link.language,
      linkExpiresAt: link.expires_at.toISOString(),
      sessionExpiresAt: session.expiresAt.toISOString(),
      csrfToken: session.csrfToken,
    };
  });
}
