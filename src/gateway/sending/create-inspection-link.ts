import { randomUUID } from 'node:crypto';
import * as audit from '../../platform/audit/index.js';
import type { Mailer } from '../../platform/auth/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { AppError, isAppError } from '../../platform/errors.js';
import { loadDossier } from './dossier-store.js';
import { DEFAULT_INSPECTION_LINK_DAYS, hashSecretToken, newSecretToken } from './inspection-links.js';
import { inspectionMail } from './inspection-mail.js';

export interface CreateInspectionLinkInput {
  schoolBrin: string;
  dossierId: string;
  /** Where to mail the link (optional: the school may hand it over another way). Never stored. */
  email?: string;
  /** The language of the mail and of the parents' page at first (default nl). */
  language?: 'nl' | 'en';
}

export interface InspectionLinkOptions {
  /** Where parents reach the web app (config.publicUrl): the link is `<publicUrl>/inzage/<token>`. */
  publicUrl: string;
  /** The mail sender of platform/auth (SMTP, or the development outbox). */
  mailer?: Mailer;
  /** How many days the link works (default 14). */
  validDays?: number;
}

export interface InspectionLink {
  url: string;
  expiresAt: string;
  /** Whether the mail went out (false without an address, or when sending failed). */
  mailed: boolean;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * Makes the parents' one-time link to the frozen version of a dossier that is ter inzage: a random
 * token (256 bits) of which only the SHA-256 is stored, valid for `validDays`. A new link for the
 * same version replaces the previous one (it stops working at once). With an e-mail address the
 * link is mailed in the chosen language after the link is committed; a failed mail leaves the link
 * (the school can pass it on) and says `mailed: false`. The address goes in the mail only — not in
 * the database, not in the audit log.
 */
export async function createInspectionLink(
  ctx: Ctx,
  input: CreateInspectionLinkInput,
  options: InspectionLinkOptions,
): Promise<InspectionLink> {
  authorize(ctx, 'dossier:inzage', input.schoolBrin);
  const email = input.email?.trim() || undefined;
  const language = input.language ?? 'nl';
  const days = options.validDays ?? DEFAULT_INSPECTION_LINK_DAYS;
  const problems: Record<string, string> = {};
  if (email !== undefined && (email.length > 254 || !EMAIL.test(email))) problems.email = 'an e-mail address';
  if (language !== 'nl' && language !== 'en') problems.language = 'nl or en';
  if (Object.keys(problems).length > 0) throw new AppError('VALIDATION_FAILED', { problems });
  if (!Number.isInteger(days) || days < 1 || days > 90) {
    throw new AppError('CONFIG_INVALID', { variable: 'OVERSTAP_INSPECTION_LINK_DAYS', value: days });
  }

  const at = ctx.now();
  const expiresAt = new Date(at.getTime() + days * 24 * 60 * 60_000);
  const token = newSecretToken();
  const linkId = randomUUID();
  const created = await ctx.db.transaction(async (tx) => {
    const dossier = await loadDossier(tx, input.schoolBrin, input.dossierId, { lock: true });
    if (dossier.state !== 'ter_inzage') {
      throw new AppError('DOSSIER_NOT_UNDER_INSPECTION', { state: dossier.state });
    }
    const replaced = await tx.query<{ id: string }>(
      `UPDATE gw.inspection_links SET replaced_at = $2
        WHERE version_id = $1 AND replaced_at IS NULL AND used_at IS NULL RETURNING id`,
      [dossier.version_id, at],
    );
    // The sessions of a replaced link end with it.
    if (replaced.rows.length > 0) {
      await tx.query('DELETE FROM gw.inspection_sessions WHERE link_id = ANY($1::uuid[])', [
        replaced.rows.map((r) => r.id),
      ]);
    }
    await tx.query(
      `INSERT INTO gw.inspection_links
         (id, school_brin, dossier_id, version_id, token_hash, language, created_by, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        linkId,
        input.schoolBrin,
        dossier.id,
        dossier.version_id,
        hashSecretToken(token),
        language,
        ctx.actor.id,
        at,
        expiresAt,
      ],
    );
    const school = await tx.query<{ name: string }>('SELECT name FROM gw.schools WHERE brin = $1', [
      input.schoolBrin,
    ]);
    await audit.record(tx, ctx, 'inspection-link.created', {
      schoolBrin: input.schoolBrin,
      subject: dossier.id,
      details: {
        linkId,
        version: dossier.current_version,
        replaced: replaced.rows.map((r) => r.id),
        expiresAt: expiresAt.toISOString(),
        language,
        mail: email !== undefined,
      },
    });
    return { dossierId: dossier.id, schoolName: school.rows[0]?.name ?? input.schoolBrin };
  });

  const url = `${options.publicUrl.replace(/\/+$/, '')}/inzage/${token}`;
  let mailed = false;
  if (email !== undefined && options.mailer) {
    try {
      await options.mailer.send(
        ctx.db,
        { to: email, ...inspectionMail(language, { schoolName: created.schoolName, link: url, expiresAt }) },
        at,
      );
      mailed = true;
    } catch (e) {
      if (!isAppError(e) || e.code !== 'MAIL_FAILED') throw e;
    }
    await audit.record(ctx.db, ctx, mailed ? 'inspection-link.mailed' : 'inspection-link.mail-failed', {
      schoolBrin: input.schoolBrin,
      subject: created.dossierId,
      details: { linkId, language },
    });
  }
  return { url, expiresAt: expiresAt.toISOString(), mailed };
}
