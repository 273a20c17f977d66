import { randomUUID } from 'node:crypto';
import * as audit from '../../platform/audit/index.js';
import { commitment, commitmentMatches, SEAL_INFO, seal } from '../../platform/crypto/index.js';
import type { DeliveryPointRef, DocumentResponse, ResultCode, SessionKind } from '../../platform/protocol.js';
import { asPeerCtx, type ChainCallCtx } from '../chain/chain-ctx.js';
import type { DocumentRequestMessage, TrafficCenterClient } from '../chain/clients.js';
import { deliveryPointWithKeys } from '../hosting/delivery-point-keys.js';
import type { HostedDeliveryPoint } from '../hosting/delivery-points.js';
import { isBrin } from '../pupils/identity.js';
import { pupilKeyer } from '../pupils/pupil-key.js';
import { findReadyDossier } from './find-ready-dossier.js';
import { unsealIdentifiers, wellFormed } from './incoming-request.js';
import { countFailedLookup, type LookupLimit } from './lookup-limit.js';

export interface AnswerDeps {
  trafficCenter: TrafficCenterClient;
  lookupLimit: LookupLimit;
}

const FAILED_LOOKUPS: ReadonlySet<ResultCode> = new Set(['LeerlingNietGevonden', 'GegevensKomenNietOvereen']);

/**
 * Answers a document request that came in at one of our delivery points (DESIGN.md §4 steps 4–5):
 *
 * 1. the session is checked at the traffic center before anything else (with the commitment the
 *    request carries; a request without one is unsealed first and checked with the commitment of
 *    what it holds);
 * 2. the identifiers are unsealed with the delivery point's private key (altered → OngeldigVerzoek)
 *    and must match the session's commitment (else SessieAfwijkend);
 * 3. a requesting school over its limit of failed look-ups gets TeVeelVerzoeken;
 * 4. the pupil is looked up by keyed hash and the request stored (hashed identifiers only) for a
 *    later notice; the answer is OverdrachtGeslaagd with the dossier sealed to the requesting
 *    delivery point (from the session check), NietGewijzigd, NietKlaargezet, LeerlingNietGevonden,
 *    GegevensKomenNietOvereen or DossierVerlopen. Every answer is in the audit log — a delivery as
 *    'dossier.delivered' — without identifiers.
 */
