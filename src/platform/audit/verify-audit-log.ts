import { authorize, type Ctx } from '../context.js';
import { record } from './index.js';
import { type AuditChainVerdict, verifyAuditChain } from './log.js';

export interface VerifyAuditLogInput {
  /** A head kept from an earlier verification: the chain must still reach it. */
  expectedHead?: { seq: number; hash: string };
}

/**
 * Verifies the audit log's hash chain on a running node (audit:read: the operator), so that a node on
 * PGlite need not be stopped for `overstap audit verify`. The verification itself is then recorded,
 * with its verdict, as the next entry of the chain.
 */
export async function verifyAuditLog(
  ctx: Pick<Ctx, 'db' | 'actor' | 'requestId' | 'now'>,
  input: VerifyAuditLogInput = {},
): Promise<AuditChainVerdict> {
  authorize(ctx, 'audit:read');
  const verdict = await verifyAuditChain(
    ctx.db,
    input.expectedHead ? { expectedHead: input.expectedHead } : {},
  );
  await record(ctx.db, ctx, 'platform.audit.verified', {
    details: {
      ok: verdict.ok,
      checked: verdict.checked,
      ...(verdict.ok ? {} : { firstBrokenSeq: verdict.firstBrokenSeq, reason: verdict.reason }),
    },
  });
  return verdict;
}
