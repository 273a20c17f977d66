import { commitment, newSalt, open, SEAL_INFO, sealJson } from '../../platform/crypto/index.js';
import { isAppError } from '../../platform/errors.js';
import {
  type PupilIdentifiers,
  type ResultCode,
  resultRank,
  type SessionKind,
} from '../../platform/protocol.js';
import type { GatewayChain } from '../chain/clients.js';
import type { PupilIdentity } from '../pupils/identity.js';

export interface ExchangeInput {
  requestId: string;
  /** The requesting (receiving) school and its delivery point, with the private key to open the answer. */
  schoolBrin: string;
  ownRoutingKey: string;
  ownPrivateKey: string;
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
  let started: Awaited<ReturnType<GatewayChain['trafficCenter']['startSession']>>;
  try {
    started = await chain.trafficCenter.startSession(
      {
        destinationBrin: input.schoolBrin,
        destinationDeliveryPoint: input.ownRoutingKey,
        sourceBrin: input.sourceBrin,
        kind,
        commitment: sessionCommitment,
      },
      input.requestId,
    );
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
      const identifiers = await sealJson(point.publicKey, ids, {
        info: SEAL_INFO.identifiers,
        aad: sessionId,
      });
      const answer = await chain.peers.requestDocument(
        point,
        {
          sessionId,
          destinationBrin: input.schoolBrin,
          identifiers,
          commitment: sessionCommitment,
          ...(input.onlyIfChangedSince ? { onlyIfChangedSince: input.onlyIfChangedSince.toISOString() } : {}),
        },
        input.requestId,
      );
      outcome = { result: answer.result, sessionId, sourceRoutingKey: point.routingKey };
      if (answer.versionReadyAt) outcome.versionReadyAt = new Date(answer.versionReadyAt);
      if (answer.result === 'OverdrachtGeslaagd') {
        if (!answer.dossier) outcome.result = 'TechnischeFout';
        else {
          const xml = await open(input.ownPrivateKey, answer.dossier, {
            info: SEAL_INFO.dossier,
            aad: sessionId,
          });
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
    await chain.trafficCenter.closeSession(sessionId, { bestResult: best.result }, input.requestId);
  } catch (e) {
    // The outcome is ours either way; the traffic center only misses a statistic.
    if (!isAppError(e)) throw e;
  }
  return best;
}
