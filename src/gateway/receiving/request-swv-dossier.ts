import { randomUUID } from 'node:crypto';
import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { koppelsleutelCommitment, newSalt, SEAL_INFO, sealJson } from '../../platform/crypto/index.js';
import { isUniqueViolation } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import type { ResultCode, SwvKey } from '../../platform/protocol.js';
import type { Message } from '../../standard/index.js';
import type { GatewayChain } from '../chain/clients.js';
import { deliveryPointKeys } from '../hosting/delivery-point-keys.js';
import { activeDeliveryPoint } from '../hosting/delivery-points.js';
import { requireHostedSchool } from '../hosting/hosted-schools.js';
import { isBrin } from '../pupils/identity.js';
import { koppelsleutelHasher, requireKoppelsleutel } from '../pupils/koppelsleutel.js';
import { checkReceivedSwv } from './check-received.js';
import { exchangeInSession } from './exchange.js';
import { canTransition, type RegistrationState, stateAfter } from './lifecycle.js';
import {
  moveSwvRequest,
  SWV_REQUEST_COLUMNS,
  SWV_RESULT_EXPLANATIONS,
  type SwvRequestRow,
  swvKoppelsleutelAad,
  swvReceivedAad,
  swvReceivedFindingsAad,
} from './swv-request-store.js';
import { inTransferSlot } from './transfer-slots.js';

export interface RequestSwvDossierInput {
  /** The samenwerkingsverband (hosted here, with an SWV delivery point). */
  schoolBrin: string;
  /** The school that set the dossier ready and handed over the koppelsleutel. */
  sourceBrin: string;
  /** As the school handed it over: case, spaces and dashes do not matter. */
  koppelsleutel: string;
  /**
   * The gateway instance (server process) sending it, recorded as the request's holder while it is
   * 'aangevraagd' (as RequestDossierInput.instanceId): should the process die, another instance
   * releases it as soon as this instance's heartbeat is stale, instead of after five minutes.
   */
  instanceId?: string;
}

export interface SwvRequestResult {
  swvRequestId: string;
  sourceBrin: string;
  result: ResultCode;
  state: RegistrationState;
  explanation: Message;
  receivedDossierId?: string;
}

/** A request left 'aangevraagd' longer than this (its process died) may be sent again. */
const STALE_REQUEST_MS = 5 * 60_000;

/**
 * A samenwerkingsverband asks a school for the SWV dossier (POSWV, VOSWV) the school set ready for
 * it, by the koppelsleutel the school handed over (DESIGN.md §4). A key with a wrong form or check
 * character is refused at once (KOPPELSLEUTEL_INVALID), before anything is stored or asked. The
 * request is recorded (source BRIN and the key — encrypted, found by keyed hash; no BSN), or taken
 * up again when the same key was used before; then a session of kind 'swv' with a commitment over
 * the key, the key sealed to each of the source's SWV delivery points, and the session closed with
 * the best result. A delivered dossier is validated strictly (an SWV profile) and stored encrypted;
 * after one was received, the request asks "only if changed since". The same result codes as a
 * document request, with explanations for an SWV.
 */
export async function requestSwvDossier(
  ctx: Ctx,
  chain: GatewayChain,
  input: RequestSwvDossierInput,
): Promise<SwvRequestResult> {
  authorize(ctx, 'request:send', input.schoolBrin);
  if (typeof input.sourceBrin !== 'string' || !isBrin(input.sourceBrin)) {
    throw new AppError('VALIDATION_FAILED', {
      problems: { sourceBrin: 'two digits and two capitals (00YY)' },
    });
  }
  const koppelsleutel = requireKoppelsleutel(input.koppelsleutel);
  return inTransferSlot((away) =>
    requestSwvInSlot(ctx, chain.lending?.(away) ?? chain, input, koppelsleutel),
  );
}