export async function answerDocumentRequest(
  ctx: ChainCallCtx,
  deps: AnswerDeps,
  routingKey: string,
  request: DocumentRequestMessage,
): Promise<DocumentResponse> {
  const found = await deliveryPointWithKeys(ctx.db, ctx.keyring, { routingKey }, ctx.now());
  if (!found?.point.active) return { result: 'OnbekendAanleverpunt' };
  const { point, keys } = found;
  if (!wellFormed(request)) return refuse(ctx, point, request, 'OngeldigVerzoek');
  const kind: SessionKind = request.destinationBrin === point.brin ? 'binnenbrin' : 'overstapdossier';
  const check = (commitmentValue: string) =>
    deps.trafficCenter.checkSession(
      request.sessionId,
      {
        sourceDeliveryPoint: point.routingKey,
        sourceBrin: point.brin,
        destinationBrin: request.destinationBrin,
        kind,
        commitment: commitmentValue,
      },
      ctx.requestId,
    );

  let destination: DeliveryPointRef;
  if (request.commitment !== undefined) {
    const checked = await check(request.commitment);
    if (checked.result !== 'ok') return refuse(ctx, point, request, checked.result);
    destination = checked.destinationDeliveryPoint;
  }
  const ids = await unsealIdentifiers(keys, request);
  if (!ids) return refuse(ctx, point, request, 'OngeldigVerzoek');
  if (request.commitment !== undefined) {
    if (!commitmentMatches(ids, request.commitment)) return refuse(ctx, point, request, 'SessieAfwijkend');
  } else {
    const checked = await check(commitment(ids));
    if (checked.result !== 'ok') return refuse(ctx, point, request, checked.result);
    destination = checked.destinationDeliveryPoint;
  }
  // biome-ignore lint/style/noNonNullAssertion: set by whichever session check ran
  const to = destination!;
  if (to.brin !== request.destinationBrin) return refuse(ctx, point, request, 'SessieAfwijkend');

  const at = ctx.now();
  const pupilKey = (await pupilKeyer(ctx))(ids);
  const peer = asPeerCtx(ctx);

  const since = request.onlyIfChangedSince ? new Date(request.onlyIfChangedSince) : undefined;
  const ready = await findReadyDossier(ctx.db, ctx.keyring, {
    schoolBrin: point.brin,
    pupilKey,
    ids,
    destinationBrin: request.destinationBrin,
    ...(since ? { onlyIfChangedSince: since } : {}),
    blockedAt: at,
  });
  // Over its limit of failed look-ups: refused before any pupil was looked at.
  if (ready.result === 'TeVeelVerzoeken') return refuse(ctx, point, request, 'TeVeelVerzoeken');
  let answer: DocumentResponse;
  let version: number | undefined;
  if (ready.result === 'ready') {
    version = ready.version;
    const xml = ready.xml;
    if (!xml) {
      answer = { result: 'NietGewijzigd', versionReadyAt: ready.readyAt.toISOString() };
    } else {
      answer = {
        result: 'OverdrachtGeslaagd',
        dossier: await seal(to.publicKey, xml, { info: SEAL_INFO.dossier, aad: request.sessionId }),
        versionReadyAt: ready.readyAt.toISOString(),
      };
    }
  } else {
    answer = { result: ready.result };
  }
  if (FAILED_LOOKUPS.has(answer.result)) {
    await countFailedLookup(ctx.db, request.destinationBrin, at, deps.lookupLimit, request.sessionId);
  }
  const dossierId = 'dossierId' in ready ? ready.dossierId : undefined;
  // The request is stored (for a later notice) and the answer audited in one statement: both or
  // neither, and the audit chain's lock lasts only as long as the statement.
  const stored = [
    randomUUID(),
    point.brin,
    point.routingKey,
    request.sessionId,
    request.destinationBrin,
    to.routingKey,
    pupilKey,
    dossierId ?? null,
    version ?? null,
    answer.result,
    at,
  ];
  const append = audit.appendOf(
    peer,
    answer.result === 'OverdrachtGeslaagd' ? 'dossier.delivered' : 'chain.document-request',
    {
      schoolBrin: point.brin,
      ...(dossierId ? { subject: dossierId } : {}),
      details: {
        result: answer.result,
        destinationBrin: request.destinationBrin,
        sessionId: request.sessionId,
        ...(version !== undefined ? { version } : {}),
      },
    },
    stored.length + 1,
  );
  await ctx.db.query(
    `WITH stored AS (
       INSERT INTO gw.incoming_requests
         (id, school_brin, routing_key, session_id, destination_brin, destination_routing_key, pupil_key,
          dossier_id, version, result, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id)
     SELECT ${append.sql} FROM stored`,
    [...stored, ...append.params],
  );
  return answer;
}

/** A refusal before any pupil was looked up: audited (no identifiers), nothing stored. */
async function refuse(
  ctx: ChainCallCtx,
  point: HostedDeliveryPoint,
  request: Partial<DocumentRequestMessage>,
  result: ResultCode,
): Promise<DocumentResponse> {
  await audit.record(ctx.db, asPeerCtx(ctx), 'chain.document-request.refused', {
    schoolBrin: point.brin,
    details: {
      result,
      ...(typeof request.destinationBrin === 'string' && isBrin(request.destinationBrin)
        ? { destinationBrin: request.destinationBrin }
        : {}),
      ...(typeof request.sessionId === 'string' ? { sessionId: request.sessionId.slice(0, 100) } : {}),
    },
  });
  return { result };
}
