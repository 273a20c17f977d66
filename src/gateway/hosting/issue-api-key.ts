import * as audit from '../../platform/audit/index.js';
import {
  createApiKey,
  DEFAULT_KEY_PERMISSIONS,
  forgetResolvedApiKeys,
} from '../../platform/auth/api-keys.js';
import { authorize, type Ctx, type Permission } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { isUuid } from '../../platform/uuid.js';
import { isBrin } from '../pupils/identity.js';
import { requireHostedSchool } from './hosted-schools.js';

export interface IssueApiKeyInput {
  kind: 'school' | 'supplier';
  /** The hosted schools the key acts for: one for a school key, one or more for a supplier. */
  schools: string[];
  /** A school key's default permissions: the po school's (dossiers) or the vo school's (registrations). */
  sector?: 'po' | 'vo';
  label?: string;
}

export interface IssuedApiKey {
  id: string;
  /** The key itself: shown once, only its hash is kept. */
  key: string;
  kind: 'school' | 'supplier';
  schools: string[];
  permissions: Permission[];
}

/**
 * An API key for a school or a supplier of schools that this gateway hosts, made by its operator
 * through the API while the server runs (`overstap apikey create` opens the database itself, which
 * a PGlite server keeps locked). The key gets the default permissions of its kind; operator keys are
 * made on the server only (`overstap apikey create --kind operator`), never through the API.
 * Audited as `platform.api-key.issued` (its id, kind, schools and permissions; never the key).
 */
export async function issueApiKey(ctx: Ctx, input: IssueApiKeyInput): Promise<IssuedApiKey> {
  authorize(ctx, 'gateway:admin');
  const schools = [...new Set(input.schools ?? [])];
  const problems: Record<string, string> = {};
  if (input.kind !== 'school' && input.kind !== 'supplier') problems.kind = 'school or supplier';
  if (schools.length === 0 || schools.some((b) => typeof b !== 'string' || !isBrin(b))) {
    problems.schools = 'BRINs of hosted schools (00YY)';
  } else if (input.kind === 'school' && schools.length !== 1) {
    problems.schools = 'exactly one BRIN for a school key';
  }
  if (input.sector !== undefined && (input.kind !== 'school' || !['po', 'vo'].includes(input.sector))) {
    problems.sector = 'po or vo, for a school key';
  }
  if (Object.keys(problems).length > 0) throw new AppError('VALIDATION_FAILED', { problems });
  for (const brin of schools) authorize(ctx, 'gateway:admin', brin);

  const permissions =
    input.kind === 'school'
      ? DEFAULT_KEY_PERMISSIONS[input.sector === 'vo' ? 'school-vo' : 'school-po']
      : DEFAULT_KEY_PERMISSIONS.supplier;
  const label = (input.label ?? '').trim() || `${input.kind} ${schools.join(',')}`;
  return ctx.db.transaction(async (tx) => {
    for (const brin of schools) await requireHostedSchool(tx, brin);
    const { id, key } = await createApiKey(tx, { label, kind: input.kind, schools, permissions });
    await audit.record(tx, ctx, 'platform.api-key.issued', {
      subject: id,
      ...(schools.length === 1 ? { schoolBrin: schools[0] } : {}),
      details: { kind: input.kind, schools, permissions },
    });
    return { id, key, kind: input.kind, schools, permissions };
  });
}

/**
 * Revokes a school's or supplier's API key (not an operator's: that is done on the server), at
 * once: the next request with it is refused. NOT_FOUND when there is no such key that is still
 * valid. Audited as `platform.api-key.revoked`.
 */
export async function revokeIssuedApiKey(
  ctx: Ctx,
  input: { id: string },
): Promise<{ id: string; revoked: true }> {
  authorize(ctx, 'gateway:admin');
  if (!isUuid(input.id)) {
    throw new AppError('NOT_FOUND', { apiKey: input.id });
  }
  const revoked = await ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query<{ schools: string[] }>(
      `UPDATE platform.api_keys SET revoked_at = $2
        WHERE id = $1 AND revoked_at IS NULL AND kind IN ('school', 'supplier')
        RETURNING schools`,
      [input.id, ctx.now()],
    );
    const row = rows[0];
    if (!row) throw new AppError('NOT_FOUND', { apiKey: input.id });
    for (const brin of row.schools) authorize(ctx, 'gateway:admin', brin);
    await audit.record(tx, ctx, 'platform.api-key.revoked', {
      subject: input.id,
      ...(row.schools.length === 1 ? { schoolBrin: row.schools[0] } : {}),
      details: { schools: row.schools },
    });
    return { id: input.id, revoked: true as const };
  });
  forgetResolvedApiKeys(ctx.db);
  return revoked;
}
