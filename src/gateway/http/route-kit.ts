import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import type { GatewayDeps } from '../deps.js';

/** What the gateway's route files share: the typed scope, the context of a request, auth and tags. */
export type ApiScope = FastifyInstance<
  // biome-ignore lint/suspicious/noExplicitAny: the server generics differ for HTTP and HTTPS
  any,
  // biome-ignore lint/suspicious/noExplicitAny: idem
  any,
  // biome-ignore lint/suspicious/noExplicitAny: idem
  any,
  FastifyInstance['log'],
  TypeBoxTypeProvider
>;

export interface RouteKit {
  deps: GatewayDeps;
  ctx(request: FastifyRequest): Ctx;
  preHandler: preHandlerAsyncHookHandler;
  tags(tag: string): { tags: string[]; security: Array<Record<string, string[]>> };
  /** The body of an OSO XML upload (Content-Type application/xml), or VALIDATION_FAILED. */
  xmlOf(body: unknown): Buffer;
  /** The prefix of every school's routes. */
  p: string;
}
