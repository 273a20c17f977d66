import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { AppError, errorBody } from '../errors.js';
import type { HttpServer } from './server.js';

/** Where `vite build` puts the web app (web/dist), from src/ and from dist/ alike. */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Paths that belong to the server, never to the web app's client-side routes. */
const SERVER_PREFIXES = ['/api/', '/chain/', '/health', '/metrics'];

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "frame-ancestors 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Serves the built web app on the API listener: its files (hashed assets cached for a year,
 * index.html never), and index.html for every other GET that is not an API path, so that the
 * client-side routes work on reload. Without a build, those paths answer 503 with what to do.
 */
export async function registerWebApp(app: HttpServer, distDir = WEB_DIST_DIR): Promise<void> {
  const built = existsSync(`${distDir}/index.html`);
  app.addHook('onSend', async (request, reply) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html')) {
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
      reply.header('x-frame-options', 'SAMEORIGIN');
    }
    if (request.url.startsWith('/assets/'))
      reply.header('cache-control', 'public, max-age=31536000, immutable');
  });
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      index: false,
      cacheControl: false,
      serveDotFiles: false,
    });
  }
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0];
    if (SERVER_PREFIXES.some((p) => path.startsWith(p)) || path === '/api') {
      return reply.status(404).send(errorBody(new AppError('NOT_FOUND', { path })));
    }
    if (!built) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send(
          'De webapplicatie is niet gebouwd: voer `npm run build` uit. / The web app is not built: run `npm run build`.',
        );
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
}
