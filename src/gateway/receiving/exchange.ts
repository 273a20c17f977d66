import { commitment, newSalt, open, SEAL_INFO, sealJson } from '../../platform/crypto/index.js';
import { isAppError } from '../../platform/errors.js';
import {
  type DeliveryPointRef,
  type DocumentResponse,
  type PupilIdentifiers,
  type ResultCode,
  resultRank,
  type SessionKind,
  type SessionStartRequest,
} from '../../platform/protocol.js';
import type { GatewayChain } from '../chain/clients.js';
import type { DeliveryPointKeys } from '../hosting/delivery-point-keys.js';

/**
 * What opens the dossier sealed to our delivery point: its private key, or its keys (deliveryPointKeys:
 * the current one and, after a key rotation, the earlier one still in its grace period — the source
 * seals to whichever public key the traffic center handed out).
 */
export type OwnKeys = string | DeliveryPointKeys;

import type { PupilIdentity } from '../pupils/identity.js';

export interface ExchangeInput {
  requestId: string;
  /** The requesting (receiving) school and its delivery point, with the private key to open the answer. */
  schoolBrin: string;
  ownRoutingKey: string;
  ownPrivateKey: OwnKeys;
  sourceBrin: string;
  identity: PupilIdentity;
  onlyIfChangedSince?: Date;
}

export interface ExchangeOutcome {
  /** The best result over the source's delivery points (or the traffic center's refusal). */
  result: ResultCode;
  sessionId?: string;
  /** The delivery point that gave the best result. */
  sourceRoutingKey?: string;
  /** OverdrachtGeslaagd: the unsealed dossier XML. */
  dossierXml?: Buffer;
  versionReadyAt?: Date;
}

/**
 * One request on the chain (DESIGN.md §4 steps 2, 3 and 6): a session at the traffic center with a
 * salted commitment of the identifiers, the identifiers sealed to each of the source school's
 * delivery points, the document request to each until one delivers, the dossier unsealed with our
 * delivery point's key, and the session closed with the best result. Never inside a database
 * transaction: the source may be this very gateway, on this very database.
 */
export async function exchangeWithSource(
  chain: GatewayChain,
  input: ExchangeInput,
): Promise<ExchangeOutcome> {
  const ids: PupilIdentifiers = {
    ...(input.identity.bsn
      ? { bsn: input.identity.bsn }
      : { onderwijsnummer: input.identity.onderwijsnummer }),
    geboortedatum: input.identity.geboortedatum,
    achternaam: input.identity.achternaam,
    salt: newSalt(),
  };
  const sessionCommitment = commitment(ids);
  const kind: SessionKind = input.sourceBrin === input.schoolBrin ? 'binnenbrin' : 'overstapdossier';
  return exchangeInSession(chain, {
    requestId: input.requestId,
    ownPrivateKey: input.ownPrivateKey,
    start: {
      destinationBrin: input.schoolBrin,
      destinationDeliveryPoint: input.ownRoutingKey,
      sourceBrin: input.sourceBrin,
      kind,
      commitment: sessionCommitment,
    },
    ask: async (point, sessionId) =>
      chain.peers.requestDocument(
        point,
        {
          sessionId,
          destinationBrin: input.schoolBrin,
          identifiers: await sealJson(point.publicKey, ids, { info: SEAL_INFO.identifiers, aad: sessionId }),
          commitment: sessionCommitment,
          ...(input.onlyIfChangedSince ? { onlyIfChangedSince: input.onlyIfChangedSince.toISOString() } : {}),
        },
        input.requestId,
      ),
  });
}

/** A request in one session: how to start it, and what to ask each source delivery point. */
export interface SessionExchange {
  requestId: string;
  /** Our delivery point's private key, to open the delivered dossier. */
  ownPrivateKey: OwnKeys;
  start: SessionStartRequest;
  /** The request to one source delivery point (sealed to its public key), answered by the source. */
  ask(point: DeliveryPointRef, sessionId: string): Promise<DocumentResponse>;
}

/**
 * The session around a request, whatever it names the pupil by (identifiers or, for an SWV, a
 * koppelsleutel): started at the traffic center, each source delivery point asked until one
 * delivers, the dossier unsealed (SEAL_INFO.dossier, AAD = session id), the session closed with the
 * best result. A peer or traffic center that cannot be reached counts as TechnischeFout.
 */
export async function exchangeInSession(
  chain: GatewayChain,
  exchange: SessionExchange,
): Promise<ExchangeOutcome> {
  let started: Awaited<ReturnType<GatewayChain['trafficCenter']['startSession']>>;
  try {
    started = await chain.trafficCenter.startSession(exchange.start, exchange.requestId);
  } catch (e) {
    if (isAppError(e)) return { result: 'TechnischeFout' };
    throw e;
  }
  if (started.result !== 'ok') return { result: started.result };
  const { sessionId } = started;

  let best: ExchangeOutcome = { result: 'TechnischeFout', sessionId };
  for (const point of started.sourceDeliveryPoints) {
    let outcome: ExchangeOutcome;
    try {
      const answer = await exchange.ask(point, sessionId);
      outcome = { result: answer.result, sessionId, sourceRoutingKey: point.routingKey };
      if (answer.versionReadyAt) outcome.versionReadyAt = new Date(answer.versionReadyAt);
      if (answer.result === 'OverdrachtGeslaagd') {
        if (!answer.dossier) outcome.result = 'TechnischeFout';
        else {
          const own = exchange.ownPrivateKey;
          const sealed = { info: SEAL_INFO.dossier, aad: sessionId };
          const xml =
            typeof own === 'string'
              ? await open(own, answer.dossier, sealed)
              : await own.open(answer.dossier, sealed);
          outcome.dossierXml = Buffer.from(xml);
        }
      }
    } catch (e) {
      if (!isAppError(e)) throw e;
      outcome = { result: 'TechnischeFout', sessionId, sourceRoutingKey: point.routingKey };
    }
    if (resultRank(outcome.result) < resultRank(best.result)) best = outcome;
    if (best.result === 'OverdrachtGeslaagd' || best.result === 'NietGewijzigd') break;
  }

  try {
    await chain.trafficCenter.closeSession(sessionId, { bestResult: best.result }, exchange.requestId);
  } catch (e) {
    // The outcome is ours either way; the traffic center only misses a statistic.
    if (!isAppError(e)) throw e;
  }
  return best;
}
