import { Type } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorBody } from '../auth/schemas.js';
import type { Db } from '../db/index.js';
import { actorOf, type HttpServer } from '../http/server.js';
import { verifyAuditLog } from './verify-audit-log.js';

const Head = Type.Object({
  seq: Type.Integer({ minimum: 1 }),
  hash: Type.String({ pattern: '^[0-9a-f]{64}$' }),
});
const Verdict = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer({ minimum: 0 }),
  firstBrokenSeq: Type.Optional(Type.Integer()),
  reason: Type.Optional(Type.String()),
  head: Type.Optional(Head),
});

/** The audit log's routes on the JSON API (the operator's key or session: audit:read). */
export function registerAuditRoutes(
  app: HttpServer,
  deps: { db: Db; adminAuth: (request: FastifyRequest, reply: FastifyReply) => Promise<void> | void },
): void {
  app.post(
    '/api/audit/verify',
    {
      preHandler: deps.adminAuth,
      schema: {
        tags: ['audit'],
        security: [{ apiKey: [] }],
        summary:
          'Verify the audit log’s hash chain (numbering, links, every hash); optionally that it still reaches a head kept from an earlier run. The verification is recorded.',
        body: Type.Optional(Type.Object({ expectedHead: Type.Optional(Head) })),
        response: { 200: Verdict, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request) =>
      verifyAuditLog(
        { db: deps.db, actor: actorOf(request), requestId: request.id, now: () => new Date() },
        request.body ?? {},
      ),
  );
}
