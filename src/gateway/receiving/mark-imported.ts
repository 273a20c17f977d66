import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import {
  loadRegistration,
  loadRegistrationWithLastReceived,
  moveRegistration,
  registrationMove,
  rejectReasonAad,
} from './registration-store.js';

/** The school imported the received dossier into its administration: ontvangen → ingelezen. */
export async function markImported(
  ctx: Ctx,
  input: { schoolBrin: string; registrationId: string },
): Promise<{ registrationId: string; state: 'ingelezen' }> {
  authorize(ctx, 'received:write', input.schoolBrin);
  const at = ctx.now();
  const row = await loadRegistrationWithLastReceived(ctx.db, input.schoolBrin, input.registrationId);
  // One statement: the registration moves on (compare-and-set on its revision), its latest received
  // dossier is marked and the step audited — the latter two FROM the move, so none without it. A
  // newer received dossier would have moved the registration, so the compare-and-set also holds the
  // one read here.
  const move = registrationMove(row, 'ingelezen', at, {}, 1);
  const n = move.params.length;
  const append = audit.appendOf(
    ctx,
    'received.imported',
    { schoolBrin: input.schoolBrin, subject: row.id, details: { receivedDossierId: row.last_received_id } },
    n + 1,
  );
  const { rows } = await ctx.db.query<{ received_id: string | null }>(
    `WITH moved AS (${move.sql}),
     marked AS (
       UPDATE gw.received_dossiers SET imported_at = $4
        WHERE id = $${n + append.params.length + 1}::uuid AND EXISTS (SELECT 1 FROM moved)
        RETURNING id)
     SELECT (SELECT id FROM marked) AS received_id, ${append.sql} FROM moved`,
    [...move.params, ...append.params, row.last_received_id],
  );
  if (!rows[0]) throw new AppError('CONFLICT', { registrationId: row.id, reason: 'changed-meanwhile' });
  return { registrationId: row.id, state: 'ingelezen' };
}

/** The school rejects the received dossier, with a reason (kept encrypted): ontvangen → afgewezen. */
export async function rejectReceived(
  ctx: Ctx,
  input: { schoolBrin: string; registrationId: string; reason: string },
): Promise<{ registrationId: string; state: 'afgewezen' }> {
  authorize(ctx, 'received:write', input.schoolBrin);
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (reason === '' || reason.length > 2000) {
    throw new AppError('VALIDATION_FAILED', { problems: { reason: '1 to 2000 characters' } });
  }
  const at = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const row = await loadRegistration(tx, input.schoolBrin, input.registrationId);
    await moveRegistration(tx, row, 'afgewezen', at);
    await tx.query('UPDATE gw.registrations SET reject_reason_enc = $2 WHERE id = $1', [
      row.id,
      ctx.keyring.encrypt(Buffer.from(reason, 'utf8'), rejectReasonAad(row.id)),
    ]);
    await audit.record(tx, ctx, 'received.rejected', { schoolBrin: input.schoolBrin, subject: row.id });
    return { registrationId: row.id, state: 'afgewezen' };
  });
}
