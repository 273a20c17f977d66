import { createHash } from 'node:crypto';
import { Agent, type RequestOptions, request } from 'node:https';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { Message } from '../../standard/index.js';
import { AppError } from '../errors.js';
import type { TlsMaterial } from '../pki/index.js';

/**
 * Mutual TLS for the chain (DESIGN.md §4): every node presents a certificate from the chain CA and
 * trusts only that CA. `mtlsServerOptions` configures the server side (`https.createServer`, or
 * Fastify's `https` option); `createChainClient` the calling side; `peerFingerprint` tells a
 * server which system called (the traffic center maps it to a supplier system).
 */

export interface MtlsServerOptions {
  cert: string;
  key: string;
  ca: string;
  requestCert: true;
  rejectUnauthorized: true;
  minVersion: 'TLSv1.2';
}

export function mtlsServerOptions(material: TlsMaterial): MtlsServerOptions {
  return {
    cert: material.cert,
    key: material.key,
    ca: material.ca,
    requestCert: true,
    rejectUnauthorized: true,
    minVersion: 'TLSv1.2',
  };
}

/**
 * The SHA-256 fingerprint (lower-case hex of the DER) of the verified client certificate on a TLS
 * socket — equal to `certificateFingerprint` of that certificate's PEM — or undefined when the
 * peer presented none or it did not verify.
 */
export function peerFingerprint(socket: Socket | TLSSocket): string | undefined {
  const tls = socket as TLSSocket;
  if (typeof tls.getPeerX509Certificate !== 'function' || !tls.authorized) return undefined;
  // The X509Certificate wraps OpenSSL's own: several times cheaper, on every chain call, than
  // getPeerCertificate(), which builds an object of every field first.
  const cert = tls.getPeerX509Certificate();
  if (!cert?.raw) return undefined;
  return createHash('sha256').update(cert.raw).digest('hex');
}

export interface ChainResponse<T> {
  status: number;
  body: T;
}

export interface ChainCallOptions {
  /** Sent as x-request-id, so both sides' logs and audit entries can be correlated. */
  requestId: string;
  headers?: Record<string, string>;
  /**
   * Runs the wait for the other node (connect, send, answer; not the JSON work around it): a
   * dossier request lends its transfer slot meanwhile (gateway/receiving/transfer-slots.ts). Calls
   * a node makes to itself in process do not use it: that is work on this node.
   */
  away?: <R>(wait: () => Promise<R>) => Promise<R>;
}

export interface ChainClient {
  postJson<T>(url: string, body: unknown, options: ChainCallOptions): Promise<ChainResponse<T>>;
  getJson<T>(url: string, options: ChainCallOptions): Promise<ChainResponse<T>>;
  /** Closes the kept-alive connections. */
  close(): void;
}

export interface ChainClientOptions {
  /** Whole-call limit: connect, TLS, request and response. */
  timeoutMs: number;
  /** Largest response body accepted (a sealed dossier with attachments); default 128 MiB. */
  maxResponseBytes?: number;
  /**
   * Most connections per peer; default 256. Not small: a gateway's answer to a document request
   * calls the traffic center itself while the request that asked still holds its connection, so
   * with as many requests in flight as connections (all-in-one: one peer) nobody could go on.
   */
  maxSockets?: number;
}

type Failure = 'refused' | 'dns' | 'tls' | 'timeout' | 'reset' | 'other';

const REASONS: Record<Failure, Message> = {
  refused: { nl: 'de verbinding werd geweigerd', en: 'the connection was refused' },
  dns: { nl: 'de naam van de server is onbekend', en: 'the server name is unknown' },
  tls: {
    nl: 'de beveiligde verbinding (TLS) werd geweigerd: controleer de certificaten',
    en: 'the secure connection (TLS) was refused: check the certificates',
  },
  timeout: { nl: 'er kwam geen antwoord op tijd', en: 'no answer came in time' },
  reset: { nl: 'de verbinding werd onderbroken', en: 'the connection was broken off' },
  other: { nl: 'de verbinding mislukte', en: 'the connection failed' },
};

/**
 * A JSON client for chain calls over HTTPS with mutual TLS: presents the node's certificate,
 * trusts only the chain CA, keeps connections alive. Any HTTP status is returned as is (the
 * caller reads the OSO result code or the error body); a failure to reach the peer (connection
 * refused, TLS refused, timeout) throws AppError('CHAIN_UNREACHABLE', { url, reason }), and an
 * unreadable answer AppError('CHAIN_PROTOCOL_ERROR') — no stack, no socket details for the user.
 */
