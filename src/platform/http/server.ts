import { randomUUID } from 'node:crypto';
import type { SecureContextOptions } from 'node:tls';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import { isStandardError } from '../../standard/index.js';
import type { Actor } from '../context.js';
import { AppError, errorBody, isAppError } from '../errors.js';
import { closedBody } from './closed-bodies.js';
import { metricsText, observeRequest } from './metrics.js';
import { schemaProblemMessage } from './schema-messages.js';

export type HttpServer = FastifyInstance<
  // biome-ignore lint/suspicious/noExplicitAny: Fastify's server generics differ for HTTP and HTTPS
  any,
  // biome-ignore lint/suspicious/noExplicitAny: idem
  any,
  // biome-ignore lint/suspicious/noExplicitAny: idem
  any,
  FastifyInstance['log'],
  TypeBoxTypeProvider
>;

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook for routes that need an actor. */
    actor?: Actor;
  }
}

export interface TlsOptions extends SecureContextOptions {
  /** Ask for and verify a client certificate (mutual TLS): the chain endpoints need it. */
  requestCert: boolean;
  rejectUnauthorized: boolean;
}

export interface ServerOptions {
  /** HTTPS (and mutual TLS for the chain) when given; plain HTTP otherwise (loopback dev only). */
  tls?: TlsOptions;
  /** Title and description for the OpenAPI document. */
  title: string;
  description: string;
  logLevel?: string;
  /** Where log lines go (default stdout); tests pass a stream to prove what is (not) logged. */
  logStream?: NodeJS.WritableStream;
  /** Extra liveness details for /health (e.g. database kind and role). */
  health?: () => Promise<Record<string, unknown>>;
  /** Extra Prometheus text for /metrics (job counts, …). */
  metrics?: () => Promise<string>;
}

/**
 * The HTTP pipeline every role shares: request ids, one error shape
 * `{code, message: {nl, en}, details}`, OpenAPI at /api/docs, /health and /metrics. Request and
 * response bodies are never logged: they can hold personal data.
 */
export async function createHttpServer(options: ServerOptions): Promise<HttpServer> {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? process.env.OVERSTAP_LOG_LEVEL ?? 'info',
      ...(options.logStream ? { stream: options.logStream } : {}),
      // Only method, route and status: query strings and bodies may carry personal data.
      serializers: {
        req: (req: FastifyRequest) => ({ method: req.method, url: req.routeOptions?.url ?? 'unknown' }),
      },
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 80 * 1024 * 1024,
    ...(options.tls ? { https: options.tls } : {}),
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && route.schema?.body) {
      route.schema = { ...route.schema, body: closedBody(route.schema.body) };
    }
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
  });
  app.addHook('onResponse', async (request, reply) => {
    observeRequest(
      request.routeOptions?.url ?? 'unknown',
      request.method,
      reply.statusCode,
      reply.elapsedTime,
    );
  });

  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    if (isAppError(error)) {
      if (error.status >= 500) request.log.error({ code: error.code }, 'application error');
      return reply.status(error.status).send(errorBody(error));
    }
    if (isStandardError(error)) {
      const e = new AppError(
        'DOSSIER_INVALID',
        { standardCode: error.code, problems: error.problems },
        error.messages,
      );
      return reply.status(e.status).send(errorBody(e));
    }
    const fe = error as FastifyError;
    if (fe.validation) {
      // per problem: where (a JSON pointer into the request part), Ajv's stable English text, and
      // under `messages` the same in Dutch and English for people (as REGISTRATION_INVALID has)
      // (an unknown field of a closed body, closed-bodies.ts, comes as two: the name's own check,
      // which carries `propertyName`, and the object's; only the latter is kept)
      const found = fe.validation.filter((v) => !('propertyName' in v));
      const problems = found.map((v) => ({
        path: problemPath(v),
        message: v.keyword === 'propertyNames' ? 'must NOT have additional properties' : v.message,
      }));
      const e = new AppError('VALIDATION_FAILED', {
        part: fe.validationContext,
        problems,
        messages: Object.fromEntries(found.map((v, i) => [problems[i].path, schemaProblemMessage(v)])),
      });
      return reply.status(400).send(errorBody(e));
    }
    if (typeof fe.statusCode === 'number' && fe.statusCode < 500) {
      const code =
        fe.statusCode === 413
          ? 'VALIDATION_FAILED'
          : fe.statusCode === 404
            ? 'NOT_FOUND'
            : 'VALIDATION_FAILED';
      return reply
        .status(fe.statusCode)
        .send(errorBody(new AppError(code, { reason: fe.code ?? 'bad request' })));
    }
    request.log.error({ err: { message: error.message, stack: error.stack } }, 'unexpected error');
    return reply.status(500).send(errorBody(new AppError('INTERNAL', { requestId: request.id })));
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(errorBody(new AppError('NOT_FOUND', { path: request.url.split('?')[0] })));
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: options.title, description: options.description, version: '1' },
      components: {
        securitySchemes: {
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            description:
              'API key of a school or supplier (Authorization: Bearer …). Chain endpoints (/chain/v1) take a client certificate from the chain CA instead (mutual TLS).',
          },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get('/health', { schema: { hide: true } }, async () => ({
    status: 'ok',
    ...(options.health ? await options.health() : {}),
  }));
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type('text/plain; version=0.0.4');
    return `${await metricsText()}${options.metrics ? await options.metrics() : ''}`;
  });
  return app as unknown as HttpServer;
}

/** The actor of a request; routes that need one call this (the auth hook has run). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

/**
 * Where a schema problem is, as a JSON pointer into the request part (body, query, params): a
 * missing or unexpected property is named in the pointer itself ('/profile'), the root is '/'.
 */
function problemPath(v: { instancePath?: string; params?: Record<string, unknown> }): string {
  const base = v.instancePath ?? '';
  const named = v.params?.missingProperty ?? v.params?.additionalProperty ?? v.params?.propertyName;
  if (typeof named === 'string') return `${base}/${named}`;
  return base || '/';
}
