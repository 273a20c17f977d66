import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { requireApiKey } from '../../platform/auth/api-keys.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, type HttpServer } from '../../platform/http/server.js';
import type { GatewayDeps } from '../deps.js';
import { registerHostingRoutes } from './hosting-routes.js';
import { registerInspectionRoutes } from './inspection-routes.js';
import { registerReceivingRoutes } from './receiving-routes.js';
import type { RouteKit } from './route-kit.js';
import { registerSendingRoutes } from './sending-routes.js';
import { registerSwvRoutes } from './swv-routes.js';
import { registerWorklistRoutes } from './worklist-routes.js';

/**
 * The gateway's JSON API for integrators (school administrations) under /api/gw, described by
 * OpenAPI. Every route is the same pipeline: API key → schema → use case → answer; the use case
 * checks the permission and the school. Dossiers travel as OSO XML (`application/xml`).
 */
export function registerGatewayApiRoutes(
  app: HttpServer,
  deps: GatewayDeps & { auth?: preHandlerAsyncHookHandler },
): void {
  const now = deps.now ?? (() => new Date());
  const kit: RouteKit = {
    deps,
    ctx: (request: FastifyRequest): Ctx => ({
      db: deps.db,
      keyring: deps.keyring,
      actor: actorOf(request),
      requestId: request.id,
      now,
    }),
    preHandler: deps.auth ?? requireApiKey(deps.db),
    tags: (tag) => ({ tags: [tag], security: [{ apiKey: [] }] }),
    xmlOf: (body) => {
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw new AppError('VALIDATION_FAILED', {
          reason: 'send the dossier as OSO XML (Content-Type: application/xml)',
        });
      }
      return body;
    },
    p: '/api/gw/schools',
  };
  // Registered as a plugin: Fastify loads it before the server listens.
  void app.register(async (scope) => {
    // Dossiers come in as XML; only in this scope, so other parts of the server are not affected.
    scope.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'buffer' }, (_req, body, done) =>
      done(null, body),
    );
    const api = scope.withTypeProvider<TypeBoxTypeProvider>();
    registerSendingRoutes(api, kit);
    registerWorklistRoutes(api, kit);
    registerHostingRoutes(api, kit);
    registerInspectionRoutes(api, kit);
    registerReceivingRoutes(api, kit);
    registerSwvRoutes(api, kit);
  });
}
