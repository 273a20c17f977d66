import { timingSafeEqual } from 'node:crypto';
import type { ResultCode, SessionCheckRequest, SessionCheckResponse } from '../platform/protocol.js';
import { type ChainCtx, holdsMandate, identifyCaller } from './chain-caller.js';
import {
  dutchDay,
  findDeliveryPoint,
  purposeOfKind,
  sourcePurposesOfKind,
  usableDeliveryPoints,
} from './registry.js';
import { expireOverdueSessions } from './session-expiry.js';
import { wellFormedSessionId } from './session-fields.js';
import type { SessionState } from './session-states.js';

/** protocol.ts's check answers, plus GeenMandaat for a caller without the source school's mandate. */
export type CheckSessionAnswer = SessionCheckResponse | { result: Extract<ResultCode, 'GeenMandaat'> };

/**
 * Session check (DESIGN.md §4 step 4), asked by the source gateway before it unseals anything.
 * Answers the first code that applies:
 *
 * 1. the certificate belongs to a known supplier system — else VerstrekkerNietBekend;
 * 2. that supplier holds the source school's mandate — else GeenMandaat;
 * 3. the source delivery point is known, the source school's and the caller's — else OnbekendAanleverpunt;
 * 4. the session exists and matches source and destination BRIN, kind and commitment — else
 *    SessieAfwijkend (also for a forged, altered or malformed session id);
 * 5. the session is open — else SessieReedsAfgemeld — and not past its expiry — else SessieVerlopen
 *    (an open session found expired is marked so here and counted in the outcomes);
 * 6. the source delivery point is one of the source school's usable points that answer the kind
 *    (SWV for swv, OV or RP for the others; active, school admitted, mandate current) — else
 *    GeenRelatieMetDoel;
 * 7. the destination delivery point is still usable — else SessieAfwijkend (it was deactivated,
 *    e.g. because its key leaked: the source must not seal a dossier to it).
 *
 * On success the check is counted and the destination delivery point (with its public key) returned,
 * so the source can seal the dossier to it.
 */
export async function checkSession(
  ctx: ChainCtx,
  sessionId: string,
  input: SessionCheckRequest,
): Promise<CheckSessionAnswer> {
  return ctx.db.transaction(async (tx) => {
    const caller = await identifyCaller(tx, ctx.peerFingerprint);
    if (!caller) return { result: 'VerstrekkerNietBekend' };
    if (!(await holdsMandate(tx, caller.supplierId, input.sourceBrin))) return { result: 'GeenMandaat' };

    const sourcePoint = await findDeliveryPoint(tx, input.sourceDeliveryPoint);
    if (
      !sourcePoint ||
      sourcePoint.brin !== input.sourceBrin ||
      sourcePoint.supplierId !== caller.supplierId
    ) {
      return { result: 'OnbekendAanleverpunt' };
    }

    if (!wellFormedSessionId(sessionId)) return { result: 'SessieAfwijkend' };
    const { rows } = await tx.query<SessionRow>(
      `SELECT source_brin, destination_brin, destination_delivery_point, kind, commitment, state, expires_at
         FROM tc.sessions WHERE id = $1`,
      [sessionId],
    );
    const session = rows[0];
    if (!session || !matches(session, input)) return { result: 'SessieAfwijkend' };
    if (session.state === 'expired') return { result: 'SessieVerlopen' };
    if (session.state !== 'open') return { result: 'SessieReedsAfgemeld' };
    if (ctx.now().getTime() >= session.expires_at.getTime()) {
      // Swept at check time, so it is counted now rather than at the next periodic sweep.
      await expireOverdueSessions(tx, ctx.now(), { sessionId });
      return { result: 'SessieVerlopen' };
    }

    const today = dutchDay(ctx.now());
    const usableSource = await usableDeliveryPoints(tx, {
      day: today,
      brin: session.source_brin,
      purpose: sourcePurposesOfKind(session.kind),
      routingKey: sourcePoint.routingKey,
    });
    if (usableSource.length === 0) return { result: 'GeenRelatieMetDoel' };

    const [destination] = await usableDeliveryPoints(tx, {
      day: today,
      brin: session.destination_brin,
      purpose: purposeOfKind(session.kind),
      routingKey: session.destination_delivery_point,
    });
    if (!destination) return { result: 'SessieAfwijkend' };

    const counted = await tx.query(
      `UPDATE tc.sessions SET check_count = check_count + 1 WHERE id = $1 AND state = 'open' RETURNING id`,
      [sessionId],
    );
    if (counted.rowCount === 0) {
      // Closed or expired by another transaction since it was read.
      const now = await tx.query<{ state: SessionState }>('SELECT state FROM tc.sessions WHERE id = $1', [
        sessionId,
      ]);
      return { result: now.rows[0]?.state === 'expired' ? 'SessieVerlopen' : 'SessieReedsAfgemeld' };
    }
    return { result: 'ok', destinationDeliveryPoint: destination };
  });
}

interface SessionRow {
  source_brin: string;
  destination_brin: string;
  destination_delivery_point: string;
  kind: SessionCheckRequest['kind'];
  commitment: string;
  state: SessionState;
  expires_at: Date;
}

function matches(session: SessionRow, input: SessionCheckRequest): boolean {
  const given = Buffer.from(String(input.commitment));
  const held = Buffer.from(session.commitment);
  const sameCommitment = given.length === held.length && timingSafeEqual(given, held);
  return (
    sameCommitment &&
    session.source_brin === input.sourceBrin &&
    session.destination_brin === input.destinationBrin &&
    session.kind === input.kind
  );
}
