import { randomUUID } from 'node:crypto';
import type {
  DeliveryPointRef,
  ResultCode,
  SessionStartRequest,
  SessionStartResponse,
} from '../platform/protocol.js';
import { type ChainCtx, holdsMandate, identifyCaller } from './chain-caller.js';
import {
  admissionStatus,
  dutchDay,
  findDeliveryPoint,
  findSchool,
  purposeOfKind,
  sourcePurposesOfKind,
  usableDeliveryPoints,
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
  return ctx.db.transaction(async (tx) => {
    const caller = await identifyCaller(tx, ctx.peerFingerprint);
    if (!caller) return refuse('VerstrekkerNietBekend');
    if (!wellFormedSessionFields({ ...input, routingKey: input.destinationDeliveryPoint })) {
      return refuse('OngeldigVerzoek');
    }
    if (!(await holdsMandate(tx, caller.supplierId, input.destinationBrin))) return refuse('GeenMandaat');

    const purpose = purposeOfKind(input.kind);
    const point = await findDeliveryPoint(tx, input.destinationDeliveryPoint);
    if (!point?.active || point.brin !== input.destinationBrin || point.supplierId !== caller.supplierId) {
      return refuse('OnbekendAanleverpunt');
    }
    if (point.purpose !== purpose) return refuse('GeenRelatieMetDoel');
    if ((input.kind === 'binnenbrin') !== (input.sourceBrin === input.destinationBrin)) {
      return refuse('OngeldigVerzoek');
    }

    const today = dutchDay(ctx.now());
    const destination = await admissionStatus(tx, input.destinationBrin, today);
    const source = await admissionStatus(tx, input.sourceBrin, today);
    if (destination === 'unknown' || source === 'unknown') return refuse('OnbekendeSchool');
    if (destination !== 'admitted' || source !== 'admitted') return refuse('SchoolNietToegelaten');
    if (input.kind === 'swv' && (await findSchool(tx, input.destinationBrin))?.sector !== 'swv') {
      return refuse('GeenRelatieMetDoel');
    }

    const sourceDeliveryPoints: DeliveryPointRef[] = await usableDeliveryPoints(tx, {
      day: today,
      brin: input.sourceBrin,
      purpose: sourcePurposesOfKind(input.kind),
    });
    if (sourceDeliveryPoints.length === 0) return refuse('GeenRelatieMetDoel');

    const sessionId = randomUUID();
    const startedAt = ctx.now();
    const expiresAt = new Date(startedAt.getTime() + (ctx.sessionLifetimeMs ?? DEFAULT_SESSION_LIFETIME_MS));
    await tx.query(
      `INSERT INTO tc.sessions
         (id, source_brin, destination_brin, destination_delivery_point, kind, commitment, supplier_id, created_at,
          expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        sessionId,
        input.sourceBrin,
        input.destinationBrin,
        input.destinationDeliveryPoint,
        input.kind,
        input.commitment,
        caller.supplierId,
        startedAt,
        expiresAt,
      ],
    );
    return { result: 'ok', sessionId, sourceDeliveryPoints };
  });
}

const refuse = (result: StartSessionRefusal) => ({ result }) as const;
