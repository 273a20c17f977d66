import { randomUUID } from 'node:crypto';
import type { ResultCode, SessionStartRequest, SessionStartResponse } from '../platform/protocol.js';
import { dutchDay } from '../standard/index.js';
import { type ChainCtx, identifyCaller, normalizeFingerprint } from './chain-caller.js';
import {
  admittedOn,
  type DeliveryPointRefRow,
  deliveryPointRefs,
  purposeOfKind,
  sourcePurposesOfKind,
  usablePoints,
} from './registry.js';
import { DEFAULT_SESSION_LIFETIME_MS } from './session-expiry.js';
import { wellFormedSessionFields } from './session-fields.js';

export type StartSessionRefusal = Extract<
  ResultCode,
  | 'VerstrekkerNietBekend'
  | 'GeenMandaat'
  | 'OnbekendAanleverpunt'
  | 'OnbekendeSchool'
  | 'SchoolNietToegelaten'
  | 'GeenRelatieMetDoel'
  | 'OngeldigVerzoek'
>;
export type StartSessionAnswer = ({ result: 'ok' } & SessionStartResponse) | { result: StartSessionRefusal };

/**
 * Session start (DESIGN.md §4 step 2), asked by the receiving gateway. Checks, in this order, and
 * answers the first code that applies:
 *
 * 1. the certificate belongs to a known supplier system — else VerstrekkerNietBekend; the request
 *    is well formed (BRINs, routing key, kind, commitment) — else OngeldigVerzoek;
 * 2. that supplier holds the destination (requesting) school's mandate — else GeenMandaat;
 * 3. the destination delivery point is active, the school's, the supplier's, and serves the kind's
 *    purpose (OV for overstapdossier/binnenbrin, SWV for swv) — else OnbekendAanleverpunt
 *    (GeenRelatieMetDoel when only the purpose differs);
 * 4. binnenbrin means source = destination BRIN and the others a different school — else OngeldigVerzoek;
 * 5. both schools are known (OnbekendeSchool) and admitted today (SchoolNietToegelaten);
 * 6. an swv session is asked by a samenwerkingsverband (sector swv) — else GeenRelatieMetDoel;
 * 7. the source school has a usable delivery point that answers the kind (SWV for swv; OV and RP,
 *    a regional platform, for the other kinds) — else GeenRelatieMetDoel.
 *
 * The traffic center stores the session with the commitment only (no identifiers reach it) and its
 * expiry (now + the session lifetime, default 15 minutes; see session-states.ts), and
 * returns those delivery points of the source school with their public keys.
 */
export async function startSession(ctx: ChainCtx, input: SessionStartRequest): Promise<StartSessionAnswer> {
  const db = ctx.db;
  if (!wellFormedSessionFields({ ...input, routingKey: input.destinationDeliveryPoint })) {
    // Malformed: still "who are you?" first.
    return refuse(
      (await identifyCaller(db, ctx.peerFingerprint)) ? 'OngeldigVerzoek' : 'VerstrekkerNietBekend',
    );
  }
  const fingerprint =
    ctx.peerFingerprint === undefined ? undefined : normalizeFingerprint(ctx.peerFingerprint);
  if (!fingerprint) return refuse('VerstrekkerNietBekend');
  const today = dutchDay(ctx.now());
  // Every fact the checks below need, in one statement (a session start is on every transfer's path).
  const { rows } = await db.query<StartFacts>(
    `SELECT c.id AS supplier_id,
            EXISTS (SELECT 1 FROM tc.mandates m
                     WHERE m.supplier_id = c.id AND m.brin = $2 AND m.revoked_at IS NULL) AS mandated,
            p.brin AS point_brin, p.supplier_id AS point_supplier, p.purpose AS point_purpose,
            p.active AS point_active,
            (SELECT ${admittedOn('$5')} FROM tc.admission a WHERE a.brin = $2) AS destination_admitted,
            (SELECT ${admittedOn('$5')} FROM tc.admission a WHERE a.brin = $4) AS source_admitted,
            (SELECT sector FROM tc.schools WHERE brin = $2) AS destination_sector
       FROM (SELECT 1) AS one
       LEFT JOIN tc.supplier_systems c ON c.certificate_fingerprint = $1
       LEFT JOIN tc.delivery_points p ON p.routing_key = $3`,
    [fingerprint, input.destinationBrin, input.destinationDeliveryPoint, input.sourceBrin, today],
  );
  const facts = rows[0] as StartFacts;
  if (facts.supplier_id === null) return refuse('VerstrekkerNietBekend');
  if (!facts.mandated) return refuse('GeenMandaat');

  if (
    !facts.point_active ||
    facts.point_brin !== input.destinationBrin ||
    facts.point_supplier !== facts.supplier_id
  ) {
    return refuse('OnbekendAanleverpunt');
  }
  if (facts.point_purpose !== purposeOfKind(input.kind)) return refuse('GeenRelatieMetDoel');
  if ((input.kind === 'binnenbrin') !== (input.sourceBrin === input.destinationBrin)) {
    return refuse('OngeldigVerzoek');
  }

  if (facts.destination_admitted === null || facts.source_admitted === null) return refuse('OnbekendeSchool');
  if (!facts.destination_admitted || !facts.source_admitted) return refuse('SchoolNietToegelaten');
  if (input.kind === 'swv' && facts.destination_sector !== 'swv') return refuse('GeenRelatieMetDoel');

  // The source school's usable points and, only when there is one, the new session: one statement,
  // no transaction. The checks above read committed facts; a mandate revoked a moment later ends the
  // session at its check (check-session.ts asks again).
  const sessionId = randomUUID();
  const startedAt = ctx.now();
  const expiresAt = new Date(startedAt.getTime() + (ctx.sessionLifetimeMs ?? DEFAULT_SESSION_LIFETIME_MS));
  const session = [
    sessionId,
    input.sourceBrin,
    input.destinationBrin,
    input.destinationDeliveryPoint,
    input.kind,
    input.commitment,
    facts.supplier_id,
    startedAt,
    expiresAt,
  ];
  const usable = usablePoints(
    { day: today, brin: input.sourceBrin, purpose: sourcePurposesOfKind(input.kind) },
    session.length + 1,
  );
  const { rows: points } = await db.query<DeliveryPointRefRow>(
    `WITH usable AS (${usable.sql}),
     started AS (
       INSERT INTO tc.sessions
         (id, source_brin, destination_brin, destination_delivery_point, kind, commitment, supplier_id,
          created_at, expires_at)
       SELECT $1::uuid, $2, $3, $4, $5, $6, $7::uuid, $8::timestamptz, $9::timestamptz
        WHERE EXISTS (SELECT 1 FROM usable)
       RETURNING id)
     SELECT * FROM usable ORDER BY brin, purpose, routing_key`,
    [...session, ...usable.params],
  );
  if (points.length === 0) return refuse('GeenRelatieMetDoel');
  const sourceDeliveryPoints = deliveryPointRefs(points);
  return { result: 'ok', sessionId, sourceDeliveryPoints };
}

interface StartFacts {
  supplier_id: string | null;
  mandated: boolean;
  point_brin: string | null;
  point_supplier: string | null;
  point_purpose: string | null;
  point_active: boolean | null;
  /** null: the school has no admission row (unknown to the traffic center). */
  destination_admitted: boolean | null;
  source_admitted: boolean | null;
  destination_sector: string | null;
}

const refuse = (result: StartSessionRefusal) => ({ result }) as const;
