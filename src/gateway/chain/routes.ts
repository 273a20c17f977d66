import type { FastifyReply, FastifyRequest } from 'fastify';
import { chainCallerFingerprint } from '../../platform/http/in-process-chain.js';
import type { HttpServer } from '../../platform/http/server.js';
import { CHAIN_PREFIX } from '../../platform/protocol.js';
import type { GatewayDeps } from '../deps.js';
import * as S from '../http/schemas.js';
import { FeedbackBody, SwvRequestBody } from '../http/swv-schemas.js';
import { receiveReadyNotice } from '../receiving/receive-ready-notice.js';
import { answerDocumentRequest } from '../sending/answer-document-request.js';
import { answerSwvRequest } from '../sending/answer-swv-request.js';
import { DEFAULT_LOOKUP_LIMIT } from '../sending/lookup-limit.js';
import { receiveFeedback } from '../sending/receive-feedback.js';
import { receiveRegistrationNotice } from '../sending/receive-registration-notice.js';
import type { ChainCallCtx } from './chain-ctx.js';

export type GatewayChainRouteDeps = Pick<GatewayDeps, 'db' | 'keyring' | 'chain' | 'lookupLimit' | 'now'>;

/**
 * The gateway's chain endpoints (gateway ↔ gateway over mutual TLS), one set per delivery point:
 *
 *   POST /chain/v1/delivery-points/:routingKey/document-requests   → DocumentResponse
 *   POST /chain/v1/delivery-points/:routingKey/notices             → {result}
 *   POST /chain/v1/delivery-points/:routingKey/registration-notices → {result}
 *   POST /chain/v1/delivery-points/:routingKey/swv-requests        → DocumentResponse (SWV points)
 *   POST /chain/v1/delivery-points/:routingKey/feedback            → {result} (terugkoppeling)
 *
 * The caller is its verified client certificate (chain CA): without one the answer is HTTP 401
 * `{result: 'VerstrekkerNietBekend'}`. Protocol answers are HTTP 200 with an OSO-style result code,
 * as at the traffic center; malformed JSON is a 400 in the platform's error shape.
 */
export function registerGatewayChainRoutes(app: HttpServer, deps: GatewayChainRouteDeps): void {
  const now = deps.now ?? (() => new Date());
  const answerDeps = {
    trafficCenter: deps.chain.trafficCenter,
    lookupLimit: deps.lookupLimit ?? DEFAULT_LOOKUP_LIMIT,
  };
  const chainCtx = (request: FastifyRequest): ChainCallCtx => ({
    db: deps.db,
    keyring: deps.keyring,
    requestId: request.id,
    now,
    peerFingerprint: chainCallerFingerprint(request),
  });
  /** Undefined when the caller presented a verified certificate; the 401 answer otherwise. */
  const unknownCaller = (ctx: ChainCallCtx, reply: FastifyReply) => {
    if (ctx.peerFingerprint) return undefined;
    reply.status(401);
    return { result: 'VerstrekkerNietBekend' as const };
  };
  const schema = { tags: ['chain'], security: [] };
  const path = `${CHAIN_PREFIX}/delivery-points/:routingKey`;

  app.post(
    `${path}/document-requests`,
    {
      schema: {
        ...schema,
        summary: 'Document request (receiving gateway → source delivery point)',
        params: S.RoutingKeyParams,
        body: S.DocumentRequestBody,
        response: { 200: S.DocumentResponseBody, 400: S.ErrorBody, 401: S.DocumentResponseBody },
      },
    },
    async (request, reply) => {
      const ctx = chainCtx(request);
      return (
        unknownCaller(ctx, reply) ??
        answerDocumentRequest(ctx, answerDeps, request.params.routingKey, request.body)
      );
    },
  );
  app.post(
    `${path}/notices`,
    {
      schema: {
        ...schema,
        summary: 'Ready notice: a dossier became ready for a school that asked before',
        params: S.RoutingKeyParams,
        body: S.ReadyNoticeBody,
        response: { 200: S.NoticeAnswer, 400: S.ErrorBody, 401: S.NoticeAnswer },
      },
    },
    async (request, reply) => {
      const ctx = chainCtx(request);
      return unknownCaller(ctx, reply) ?? receiveReadyNotice(ctx, request.params.routingKey, request.body);
    },
  );
  app.post(
    `${path}/registration-notices`,
    {
      schema: {
        ...schema,
        summary: 'Registration notice: a pupil of the school registered elsewhere',
        params: S.RoutingKeyParams,
        body: S.RegistrationNoticeBody,
        response: { 200: S.NoticeAnswer, 400: S.ErrorBody, 401: S.NoticeAnswer },
      },
    },
    async (request, reply) => {
      const ctx = chainCtx(request);
      return (
        unknownCaller(ctx, reply) ?? receiveRegistrationNotice(ctx, request.params.routingKey, request.body)
      );
    },
  );
  app.post(
    `${path}/swv-requests`,
    {
      schema: {
        ...schema,
        summary: 'SWV request by koppelsleutel (samenwerkingsverband → source SWV delivery point)',
        params: S.RoutingKeyParams,
        body: SwvRequestBody,
        response: { 200: S.DocumentResponseBody, 400: S.ErrorBody, 401: S.DocumentResponseBody },
      },
    },
    async (request, reply) => {
      const ctx = chainCtx(request);
      return (
        unknownCaller(ctx, reply) ??
        answerSwvRequest(ctx, answerDeps, request.params.routingKey, request.body)
      );
    },
  );
  app.post(
    `${path}/feedback`,
    {
      schema: {
        ...schema,
        summary: 'Feedback (terugkoppeling) about a pupil whose dossier the sender received',
        params: S.RoutingKeyParams,
        body: FeedbackBody,
        response: { 200: S.NoticeAnswer, 400: S.ErrorBody, 401: S.NoticeAnswer },
      },
    },
    async (request, reply) => {
      const ctx = chainCtx(request);
      return unknownCaller(ctx, reply) ?? receiveFeedback(ctx, request.params.routingKey, request.body);
    },
  );
}
