import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx, Keyring } from '../platform/context.js';
import type { Db } from '../platform/db/index.js';
import { actorOf, type HttpServer } from '../platform/http/server.js';
import * as S from './schemas.js';

/** Authenticates the caller (an API key, or a signed-in person's session with CSRF) and sets request.actor. */
export type RouteAuth = (request: FastifyRequest, reply: FastifyReply) => Promise<void> | void;

/**
 * What every route file of the region module starts with: the typed API, the caller's context of
 * a request, the authentication hook, the OpenAPI tag and the error responses.
 */
export function regionRouteKit(
  app: HttpServer,
  deps: { db: Db; keyring: Keyring; now?: () => Date; auth: RouteAuth },
  tag: string,
) {
  const now = deps.now ?? (() => new Date());
  return {
    api: app.withTypeProvider<TypeBoxTypeProvider>(),
    now,
    ctxOf: (request: FastifyRequest): Ctx => ({
      db: deps.db,
      keyring: deps.keyring,
      actor: actorOf(request),
      requestId: request.id,
      now,
    }),
    preHandler: deps.auth,
    base: { tags: [tag], security: [{ apiKey: [] }] },
    errors: S.errors,
    changeErrors: { ...S.errors, 409: S.ErrorBody, 422: S.ErrorBody },
    /** A file to download (an export), never cached. */
    download: (reply: FastifyReply, type: string, filename: string) =>
      reply
        .header('content-type', type)
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store'),
  };
}
