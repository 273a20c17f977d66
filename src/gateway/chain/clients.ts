import { AppError } from '../../platform/errors.js';
import { type InProcessChainOptions, inProcessChainClient } from '../../platform/http/in-process-chain.js';
import {
  type ChainCallOptions,
  type ChainClient,
  type ChainResponse,
  createChainClient,
} from '../../platform/http/mtls.js';
import type { TlsMaterial } from '../../platform/pki/index.js';
import {
  CHAIN_PREFIX,
  type DeliveryPointPurpose,
  type DeliveryPointRef,
  type DocumentRequest,
  type DocumentResponse,
  type Feedback,
  RESULT_CODES,
  type ReadyNotice,
  type RegistrationNotice,
  type ResultCode,
  type SessionCheckRequest,
  type SessionCloseRequest,
  type SessionStartRequest,
  type SessionStartResponse,
  type SwvRequest,
} from '../../platform/protocol.js';

/**
 * How the gateway talks to the chain: the traffic center and other gateways' delivery points, over
 * HTTPS with mutual TLS (DESIGN.md §4). Use cases receive these interfaces; production and the
 * scenario tests use `createGatewayChainClients` (real HTTP, real certificates).
 *
 * Every answer of the traffic center is `{result: 'ok', …}` or an OSO-style refusal `{result}`;
 * a peer that cannot be reached throws AppError('CHAIN_UNREACHABLE').
 */
export type Refusal = { result: ResultCode };
export type TcAnswer<T> = ({ result: 'ok' } & T) | Refusal;

/** The document request on the wire: protocol.ts's message plus the session's commitment. */
/** A document request as sent (the protocol message, including the session's commitment). */
export type DocumentRequestMessage = DocumentRequest;

export interface TrafficCenterClient {
  startSession(body: SessionStartRequest, requestId: string): Promise<TcAnswer<SessionStartResponse>>;
  checkSession(
    sessionId: string,
    body: SessionCheckRequest,
    requestId: string,
  ): Promise<TcAnswer<{ destinationDeliveryPoint: DeliveryPointRef }>>;
  closeSession(sessionId: string, body: SessionCloseRequest, requestId: string): Promise<TcAnswer<object>>;
  /** The delivery-point overview: usable points of admitted schools. */
  deliveryPoints(
    filter: { brin?: string; purpose?: DeliveryPointPurpose },
    requestId: string,
  ): Promise<TcAnswer<{ deliveryPoints: DeliveryPointRef[] }>>;
}

export interface PeerClient {
  /** POST <delivery point url>/document-requests */
  requestDocument(
    point: DeliveryPointRef,
    body: DocumentRequestMessage,
    requestId: string,
  ): Promise<DocumentResponse>;
  /** POST <delivery point url>/notices */
  sendReadyNotice(point: DeliveryPointRef, body: ReadyNotice, requestId: string): Promise<void>;
  /** POST <delivery point url>/registration-notices */
  sendRegistrationNotice(point: DeliveryPointRef, body: RegistrationNotice, requestId: string): Promise<void>;
  /** POST <SWV delivery point url>/swv-requests: an SWV asks by koppelsleutel. */
  requestSwvDossier(point: DeliveryPointRef, body: SwvRequest, requestId: string): Promise<DocumentResponse>;
  /** POST <delivery point url>/feedback: the OSO terugkoppeling; `{result: 'ok'}` or a refusal. */
  sendFeedback(point: DeliveryPointRef, body: Feedback, requestId: string): Promise<TcAnswer<object>>;
}

export interface GatewayChain {
  trafficCenter: TrafficCenterClient;
  peers: PeerClient;
  /**
   * The same clients for one dossier request, whose waits for other nodes run through `away` (its
   * transfer slot lent out meanwhile, ADR 0013); absent where there is nothing to lend.
   */
  lending?(away: NonNullable<ChainCallOptions['away']>): GatewayChain;
}

export interface ChainClientsOptions {
  /** This gateway's certificate, key and the chain CA (PEM). */
  tls: TlsMaterial;
  /** Base URL of the traffic center's chain endpoints, e.g. https://tc.example:8443 */
  trafficCenterUrl: string;
  timeoutMs?: number;
  /** Calls to this node's own chain origins (its traffic center, its delivery points) in process (ADR 0009). */
  inProcess?: InProcessChainOptions;
}

