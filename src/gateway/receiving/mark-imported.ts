import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { loadRegistration, moveRegistration, rejectReasonAad } from './registration-store.js';

/** The school imported the received dossier into its administration: ontvangen → ingelezen. */
export async function markImported(
  ctx: Ctx,
  input: { schoolBrin: string; registrationId: string },
): Promise<{ registrationId: string; state: 'ingelezen' }> {
  authorize(ctx, 'received:write', input.schoolBrin);
  const at = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const row = await loadRegistration(tx, input.schoolBrin, input.registrationId);
    await moveRegistration(tx, row, 'ingelezen', at);
    const { rows } = await tx.query<{ id: string }>(
      `UPDATE gw.received_dossiers SET imported_at = $2
        WHERE id = (SELECT id FROM gw.received_dossiers WHERE registration_id = $1 ORDER BY received_at DESC LIMIT 1)
        RETURNING id`,
      [row.id, at],
    );
    await audit.record(tx, ctx, 'received.imported', {
      schoolBrin: input.schoolBrin,
      subject: row.id,
      details: { receivedDossierId: rows[0]?.id ?? null },
    });
    return { registrationId: row.id, state: 'ingelezen' };
  });
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