export function createChainClient(material: TlsMaterial, options: ChainClientOptions): ChainClient {
  const agent = new Agent({
    keepAlive: true,
    maxSockets: options.maxSockets ?? 256,
    cert: material.cert,
    key: material.key,
    ca: material.ca,
    minVersion: 'TLSv1.2',
    rejectUnauthorized: true,
  });
  const maxBytes = options.maxResponseBytes ?? 128 * 1024 * 1024;

  async function call<T>(method: 'GET' | 'POST', url: string, body: unknown, callOptions: ChainCallOptions) {
    const target = parseUrl(url);
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string | number> = {
      accept: 'application/json',
      'x-request-id': callOptions.requestId,
      ...callOptions.headers,
    };
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = payload.length;
    }
    const requestOptions: RequestOptions = { method, agent, headers, timeout: options.timeoutMs };
    const exchange = async (): Promise<{ status: number; body: Buffer }> => {
      try {
        return await send(target, requestOptions, payload, options.timeoutMs, maxBytes);
      } catch (e) {
        // A kept-alive connection the peer had just closed: the request never reached it. Node's
        // documentation recommends exactly one retry on a fresh connection.
        if (!(e instanceof SendError && e.reusedSocket && e.failure === 'reset')) throw toAppError(e, target);
        try {
          return await send(target, requestOptions, payload, options.timeoutMs, maxBytes);
        } catch (again) {
          throw toAppError(again, target);
        }
      }
    };
    const raw = callOptions.away ? await callOptions.away(exchange) : await exchange();
    if (raw.body.length === 0) return { status: raw.status, body: undefined as T };
    try {
      return { status: raw.status, body: JSON.parse(raw.body.toString('utf8')) as T };
    } catch {
      throw new AppError('CHAIN_PROTOCOL_ERROR', {
        url: target.origin,
        status: raw.status,
        reason: 'not-json',
      });
    }
  }

  return {
    postJson: (url, body, o) => call('POST', url, body, o),
    getJson: (url, o) => call('GET', url, undefined, o),
    close: () => agent.destroy(),
  };
}

class SendError extends Error {
  constructor(
    readonly failure: Failure | 'too-large',
    readonly errorCode: string | undefined,
    readonly reusedSocket: boolean,
  ) {
    super(failure);
  }
}

function send(
  target: URL,
  options: RequestOptions,
  payload: Buffer | undefined,
  timeoutMs: number,
  maxBytes: number,
): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const req = request(target, options);
    const fail = (failure: Failure | 'too-large', code?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new SendError(failure, code, req.reusedSocket));
      req.destroy();
    };
    // The socket timeout only notices silence; this bounds the whole call.
    const timer = setTimeout(() => fail('timeout', 'ETIMEDOUT'), timeoutMs);
    req.on('timeout', () => fail('timeout', 'ETIMEDOUT'));
    req.on('error', (e: NodeJS.ErrnoException) => fail(classify(e), e.code));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) return fail('too-large');
        chunks.push(chunk);
      });
      res.on('error', (e: NodeJS.ErrnoException) => fail(classify(e), e.code));
      res.on('aborted', () => fail('reset', 'ECONNRESET'));
      res.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) });
      });
    });
    req.end(payload);
  });
}

function classify(e: NodeJS.ErrnoException): Failure {
  const code = e.code ?? '';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'dns';
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') return 'timeout';
  if (
    code.startsWith('ERR_SSL') ||
    code.startsWith('ERR_TLS') ||
    code.includes('CERT') ||
    code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
    code === 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' ||
    code === 'EPROTO'
  ) {
    return 'tls';
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED') return 'reset';
  return 'other';
}

function toAppError(e: unknown, target: URL): AppError {
  if (e instanceof AppError) return e;
  const url = target.origin;
  if (!(e instanceof SendError)) return new AppError('CHAIN_UNREACHABLE', { url, reason: 'other' });
  if (e.failure === 'too-large')
    return new AppError('CHAIN_PROTOCOL_ERROR', { url, reason: 'response-too-large' });
  const failure = e.failure;
  const code = e.errorCode;
  const reason = REASONS[failure];
  return new AppError(
    'CHAIN_UNREACHABLE',
    { url, reason: failure, ...(code ? { errorCode: code } : {}) },
    {
      nl: `De andere partij in de keten (${url}) is niet bereikbaar: ${reason.nl}. Probeer het later opnieuw.`,
      en: `The other party in the chain (${url}) cannot be reached: ${reason.en}. Try again later.`,
    },
  );
}

function parseUrl(url: string): URL {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new AppError('VALIDATION_FAILED', { url, reason: 'not a URL' });
  }
  if (target.protocol !== 'https:') {
    throw new AppError('VALIDATION_FAILED', { url: target.origin, reason: 'chain calls use https' });
  }
  return target;
}
