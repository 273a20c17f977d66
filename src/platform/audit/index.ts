import type { Ctx } from '../context.js';
import type { Db, Queryable } from '../db/index.js';
import { auditAppend, recordAudit } from './log.js';

export {
  AUDIT_APPEND_MIGRATION,
  AUDIT_CHAIN_LOCK,
  AUDIT_MIGRATION,
  type AuditChainVerdict,
  type AuditEntry,
  type AuditRecord,
  auditAppend,
  canonicalJson,
  GENESIS_HASH,
  recordAudit,
  verifyAuditChain,
} from './log.js';

/**
 * The short form for use cases: `await audit.record(tx, ctx, 'dossier.klaargezet', { schoolBrin,
 * subject: dossier.id })` — actor, request id and time come from the context. Pass the use case's
 * transaction; the `Db` itself only for a read that changes nothing (it then appends on its own).
 */
export function record(
  tx: Queryable | Db,
  ctx: Pick<Ctx, 'actor' | 'requestId' | 'now'>,
  action: string,
  facts: { schoolBrin?: string; subject?: string; details?: object } = {},
): Promise<void> {
  return recordAudit(tx, { actor: ctx.actor, requestId: ctx.requestId, at: ctx.now(), action, ...facts });
}

/**
 * `record`'s entry as an SQL expression and its parameters (numbered from `firstParam`), to make a
 * change and record it in one statement: `WITH changed AS (…) SELECT ${sql} FROM changed`.
 */
export function appendOf(
  ctx: Pick<Ctx, 'actor' | 'requestId' | 'now'>,
  action: string,
  facts: { schoolBrin?: string; subject?: string; details?: object },
  firstParam: number,
): { sql: string; params: unknown[] } {
  return auditAppend(
    { actor: ctx.actor, requestId: ctx.requestId, at: ctx.now(), action, ...facts },
    firstParam,
  );
}
