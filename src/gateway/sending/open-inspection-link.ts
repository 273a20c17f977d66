import { AppError } from '../../platform/errors.js';
import {
  openLink,
  type ParentCredentials,
  type ParentCtx,
  requireParentSession,
} from './inspection-links.js';

export interface OpenedInspectionLink {
  /** The language the school chose for the parents (the page starts in it). */
  language: 'nl' | 'en';
  /** Whether this browser already passed the birth-date check (a live parent session). */
  checked: boolean;
  expiresAt: string;
}

/**
 * What the parents' page needs before anything else: whether the link still works (410 with the
 * reason otherwise: expired, used, replaced, blocked, withdrawn) and whether this browser already
 * passed the check. Reads nothing of the dossier, so it is not audited.
 */
export async function openInspectionLink(
  ctx: ParentCtx,
  credentials: ParentCredentials,
): Promise<OpenedInspectionLink> {
  const at = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const { link } = await openLink(tx, credentials.token, at);
    let checked = false;
    if (credentials.sessionToken) {
      try {
        await requireParentSession(tx, credentials, at);
        checked = true;
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== 'INSPECTION_SESSION_REQUIRED') throw e;
      }
    }
    return { language: link.language, checked, expiresAt: link.expires_at.toISOString() };
  });
}
