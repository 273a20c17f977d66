import { RESULT_CODES, type ResultCode, type SessionCloseRequest } from '../platform/protocol.js';
import { type ChainCtx, identifyCaller } from './chain-caller.js';
import { dutchDay } from './registry.js';
import { expireOverdueSessions } from './session-expiry.js';
import { wellFormedSessionId } from './session-fields.js';
import { canTransition, type SessionState } from './session-states.js';

export type CloseSessionRefusal = Extract<
  ResultCode,
  'VerstrekkerNietBekend' | 'SessieAfwijkend' | 'SessieReedsAfgemeld' | 'SessieVerlopen' | 'OngeldigVerzoek'
>;
export type CloseSessionAnswer = { result: 'ok' } | { result: CloseSessionRefusal };

/**
 * Session close (DESIGN.md §4 step 6), by the supplier system that started the session, with the
 * best result it got. The session becomes `closed` (final) and the outcome is counted for the pair
 * of schools and the day — a count, nothing about the pupil. Another supplier, or an unknown or
 * malformed session id, gets SessieAfwijkend (whether a session exists is not revealed); a closed
 * session SessieReedsAfgemeld; a session past its expiry SessieVerlopen (it is marked expired and
 * counted as 'SessieVerlopen', not with the late best result).
 */
export async function closeSession(
  ctx: ChainCtx,
  sessionId: string,
  input: SessionCloseRequest,
): Promise<CloseSessionAnswer> {
  return ctx.db.transaction(async (tx) => {
    const caller = await identifyCaller(tx, ctx.peerFingerprint);
    if (!caller) return { result: 'VerstrekkerNietBekend' };
    if (!RESULT_CODES.includes(input.bestResult)) return { result: 'OngeldigVerzoek' };
    if (!wellFormedSessionId(sessionId)) return { result: 'SessieAfwijkend' };

    const { rows } = await tx.query<{
      state: SessionState;
      supplier_id: string;
      source_brin: string;
      destination_brin: string;
      expires_at: Date;
    }>(
      'SELECT state, supplier_id, source_brin, destination_brin, expires_at FROM tc.sessions WHERE id = $1 FOR UPDATE',
      [sessionId],
    );
    const session = rows[0];
    if (!session || session.supplier_id !== caller.supplierId) return { result: 'SessieAfwijkend' };
    if (session.state === 'expired') return { result: 'SessieVerlopen' };
    if (!canTransition(session.state, 'closed')) return { result: 'SessieReedsAfgemeld' };

    const now = ctx.now();
    if (now.getTime() >= session.expires_at.getTime()) {
      await expireOverdueSessions(tx, now, { sessionId });
      return { result: 'SessieVerlopen' };
    }
    await tx.query(
      `UPDATE tc.sessions SET state = 'closed', closed_at = $2, best_result = $3 WHERE id = $1 AND state = 'open'`,
      [sessionId, now, input.bestResult],
    );
    await tx.query(
      `INSERT INTO tc.outcomes (source_brin, destination_brin, day, result, count) VALUES ($1, $2, $3, $4, 1)
       ON CONFLICT (source_brin, destination_brin, day, result) DO UPDATE SET count = tc.outcomes.count + 1`,
      [session.source_brin, session.destination_brin, dutchDay(now), input.bestResult],
    );
    return { result: 'ok' };
  });
}