const RESULTS: ReadonlySet<string> = new Set(RESULT_CODES);

/** Reads a chain answer: `{result}` of a known code, or a mapped HTTP failure. */
function answerOf<T>(response: ChainResponse<unknown>, url: string): TcAnswer<T> {
  const body = response.body as { result?: unknown } | undefined;
  if (body && typeof body === 'object' && (body.result === 'ok' || RESULTS.has(String(body.result)))) {
    return body as TcAnswer<T>;
  }
  if (response.status === 400 || response.status === 404 || response.status === 413) {
    return { result: 'OngeldigVerzoek' };
  }
  if (response.status === 429) return { result: 'TeVeelVerzoeken' };
  if (response.status >= 500) return { result: 'TechnischeFout' };
  throw new AppError('CHAIN_PROTOCOL_ERROR', { url: new URL(url).origin, status: response.status });
}

export function createGatewayChainClients(
  options: ChainClientsOptions,
): GatewayChain & Required<Pick<GatewayChain, 'lending'>> & { close(): void } {
  const network = createChainClient(options.tls, { timeoutMs: options.timeoutMs ?? 30_000 });
  const client: ChainClient = options.inProcess ? inProcessChainClient(network, options.inProcess) : network;
  const tc = `${options.trafficCenterUrl.replace(/\/+$/, '')}${CHAIN_PREFIX}`;
  const clients = (
    away?: ChainCallOptions['away'],
  ): GatewayChain & Required<Pick<GatewayChain, 'lending'>> => {
    const call = (requestId: string): ChainCallOptions => (away ? { requestId, away } : { requestId });
    const post = async <T>(url: string, body: unknown, requestId: string) =>
      answerOf<T>(await client.postJson(url, body, call(requestId)), url);
    const at = (point: DeliveryPointRef, path: string) => `${point.url.replace(/\/+$/, '')}/${path}`;

    const trafficCenter: TrafficCenterClient = {
      startSession: (body, requestId) => post(`${tc}/sessions`, body, requestId),
      checkSession: (sessionId, body, requestId) =>
        post(`${tc}/sessions/${encodeURIComponent(sessionId)}/check`, body, requestId),
      closeSession: (sessionId, body, requestId) =>
        post(`${tc}/sessions/${encodeURIComponent(sessionId)}/close`, body, requestId),
      async deliveryPoints(filter, requestId) {
        const query = new URLSearchParams();
        if (filter.brin) query.set('brin', filter.brin);
        if (filter.purpose) query.set('purpose', filter.purpose);
        const url = `${tc}/delivery-points?${query}`;
        return answerOf(await client.getJson(url, call(requestId)), url);
      },
    };

    const peers: PeerClient = {
      async requestDocument(point, body, requestId) {
        const answer = await post<DocumentResponse>(at(point, 'document-requests'), body, requestId);
        return answer as DocumentResponse;
      },
      async sendReadyNotice(point, body, requestId) {
        await expectAccepted(client, at(point, 'notices'), body, call(requestId));
      },
      async sendRegistrationNotice(point, body, requestId) {
        await expectAccepted(client, at(point, 'registration-notices'), body, call(requestId));
      },
      async requestSwvDossier(point, body, requestId) {
        return (await post<DocumentResponse>(at(point, 'swv-requests'), body, requestId)) as DocumentResponse;
      },
      sendFeedback: (point, body, requestId) => post(at(point, 'feedback'), body, requestId),
    };
    return { trafficCenter, peers, lending: clients };
  };
  return { ...clients(), close: () => client.close() };
}

/** A notice is delivered when the peer says so (2xx); anything else throws, so the job retries. */
async function expectAccepted(
  client: ChainClient,
  url: string,
  body: unknown,
  callOptions: ChainCallOptions,
): Promise<void> {
  const response = await client.postJson<{ result?: string }>(url, body, callOptions);
  if (response.status < 200 || response.status >= 300) {
    throw new AppError('CHAIN_PROTOCOL_ERROR', {
      url: new URL(url).origin,
      status: response.status,
      result: response.body?.result ?? null,
    });
  }
}
