import { randomUUID } from 'node:crypto';
import * as audit from '../../platform/audit/index.js';
import { AppError } from '../../platform/errors.js';
import { isIsoDate } from '../pupils/identity.js';
import {
  frozenDossier,
  hashSecretToken,
  MAX_BIRTH_DATE_CHECKS,
  newSecretToken,
  openLink,
  PARENT_SESSION_MS,
  type ParentCtx,
  parentCtx,
  sameText,
} from './inspection-links.js';

export interface CheckBirthDateInput {
  /** The link's token (from its URL). */
  token: string;
  /** YYYY-MM-DD, as the parent entered it. Never logged, never stored, never audited. */
  geboortedatum: string;
}

export interface ParentSessionStarted {
  /** For the cookie (HttpOnly, Secure, SameSite=Strict, the link's own path). */
  sessionToken: string;
  /** To send as x-csrf-token with the parent's answer. */
  csrfToken: string;
  expiresAt: string;
}

/**
 * The parents' check: the child's birth date, compared with the frozen version's pupil. Right → a
 * parent session of 60 minutes for this link only (and the count of wrong answers starts again);
 * wrong → BIRTH_DATE_MISMATCH with the attempts left, and at the fifth wrong answer in a row the
 * link is blocked for good (INSPECTION_LINK_BLOCKED: the school must make a new one). The count and
 * the block are committed before the refusal is given. The link itself is the permission here: a
 * closed link (unknown, expired, used, replaced, blocked) is refused first (410).
 */
export async function checkInspectionBirthDate(
  ctx: ParentCtx,
  input: CheckBirthDateInput,
): Promise<ParentSessionStarted> {
  const at = ctx.now();
  const outcome = await ctx.db.transaction(async (tx) => {
    const { link, dossier } = await openLink(tx, input.token, at, { lock: true });
    const actorCtx = parentCtx(ctx, link.id);
    if (!isIsoDate(input.geboortedatum)) {
      throw new AppError('VALIDATION_FAILED', { problems: { geboortedatum: 'a date YYYY-MM-DD' } });
    }
    const expected = (
      await frozenDossier(tx, ctx.keyring, link)
    ).huidigeschool.leerling.geboortedatum?.trim();
    const facts = { schoolBrin: link.school_brin, subject: dossier.id };
    if (expected && sameText(expected, input.geboortedatum)) {
      const sessionToken = newSecretToken();
      const csrfToken = newSecretToken();
      const expiresAt = new Date(at.getTime() + PARENT_SESSION_MS);
      await tx.query(
        `INSERT INTO gw.inspection_sessions (id, link_id, token_hash, csrf_token, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [randomUUID(), link.id, hashSecretToken(sessionToken), csrfToken, at, expiresAt],
      );
      await tx.query('UPDATE gw.inspection_links SET failed_checks = 0 WHERE id = $1', [link.id]);
      await tx.query('DELETE FROM gw.inspection_sessions WHERE link_id = $1 AND expires_at <= $2', [
        link.id,
        at,
      ]);
      await audit.record(tx, actorCtx, 'inspection.checked', {
        ...facts,
        details: { linkId: link.id, version: dossier.current_version },
      });
      return { ok: true as const, sessionToken, csrfToken, expiresAt: expiresAt.toISOString() };
    }
    const failures = link.failed_checks + 1;
    const blocked = failures >= MAX_BIRTH_DATE_CHECKS;
    await tx.query('UPDATE gw.inspection_links SET failed_checks = $2, blocked_at = $3 WHERE id = $1', [
      link.id,
      failures,
      blocked ? at : null,
    ]);
    if (blocked) await tx.query('DELETE FROM gw.inspection_sessions WHERE link_id = $1', [link.id]);
    await audit.record(tx, actorCtx, blocked ? 'inspection-link.blocked' : 'inspection.check-failed', {
      ...facts,
      details: { linkId: link.id, failures },
    });
    return { ok: false as const, blocked, attemptsLeft: MAX_BIRTH_DATE_CHECKS - failures };
  });
  if (outcome.ok) {
    const { ok: _ok, ...started } = outcome;
    return started;
  }
  if (outcome.blocked) throw new AppError('INSPECTION_LINK_BLOCKED', { reason: 'blocked' });
  throw new AppError('BIRTH_DATE_MISMATCH', { attemptsLeft: outcome.attemptsLeft });
}
