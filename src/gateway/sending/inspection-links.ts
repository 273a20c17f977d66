import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Actor, Ctx, Keyring } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { type Dossier, readDossier } from '../../standard/index.js';
import { type DossierRow, loadDossier, versionXml } from './dossier-store.js';

/**
 * The parents' inspection link and session, shared by the use cases of the inspection
 * (create-inspection-link.ts, check-inspection-birth-date.ts, read-inspection-summary.ts,
 * view-inspection-dossier.ts, respond-to-inspection.ts). A link opens exactly one frozen version;
 * a parent acts as `parent:<link id>` and may only do what the link allows, so these use cases
 * check the link and the parent's session where others check a permission.
 */

/** The cookie of a parent's session; its path is the link's own API path. */
export const INSPECTION_COOKIE = 'overstap_inzage';
/** Wrong birth dates in a row before the link is blocked for good. */
export const MAX_BIRTH_DATE_CHECKS = 5;
/** A parent's session after the birth-date check. */
export const PARENT_SESSION_MS = 60 * 60_000;
/** How long a link works unless configured otherwise (OVERSTAP_INSPECTION_LINK_DAYS). */
export const DEFAULT_INSPECTION_LINK_DAYS = 14;
/** The attachment's description for the parents' view (zienswijze). */
export const ZIENSWIJZE_OMSCHRIJVING = 'Zienswijze ouders';

/** 32 random bytes (256 bits), base64url: 43 characters. */
export const newSecretToken = () => randomBytes(32).toString('base64url');
export const hashSecretToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const isSecretTokenShaped = (token: string | undefined): token is string =>
  typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);

/** What a parent's request carries: the link's token (in the path) and, after the check, the cookie. */
export interface ParentCredentials {
  token: string;
  sessionToken?: string;
  /** The x-csrf-token header, for a request that changes something. */
  csrfToken?: string;
}

/** A use-case context before anyone is known: the actor follows from the link. */
export type ParentCtx = Omit<Ctx, 'actor'>;

export const parentActor = (linkId: string): Actor => ({
  kind: 'parent',
  id: `parent:${linkId}`,
  permissions: new Set(),
  schools: new Set(),
});

export const parentCtx = (ctx: ParentCtx, linkId: string): Ctx => ({ ...ctx, actor: parentActor(linkId) });

export interface LinkRow {
  id: string;
  school_brin: string;
  dossier_id: string;
  version_id: string;
  language: 'nl' | 'en';
  created_at: Date;
  expires_at: Date;
  failed_checks: number;
  blocked_at: Date | null;
  replaced_at: Date | null;
  used_at: Date | null;
}

export type LinkClosed = 'unknown' | 'expired' | 'used' | 'replaced' | 'blocked' | 'withdrawn';

/** Why a link no longer opens its dossier, or null while it does (the dossier is checked apart). */
export function linkClosed(link: LinkRow, now: Date): LinkClosed | null {
  if (link.used_at) return 'used';
  if (link.replaced_at) return 'replaced';
  if (link.blocked_at) return 'blocked';
  if (link.expires_at.getTime() <= now.getTime()) return 'expired';
  return null;
}

/** The refusal a parent gets for a closed link: 410, blocked or not, with the reason as a detail. */
export function closedError(reason: LinkClosed): AppError {
  return new AppError(reason === 'blocked' ? 'INSPECTION_LINK_BLOCKED' : 'INSPECTION_LINK_INVALID', {
    reason,
  });
}

const LINK_COLUMNS = `id, school_brin, dossier_id, version_id, language, created_at, expires_at, failed_checks,
  blocked_at, replaced_at, used_at`;

/**
 * The link that still opens its frozen version, with its dossier; else INSPECTION_LINK_INVALID
 * (unknown, expired, used, replaced, or the dossier moved on: edited, or the school recorded the
 * inspection itself) or INSPECTION_LINK_BLOCKED. `lock` takes the link's and the dossier's row locks.
 */
export async function openLink(
  tx: Tx,
  token: string,
  now: Date,
  options: { lock?: boolean } = {},
): Promise<{ link: LinkRow; dossier: DossierRow }> {
  if (!isSecretTokenShaped(token)) throw closedError('unknown');
  const { rows } = await tx.query<LinkRow>(
    `SELECT ${LINK_COLUMNS} FROM gw.inspection_links WHERE token_hash = $1${options.lock ? ' FOR UPDATE' : ''}`,
    [hashSecretToken(token)],
  );
  const link = rows[0];
  if (!link) throw closedError('unknown');
  const closed = linkClosed(link, now);
  if (closed) throw closedError(closed);
  const dossier = await loadDossier(tx, link.school_brin, link.dossier_id, { lock: options.lock });
  if (dossier.state !== 'ter_inzage' || dossier.version_id !== link.version_id) {
    throw closedError('withdrawn');
  }
  return { link, dossier };
}

export interface ParentSession {
  id: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * The parent's session of this link (from the cookie), for a link that is still open; else
 * INSPECTION_SESSION_REQUIRED (none, expired, or a session of another link). A request that
 * changes something must send the session's CSRF token (CSRF_INVALID otherwise).
 */
export async function requireParentSession(
  tx: Tx,
  credentials: ParentCredentials,
  now: Date,
  options: { lock?: boolean; changes?: boolean } = {},
): Promise<{ link: LinkRow; dossier: DossierRow; session: ParentSession }> {
  const { link, dossier } = await openLink(tx, credentials.token, now, options);
  if (!isSecretTokenShaped(credentials.sessionToken)) throw new AppError('INSPECTION_SESSION_REQUIRED');
  const { rows } = await tx.query<{ id: string; csrf_token: string; expires_at: Date }>(
    `SELECT id, csrf_token, expires_at FROM gw.inspection_sessions
      WHERE token_hash = $1 AND link_id = $2 AND expires_at > $3`,
    [hashSecretToken(credentials.sessionToken), link.id, now],
  );
  const row = rows[0];
  if (!row) throw new AppError('INSPECTION_SESSION_REQUIRED');
  if (options.changes && !sameText(row.csrf_token, credentials.csrfToken)) throw new AppError('CSRF_INVALID');
  return { link, dossier, session: { id: row.id, csrfToken: row.csrf_token, expiresAt: row.expires_at } };
}

/** Constant-time comparison of two short texts. */
export function sameText(a: string, b: string | undefined): boolean {
  if (typeof b !== 'string') return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The frozen version's document as the model (read, not validated again: it was when stored). */
export async function frozenDossier(tx: Tx, keyring: Keyring, link: LinkRow): Promise<Dossier> {
  return readDossier(await versionXml(tx, keyring, link.version_id));
}

/** The pupil's first name as the parents know it: the roepnaam, else the first given name. */
export function pupilFirstName(dossier: Dossier): string {
  const l = dossier.huidigeschool.leerling;
  return l.roepnaam?.trim() || l.voornaam?.[0]?.trim() || l['voorletters-1']?.trim() || '';
}

/** Whether the version may carry the parents' view as an attachment (Bijlagedocs not VERBODEN). */
export function viewAllowed(dossier: Dossier): boolean {
  return dossier.metadata.categorie_uitlevering?.cat_bijlagedocs !== 'VERBODEN';
}