/** requestSwvDossier, once it has one of the process's transfer slots (transfer-slots.ts). */
async function requestSwvInSlot(
  ctx: Ctx,
  chain: GatewayChain,
  input: RequestSwvDossierInput,
  koppelsleutel: string,
): Promise<SwvRequestResult> {
  await requireHostedSchool(ctx.db, input.schoolBrin);
  const point = await activeDeliveryPoint(ctx.db, input.schoolBrin, 'SWV');
  if (!point) throw new AppError('GW_DELIVERY_POINT_MISSING', { brin: input.schoolBrin, purpose: 'SWV' });
  const keyHash = (await koppelsleutelHasher(ctx))(koppelsleutel);

  const requestedAt = ctx.now();
  const claimed = await claim(ctx, input, koppelsleutel, keyHash, requestedAt);
  const since = claimed.lastReadyAt ?? undefined;
  const key: SwvKey = { koppelsleutel, salt: newSalt() };
  const commitment = koppelsleutelCommitment(key);
  const outcome = await exchangeInSession(chain, {
    requestId: ctx.requestId,
    ownPrivateKey: await deliveryPointKeys(ctx.db, ctx.keyring, point.routingKey, ctx.now()),
    start: {
      destinationBrin: input.schoolBrin,
      destinationDeliveryPoint: point.routingKey,
      sourceBrin: input.sourceBrin,
      kind: 'swv',
      commitment,
    },
    ask: async (source, sessionId) =>
      chain.peers.requestSwvDossier(
        source,
        {
          sessionId,
          destinationBrin: input.schoolBrin,
          commitment,
          koppelsleutel: await sealJson(source.publicKey, key, {
            info: SEAL_INFO.koppelsleutel,
            aad: sessionId,
          }),
          ...(since ? { onlyIfChangedSince: since.toISOString() } : {}),
        },
        ctx.requestId,
      ),
  });

  let result = outcome.result;
  const received =
    result === 'OverdrachtGeslaagd' && outcome.dossierXml
      ? await checkReceivedSwv(outcome.dossierXml)
      : undefined;
  if (result === 'OverdrachtGeslaagd' && !received) result = 'TechnischeFout';
  const state = stateAfter(result, { imported: false });
  const answeredAt = ctx.now();
  const receivedId = received ? randomUUID() : undefined;

  await ctx.db.transaction(async (tx) => {
    if (received && receivedId) {
      await tx.query(
        `INSERT INTO gw.swv_received_dossiers
           (id, swv_request_id, session_id, source_brin, source_routing_key, xml_enc, size_bytes, findings_enc,
            error_count, warning_count, profile, version_ready_at, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          receivedId,
          claimed.row.id,
          outcome.sessionId,
          input.sourceBrin,
          outcome.sourceRoutingKey,
          ctx.keyring.encrypt(received.xml, swvReceivedAad(receivedId)),
          received.xml.byteLength,
          ctx.keyring.encrypt(
            Buffer.from(JSON.stringify(received.findings)),
            swvReceivedFindingsAad(receivedId),
          ),
          received.errorCount,
          received.warningCount,
          received.profile,
          outcome.versionReadyAt ?? null,
          answeredAt,
        ],
      );
    }
    await moveSwvRequest(tx, claimed.row, state, answeredAt, { lastResult: result });
    await audit.record(tx, ctx, received ? 'swv.received.stored' : 'swv.requested', {
      schoolBrin: input.schoolBrin,
      subject: claimed.row.id,
      details: {
        result,
        sourceBrin: input.sourceBrin,
        ...(outcome.sessionId ? { sessionId: outcome.sessionId } : {}),
        ...(receivedId ? { receivedDossierId: receivedId } : {}),
      },
    });
  });

  return {
    swvRequestId: claimed.row.id,
    sourceBrin: input.sourceBrin,
    result,
    state,
    explanation: SWV_RESULT_EXPLANATIONS[result],
    ...(receivedId ? { receivedDossierId: receivedId } : {}),
  };
}

/**
 * Records the request, or takes up the one with the same source and key: → aangevraagd, so that no
 * second request for it goes out meanwhile (CONFLICT while one runs, unless it went stale).
 */
async function claim(
  ctx: Ctx,
  input: RequestSwvDossierInput,
  koppelsleutel: string,
  keyHash: string,
  at: Date,
): Promise<{ row: SwvRequestRow; lastReadyAt: Date | null }> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const { rows } = await tx.query<SwvRequestRow>(
        `SELECT ${SWV_REQUEST_COLUMNS} FROM gw.swv_requests
          WHERE school_brin = $1 AND source_brin = $2 AND key_hash = $3 FOR UPDATE`,
        [input.schoolBrin, input.sourceBrin, keyHash],
      );
      const existing = rows[0];
      if (!existing) {
        const id = randomUUID();
        const { rows: created } = await tx.query<SwvRequestRow>(
          `INSERT INTO gw.swv_requests
             (id, school_brin, source_brin, key_hash, koppelsleutel_enc, state, requested_at, requested_by,
              created_by, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, 'aangevraagd', $6, $7, $8, $6, $6) RETURNING ${SWV_REQUEST_COLUMNS}`,
          [
            id,
            input.schoolBrin,
            input.sourceBrin,
            keyHash,
            ctx.keyring.encrypt(Buffer.from(koppelsleutel, 'utf8'), swvKoppelsleutelAad(id)),
            at,
            input.instanceId ?? null,
            ctx.actor.id,
          ],
        );
        await audit.record(tx, ctx, 'swv.request.created', {
          schoolBrin: input.schoolBrin,
          subject: id,
          details: { sourceBrin: input.sourceBrin },
        });
        return { row: created[0], lastReadyAt: null };
      }
      const stale =
        existing.requested_at === null || at.getTime() - existing.requested_at.getTime() > STALE_REQUEST_MS;
      if (existing.state === 'aangevraagd' && !stale) {
        throw new AppError('CONFLICT', { swvRequestId: existing.id, reason: 'request-in-progress' });
      }
      if (!canTransition(existing.state, 'aangevraagd')) {
        throw new AppError('TRANSITION_NOT_ALLOWED', { from: existing.state, to: 'aangevraagd' });
      }
      const last = await tx.query<{ version_ready_at: Date | null }>(
        `SELECT version_ready_at FROM gw.swv_received_dossiers
          WHERE swv_request_id = $1 ORDER BY received_at DESC LIMIT 1`,
        [existing.id],
      );
      const revision = await moveSwvRequest(tx, existing, 'aangevraagd', at, {
        requestedAt: at,
        ...(input.instanceId ? { requestedBy: input.instanceId } : {}),
      });
      return {
        row: { ...existing, state: 'aangevraagd' as const, revision },
        lastReadyAt: last.rows[0]?.version_ready_at ?? null,
      };
    });
  } catch (e) {
    // Two first requests with the same key at once: the other one recorded it.
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', { reason: 'request-in-progress' });
    throw e;
  }
}
