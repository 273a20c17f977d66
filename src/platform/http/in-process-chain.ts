import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Socket } from 'node:net';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { ChainCallOptions, ChainClient, ChainResponse } from './mtls.js';
import { peerFingerprint } from './mtls.js';
import type { HttpServer } from './server.js';

/**
 * Chain calls from a node to itself, in process (ADR 0009).
 *
 * An all-in-one node hosts the traffic center and the gateway of many schools. Its gateway calls
 * its own traffic center on every transfer, and a delivery between two of its schools calls its
 * own delivery point. Over the network each such call would be mutual TLS to itself on loopback.
 * `inProcessChainClient` sends a call whose URL starts with one of the node's own chain origins
 * straight into the node's chain server with Fastify's `inject`. The same routes, schemas,
 * serialization, use cases, audit and logs run. Only the socket and TLS are left out. Any other URL
 * goes over the network client as before.
 *
 * The caller of a chain route is the certificate it presented. In process there is no TLS, so the
 * call carries a secret made for this client (32 random bytes, never logged or sent out). The chain
 * routes take it as this node's own certificate, and only on a request that came through `inject`,
 * never on one from a network connection.
 */

const HEADER = 'x-overstap-in-process';
/** secret → the certificate fingerprint the node's own calls carry; one per in-process client. */
const callers = new Map<string, string>();

/**
 * The fingerprint of a chain call's caller: its verified client certificate, or for an in-process
 * call of this node (no TLS, the client's secret) the node's own certificate.
 */
export function chainCallerFingerprint(request: FastifyRequest): string | undefined {
  // a real connection (TLS or not) is known by its certificate alone
  if (request.raw.socket instanceof Socket) return peerFingerprint(request.raw.socket);
  const secret = request.headers[HEADER];
  if (typeof secret !== 'string') return undefined;
  for (const [known, fingerprint] of callers) {
    if (known.length === secret.length && timingSafeEqual(Buffer.from(known), Buffer.from(secret)))
      return fingerprint;
  }
  return undefined;
}

/**
 * Loads the in-process transport (Fastify's inject, light-my-request) with one call before the
 * node serves or runs jobs. On Node 20 its first load `require()`s an ES module (`cookie`), and two
 * first calls at once fail there (ERR_INTERNAL_ASSERTION: "not yet fully loaded").
 */
export async function warmUpInProcessChain(server: HttpServer): Promise<void> {
  await server.inject({ method: 'GET', url: '/health' });
}

export interface InProcessChainOptions {
  /** The node's chain server (its mutual-TLS listener's Fastify instance). */
  server: HttpServer;
  /** The node's own chain origins (its public chain URL, its listener's address), read per call. */
  origins: () => readonly string[];
  /** SHA-256 (hex) of the node's own chain certificate: who its in-process calls are. */
  fingerprint: string;
}

/** `network` for calls to other nodes; calls to this node's own chain origins in process. */
export function inProcessChainClient(
  network: ChainClient,
  options: InProcessChainOptions,
): ChainClient & {
  close(): void;
} {
  const secret = randomBytes(32).toString('base64url');
  callers.set(secret, options.fingerprint);
  const own = (url: string): string | undefined => {
    const target = new URL(url);
    const origins = options.origins().map((o) => new URL(o).origin);
    return origins.includes(target.origin) ? `${target.pathname}${target.search}` : undefined;
  };

  async function call<T>(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    callOptions: ChainCallOptions,
  ): Promise<ChainResponse<T>> {
    const response = await options.server.inject({
      method,
      url: path,
      headers: {
        accept: 'application/json',
        'x-request-id': callOptions.requestId,
        ...callOptions.headers,
        [HEADER]: secret,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    if (response.body.length === 0) return { status: response.statusCode, body: undefined as T };
    try {
      return { status: response.statusCode, body: JSON.parse(response.body) as T };
    } catch {
      throw new AppError('CHAIN_PROTOCOL_ERROR', {
        url: path,
        status: response.statusCode,
        reason: 'not-json',
      });
    }
  }

  return {
    postJson<T>(url: string, body: unknown, callOptions: ChainCallOptions) {
      const path = own(url);
      return path === undefined
        ? network.postJson<T>(url, body, callOptions)
        : call<T>('POST', path, body, callOptions);
    },
    getJson<T>(url: string, callOptions: ChainCallOptions) {
      const path = own(url);
      return path === undefined
        ? network.getJson<T>(url, callOptions)
        : call<T>('GET', path, undefined, callOptions);
    },
    close() {
      callers.delete(secret);
      network.close();
    },
  };
}
