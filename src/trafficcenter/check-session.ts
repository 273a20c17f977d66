import { timingSafeEqual } from 'node:crypto';
import type { ResultCode, SessionCheckRequest, SessionCheckResponse } from '../platform/protocol.js';
import { dutchDay } from '../standard/index.js';
import { type ChainCtx, normalizeFingerprint } from './chain-caller.js';
import {
  type DeliveryPointRefRow,
  deliveryPointRefs,
  purposeOfKind,
  sourcePurposesOfKind,
  usablePoints,
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
 * On success the check is counted (in the statement that reads both points) and the destination
 * delivery point (with its public key) returned, so the source can seal the dossier to it.
 */
export async function checkSession(
  ctx: ChainCtx,
  sessionId: string,
  input: SessionCheckRequest,
): Promise<CheckSessionAnswer> {
  const db = ctx.db;
  const fingerprint =
    ctx.peerFingerprint === undefined ? undefined : normalizeFingerprint(ctx.peerFingerprint);
  if (!fingerprint) return { result: 'VerstrekkerNietBekend' };
  // Caller, mandate, source point and session in one statement (a check is on every transfer's path).
  const { rows } = await db.query<CheckFacts>(
    `SELECT c.id AS supplier_id,
            EXISTS (SELECT 1 FROM tc.mandates m
                     WHERE m.supplier_id = c.id AND m.brin = $2 AND m.revoked_at IS NULL) AS mandated,
            p.brin AS point_brin, p.supplier_id AS point_supplier,
            s.source_brin, s.destination_brin, s.destination_delivery_point, s.kind, s.commitment, s.state,
            s.expires_at
       FROM (SELECT 1) AS one
       LEFT JOIN tc.supplier_systems c ON c.certificate_fingerprint = $1
       LEFT JOIN tc.delivery_points p ON p.routing_key = $3
       LEFT JOIN tc.sessions s ON s.id = $4::uuid`,
    [
      fingerprint,
      input.sourceBrin,
      input.sourceDeliveryPoint,
      wellFormedSessionId(sessionId) ? sessionId : null,
    ],
  );
  const facts = rows[0] as CheckFacts;
  if (facts.supplier_id === null) return { result: 'VerstrekkerNietBekend' };
  if (!facts.mandated) return { result: 'GeenMandaat' };
  if (facts.point_brin !== input.sourceBrin || facts.point_supplier !== facts.supplier_id) {
    return { result: 'OnbekendAanleverpunt' };
  }

  if (facts.state === null || !matches(facts, input)) return { result: 'SessieAfwijkend' };
  const session = facts as SessionRow;
  if (session.state === 'expired') return { result: 'SessieVerlopen' };
  if (session.state !== 'open') return { result: 'SessieReedsAfgemeld' };
  const now = ctx.now();
  if (now.getTime() >= session.expires_at.getTime()) {
    // Swept at check time, so it is counted now rather than at the next periodic sweep.
    await expireOverdueSessions(db, now, { sessionId });
    return { result: 'SessieVerlopen' };
  }

  // Both points, usable today (active, school admitted, mandate current), and the check counted when
  // both answer the session (the same conditions as below): one statement.
  const sourcePurposes: readonly string[] = sourcePurposesOfKind(session.kind);
  const usable = usablePoints(
    { day: dutchDay(now), routingKeys: [input.sourceDeliveryPoint, session.destination_delivery_point] },
    8,
  );
  const { rows: points } = await db.query<DeliveryPointRefRow & { counted: boolean }>(
    `WITH usable AS (${usable.sql}),
     counted AS (
       UPDATE tc.sessions SET check_count = check_count + 1
        WHERE id = $1::uuid AND state = 'open'
          AND EXISTS (SELECT 1 FROM usable u
                       WHERE u.routing_key = $2 AND u.brin = $3 AND u.purpose = ANY($4::text[]))
          AND EXISTS (SELECT 1 FROM usable u
                       WHERE u.routing_key = $5 AND u.brin = $6 AND u.purpose = $7)
       RETURNING id)
     SELECT u.*, EXISTS (SELECT 1 FROM counted) AS counted FROM usable u`,
    [
      sessionId,
      input.sourceDeliveryPoint,
      session.source_brin,
      sourcePurposes,
      session.destination_delivery_point,
      session.destination_brin,
      purposeOfKind(session.kind),
      ...usable.params,
    ],
  );
  const refs = deliveryPointRefs(points);
  const usableSource = refs.some(
    (p) =>
      p.routingKey === input.sourceDeliveryPoint &&
      p.brin === session.source_brin &&
      sourcePurposes.includes(p.purpose),
  );
  if (!usableSource) return { result: 'GeenRelatieMetDoel' };
  const destination = refs.find(
    (p) =>
      p.routingKey === session.destination_delivery_point &&
      p.brin === session.destination_brin &&
      p.purpose === purposeOfKind(session.kind),
  );
  if (!destination) return { result: 'SessieAfwijkend' };

  if (!points[0]?.counted) {
    // Closed or expired by another transaction since it was read.
    const later = await db.query<{ state: SessionState }>('SELECT state FROM tc.sessions WHERE id = $1', [
      sessionId,
    ]);
    return { result: later.rows[0]?.state === 'expired' ? 'SessieVerlopen' : 'SessieReedsAfgemeld' };
  }
  return { result: 'ok', destinationDeliveryPoint: destination };
}

type CheckFacts = {
  supplier_id: string | null;
  mandated: boolean;
  point_brin: string | null;
  point_supplier: string | null;
} & {
  [K in keyof SessionRow]: SessionRow[K] | null;
};

interface SessionRow {
  source_brin: string;
  destination_brin: string;
  destination_delivery_point: string;
  kind: SessionCheckRequest['kind'];
  commitment: string;
  state: SessionState;
  expires_at: Date;
}

function matches(session: CheckFacts, input: SessionCheckRequest): boolean {
  const given = Buffer.from(String(input.commitment));
  const held = Buffer.from(session.commitment ?? '');
  const sameCommitment = given.length === held.length && timingSafeEqual(given, held);
  return (
    sameCommitment &&
    session.source_brin === input.sourceBrin &&
    session.destination_brin === input.destinationBrin &&
    session.kind === input.kind
  );
}
