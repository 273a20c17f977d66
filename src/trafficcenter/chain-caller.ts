import type { Ctx } from '../platform/context.js';
import type { Queryable, Tx } from '../platform/db/index.js';

/**
 * The context of a chain call (DESIGN.md §4). A chain caller is not a person or an API key but a
 * supplier system, known only by the client certificate it presented over mutual TLS. Chain use
 * cases take this context and identify the caller on their first line (`identifyCaller`), the
 * chain's counterpart of `authorize`.
 */
export interface ChainCtx extends Pick<Ctx, 'db' | 'requestId' | 'now'> {
  /** SHA-256 (hex) of the verified client certificate; undefined without one. */
  peerFingerprint: string | undefined;
  /** How long a session started now stays open (default DEFAULT_SESSION_LIFETIME_MS, 15 minutes). */
  sessionLifetimeMs?: number;
}

export interface ChainCaller {
  supplierId: string;
}

/** A fingerprint as the registry stores it: SHA-256 in lower-case hex, colons tolerated. */
export function normalizeFingerprint(value: string): string | undefined {
  const hex = value.trim().replace(/:/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : undefined;
}

/** The supplier system behind a certificate, or undefined (→ VerstrekkerNietBekend). */
export async function identifyCaller(
  tx: Queryable,
  fingerprint: string | undefined,
): Promise<ChainCaller | undefined> {
  const hex = fingerprint === undefined ? undefined : normalizeFingerprint(fingerprint);
  if (!hex) return undefined;
  const { rows } = await tx.query<{ id: string }>(
    'SELECT id FROM tc.supplier_systems WHERE certificate_fingerprint = $1',
    [hex],
  );
  return rows[0] ? { supplierId: rows[0].id } : undefined;
}

/**
 * Whether the supplier holds a current (not revoked) mandate for the school. With `lock`, the
 * mandate cannot be revoked until the transaction ends (a revocation waits, then sees its effects).
 */
export async function holdsMandate(
  tx: Tx,
  supplierId: string,
  brin: string,
  options: { lock?: boolean } = {},
): Promise<boolean> {
  const { rows } = await tx.query(
    `SELECT 1 FROM tc.mandates WHERE supplier_id = $1 AND brin = $2 AND revoked_at IS NULL${options.lock ? ' FOR SHARE' : ''}`,
    [supplierId, brin],
  );
  return rows.length > 0;
}
