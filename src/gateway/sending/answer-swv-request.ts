import * as audit from '../../platform/audit/index.js';
import { koppelsleutelCommitmentMatches, SEAL_INFO, seal } from '../../platform/crypto/index.js';
import type { Tx } from '../../platform/db/index.js';
import { isAppError } from '../../platform/errors.js';
import type { DocumentResponse, ResultCode, SwvKey, SwvRequest } from '../../platform/protocol.js';
import { asPeerCtx, type ChainCallCtx } from '../chain/chain-ctx.js';
import { deliveryPointKeys } from '../hosting/delivery-point-keys.js';
import { findDeliveryPoint, type HostedDeliveryPoint } from '../hosting/delivery-points.js';
import { isBrin } from '../pupils/identity.js';
import { koppelsleutelHasher, koppelsleutelProblem } from '../pupils/koppelsleutel.js';
import type { AnswerDeps } from './answer-document-request.js';
import { versionXml } from './dossier-store.js';
import { findKoppelsleutel } from './koppelsleutels.js';
import { countFailedLookup, isBlocked } from './lookup-limit.js';

const COMMITMENT = /^[A-Za-z0-9_-]{43}$/;

/**
 * Answers an SWV request at one of our SWV delivery points (DESIGN.md §4, "SWV request with a
 * koppelsleutel"), in the order of a document request:
 *
 * 1. not an active SWV point of ours → OnbekendAanleverpunt (GeenRelatieMetDoel for an OV or RP
 *    point: an SWV request never reaches a transfer point); malformed → OngeldigVerzoek;
 * 2. the session (kind 'swv') is checked at the traffic center first, with the commitment the
 *    request carries — the traffic center also vouches that the requester is a samenwerkingsverband;
 * 3. the koppelsleutel is unsealed with the point's private key (altered → OngeldigVerzoek) and must
 *    match the commitment (else SessieAfwijkend);
 * 4. a requester over its limit of failed look-ups → TeVeelVerzoeken;
 * 5. the key is looked up by keyed hash: unknown (or a wrong check character) → LeerlingNietGevonden,
 *    counted as a failed look-up; issued for another samenwerkingsverband → NietKlaargezet; the
 *    dossier ready for the requester → OverdrachtGeslaagd with the XML sealed to the requester's
 *    point (or NietGewijzigd); its readiness expired → DossierVerlopen; otherwise NietKlaargezet.
 *
 * Every answer is audited without the key ('dossier.delivered' for a delivery).
 */
export async function answerSwvRequest(
  ctx: ChainCallCtx,
  deps: AnswerDeps,
  routingKey: string,
  request: SwvRequest,
): Promise<DocumentResponse> {
  const point = await findDeliveryPoint(ctx.db, routingKey);
  if (!point?.active) return { result: 'OnbekendAanleverpunt' };
  if (point.purpose !== 'SWV') return refuse(ctx, point, request, 'GeenRelatieMetDoel');
  if (!wellFormed(request)) return refuse(ctx, point, request, 'OngeldigVerzoek');

  const checked = await deps.trafficCenter.checkSession(
    request.sessionId,
    {
      sourceDeliveryPoint: point.routingKey,
      sourceBrin: point.brin,
      destinationBrin: request.destinationBrin,
      kind: 'swv',
      commitment: request.commitment,
    },
    ctx.requestId,
  );
  if (checked.result !== 'ok') return refuse(ctx, point, request, checked.result);
  const to = checked.destinationDeliveryPoint;
  if (to.brin !== request.destinationBrin) return refuse(ctx, point, request, 'SessieAfwijkend');

  const key = await unsealKey(ctx, point, request);
  if (!key) return refuse(ctx, point, request, 'OngeldigVerzoek');
  if (!koppelsleutelCommitmentMatches(key, request.commitment)) {
    return refuse(ctx, point, request, 'SessieAfwijkend');
  }

  const at = ctx.now();
  if (await isBlocked(ctx.db, request.destinationBrin, at)) {
    return refuse(ctx, point, request, 'TeVeelVerzoeken');
  }
  const hash = await koppelsleutelHasher(ctx);

  return ctx.db.transaction(async (tx) => {
    const issued =
      koppelsleutelProblem(key.koppelsleutel) === undefined
        ? await findKoppelsleutel(tx, point.brin, hash(key.koppelsleutel))
        : undefined;
    let answer: DocumentResponse;
    let version: number | undefined;
    if (!issued) {
      answer = { result: 'LeerlingNietGevonden' };
      await countFailedLookup(tx, request.destinationBrin, at, deps.lookupLimit, request.sessionId);
    } else if (issued.destinationBrin !== request.destinationBrin) {
      answer = { result: 'NietKlaargezet' };
    } else {
      const readiness = await readinessFor(tx, issued.dossierId, request.destinationBrin);
      if (readiness.state === 'klaargezet') {
        version = readiness.version;
        const since = request.onlyIfChangedSince ? new Date(request.onlyIfChangedSince) : undefined;
        answer =
          since && readiness.changedAt.getTime() <= since.getTime()
            ? { result: 'NietGewijzigd', versionReadyAt: readiness.readyAt.toISOString() }
            : {
                result: 'OverdrachtGeslaagd',
                dossier: await seal(to.publicKey, await versionXml(tx, ctx.keyring, readiness.versionId), {
                  info: SEAL_INFO.dossier,
                  aad: request.sessionId,
                }),
                versionReadyAt: readiness.readyAt.toISOString(),
              };
      } else {
        answer = { result: readiness.state === 'verlopen' ? 'DossierVerlopen' : 'NietKlaargezet' };
      }
    }
    await audit.record(
      tx,
      asPeerCtx(ctx),
      answer.result === 'OverdrachtGeslaagd' ? 'dossier.delivered' : 'chain.swv-request',
      {
        schoolBrin: point.brin,
        ...(issued ? { subject: issued.dossierId } : {}),
        details: {
          kind: 'swv',
          result: answer.result,
          destinationBrin: request.destinationBrin,
          sessionId: request.sessionId,
          ...(version !== undefined ? { version } : {}),
        },
      },
    );
    return answer;
  });
}

