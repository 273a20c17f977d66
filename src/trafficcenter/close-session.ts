import { RESULT_CODES, type ResultCode, type SessionCloseRequest } from '../platform/protocol.js';
import { dutchDay } from '../standard/index.js';
import { type ChainCtx, identifyCaller, normalizeFingerprint } from './chain-caller.js';
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
  const db = ctx.db;
  const fingerprint =
    ctx.peerFingerprint === undefined ? undefined : normalizeFingerprint(ctx.peerFingerprint);
  if (!fingerprint) return { result: 'VerstrekkerNietBekend' };
  const valid = RESULT_CODES.includes(input.bestResult) && wellFormedSessionId(sessionId);
  const now = ctx.now();
  if (valid) {
    // The usual case in one statement: the caller's open, unexpired session is closed and its
    // outcome counted, atomically; the state test guards against a second close or an expiry.
    const { rows } = await db.query<{ closed: number }>(
      `WITH closed AS (
         UPDATE tc.sessions s SET state = 'closed', closed_at = $3, best_result = $4
          WHERE s.id = $1 AND s.state = 'open' AND s.expires_at > $3
            AND s.supplier_id = (SELECT id FROM tc.supplier_systems WHERE certificate_fingerprint = $2)
         RETURNING s.source_brin, s.destination_brin
       ), counted AS (
         INSERT INTO tc.outcomes (source_brin, destination_brin, day, result, count)
         SELECT source_brin, destination_brin, $5::date, $4, 1 FROM closed
         ON CONFLICT (source_brin, destination_brin, day, result) DO UPDATE SET count = tc.outcomes.count + 1
         RETURNING 1
       )
       SELECT count(*)::integer AS closed FROM closed`,
      [sessionId, fingerprint, now, input.bestResult, dutchDay(now)],
    );
    if (rows[0]?.closed === 1) return { result: 'ok' };
  }
  // Not closed: say why, in the order of the checks above.
  const caller = await identifyCaller(db, fingerprint);
  if (!caller) return { result: 'VerstrekkerNietBekend' };
  if (!RESULT_CODES.includes(input.bestResult)) return { result: 'OngeldigVerzoek' };
  if (!wellFormedSessionId(sessionId)) return { result: 'SessieAfwijkend' };
  const { rows } = await db.query<{ state: SessionState; supplier_id: string; expires_at: Date }>(
    'SELECT state, supplier_id, expires_at FROM tc.sessions WHERE id = $1',
    [sessionId],
  );
  const session = rows[0];
  if (!session || session.supplier_id !== caller.supplierId) return { result: 'SessieAfwijkend' };
  if (session.state === 'expired') return { result: 'SessieVerlopen' };
  if (!canTransition(session.state, 'closed')) return { result: 'SessieReedsAfgemeld' };
  if (now.getTime() >= session.expires_at.getTime()) {
    // Expired by the clock but not yet swept: swept now, so it is counted once.
    await expireOverdueSessions(db, now, { sessionId });
    return { result: 'SessieVerlopen' };
  }
  // Open and the caller's a moment ago: another close won the race.
  return { result: 'SessieReedsAfgemeld' };
}