type Readiness =
  | {
      state: 'klaargezet';
      version: number;
      versionId: string;
      readyAt: Date;
      /** When the content of the ready version last changed. */
      changedAt: Date;
    }
  | { state: 'verlopen' | 'none' };

/**
 * The dossier's readiness for the destination, as findReadyDossier decides it: ready, expired at
 * the summer switch (and not set ready for another school since), or anything else.
 */
async function readinessFor(tx: Tx, dossierId: string, destinationBrin: string): Promise<Readiness> {
  const { rows } = await tx.query<{
    state: 'klaargezet' | 'ingetrokken' | 'verlopen';
    dossier_state: string;
    ready_at: Date;
    version: number;
    version_id: string;
    changed_at: Date;
  }>(
    `SELECT t.state, d.state AS dossier_state, t.ready_at, v.version, v.id AS version_id,
            greatest(v.created_at, coalesce(v.inspected_at, v.created_at)) AS changed_at
       FROM gw.dossier_destinations t
       JOIN gw.dossiers d ON d.id = t.dossier_id
       JOIN gw.dossier_versions v ON v.id = t.version_id
      WHERE t.dossier_id = $1 AND t.destination_brin = $2
      ORDER BY t.state = 'klaargezet' DESC, t.ready_at DESC
      LIMIT 1`,
    [dossierId, destinationBrin],
  );
  const latest = rows[0];
  if (latest?.state === 'klaargezet') {
    return {
      state: 'klaargezet',
      version: latest.version,
      versionId: latest.version_id,
      readyAt: latest.ready_at,
      changedAt: latest.changed_at,
    };
  }
  return { state: latest?.state === 'verlopen' && latest.dossier_state === 'verlopen' ? 'verlopen' : 'none' };
}

function wellFormed(r: SwvRequest): boolean {
  return (
    typeof r?.sessionId === 'string' &&
    r.sessionId.length > 0 &&
    r.sessionId.length <= 100 &&
    typeof r.destinationBrin === 'string' &&
    isBrin(r.destinationBrin) &&
    typeof r.commitment === 'string' &&
    COMMITMENT.test(r.commitment) &&
    typeof r.koppelsleutel?.enc === 'string' &&
    typeof r.koppelsleutel?.ct === 'string' &&
    (r.onlyIfChangedSince === undefined || !Number.isNaN(Date.parse(r.onlyIfChangedSince)))
  );
}

/** The unsealed key, or undefined when the box cannot be opened or does not hold one. */
async function unsealKey(
  ctx: ChainCallCtx,
  point: HostedDeliveryPoint,
  request: SwvRequest,
): Promise<SwvKey | undefined> {
  // The current key, or an earlier one in its grace period after a key rotation.
  const keys = await deliveryPointKeys(ctx.db, ctx.keyring, point.routingKey, ctx.now());
  try {
    const plain = await keys.open(request.koppelsleutel, {
      info: SEAL_INFO.koppelsleutel,
      aad: request.sessionId,
    });
    const key = JSON.parse(Buffer.from(plain).toString('utf8')) as SwvKey;
    if (
      !key ||
      typeof key !== 'object' ||
      typeof key.koppelsleutel !== 'string' ||
      key.koppelsleutel.length > 40 ||
      typeof key.salt !== 'string'
    ) {
      return undefined;
    }
    return key;
  } catch (e) {
    if (isAppError(e) || e instanceof SyntaxError) return undefined;
    throw e;
  }
}

/** A refusal before any key was looked up: audited (no key), nothing stored. */
async function refuse(
  ctx: ChainCallCtx,
  point: HostedDeliveryPoint,
  request: Partial<SwvRequest>,
  result: ResultCode,
): Promise<DocumentResponse> {
  await audit.record(ctx.db, asPeerCtx(ctx), 'chain.swv-request.refused', {
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
