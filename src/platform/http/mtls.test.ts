import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpsServer, request, type Server } from 'node:https';
import { type AddressInfo, createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import {
  certificateFingerprint,
  createCa,
  issueCertificate,
  loadTlsMaterial,
  type TlsMaterial,
} from '../pki/index.js';
import { createChainClient, mtlsServerOptions, peerFingerprint } from './mtls.js';

let dir: string;
let serverMaterial: TlsMaterial;
let clientMaterial: TlsMaterial;
let serverOnlyMaterial: TlsMaterial;
let foreignClient: TlsMaterial;
let foreignServer: TlsMaterial;
let server: Server;
let base: string;
const seen: Array<{ fingerprint?: string; requestId?: string; body: string }> = [];
const sockets = new Set<unknown>();

async function material(caDir: string, name: string, kind: 'server' | 'client' | 'both', trustDir = caDir) {
  await issueCertificate({
    caDir,
    outDir: dir,
    name,
    commonName: name,
    kind,
    dnsNames: ['localhost'],
    ipAddresses: ['127.0.0.1'],
  });
  return loadTlsMaterial({
    cert: join(dir, `${name}.crt`),
    key: join(dir, `${name}.key`),
    ca: join(trustDir, 'ca.crt'),
  });
}

function listen(s: Server | TcpServer): Promise<string> {
  return new Promise((resolve) =>
    s.listen(0, '127.0.0.1', () => resolve(`https://127.0.0.1:${(s.address() as AddressInfo).port}`)),
  );
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'overstap-mtls-'));
  const chain = join(dir, 'chain');
  const other = join(dir, 'other');
  await createCa({ dir: chain, commonName: 'Chain CA' });
  await createCa({ dir: other, commonName: 'Another CA' });
  serverMaterial = await material(chain, 'tc', 'server');
  clientMaterial = await material(chain, 'supplier', 'client');
  serverOnlyMaterial = await material(chain, 'server-only', 'server');
  foreignClient = await material(other, 'foreign-client', 'client', chain);
  foreignServer = await material(other, 'foreign-server', 'server', chain);

  server = createHttpsServer(mtlsServerOptions(serverMaterial), (req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      seen.push({
        fingerprint: peerFingerprint(req.socket),
        requestId: String(req.headers['x-request-id']),
        body,
      });
      res.setHeader('content-type', 'application/json');
      if (req.url === '/not-json') return res.end('<html>');
      if (req.url === '/empty') {
        res.statusCode = 204;
        return res.end();
      }
      res.statusCode = req.url === '/missing' ? 404 : 200;
      res.end(
        JSON.stringify({
          fingerprint: peerFingerprint(req.socket),
          method: req.method,
          echo: body ? JSON.parse(body) : null,
        }),
      );
    });
  });
  server.on('secureConnection', (s) => sockets.add(s));
  base = await listen(server);
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await rm(dir, { recursive: true, force: true });
});

describe('mutual TLS between chain nodes', () => {
  it('lets a client with a certificate from the chain CA in, and the server knows it by its fingerprint', async () => {
    const client = createChainClient(clientMaterial, { timeoutMs: 5000 });
    try {
      const r = await client.postJson<{ fingerprint: string; method: string; echo: unknown }>(
        `${base}/chain/v1/sessions`,
        { sourceBrin: '00YY', kind: 'overstapdossier' },
        { requestId: 'req-12345678' },
      );
      expect(r.status).toBe(200);
      expect(r.body.echo).toEqual({ sourceBrin: '00YY', kind: 'overstapdossier' });
      expect(r.body.fingerprint).toBe(certificateFingerprint(clientMaterial.cert));
      expect(r.body.fingerprint).not.toBe(certificateFingerprint(serverMaterial.cert));
      expect(seen.at(-1)?.requestId).toBe('req-12345678');

      const g = await client.getJson<{ method: string }>(`${base}/chain/v1/delivery-points`, {
        requestId: 'req-2',
      });
      expect(g).toMatchObject({ status: 200, body: { method: 'GET' } });
    } finally {
      client.close();
    }
  });

  it('returns any HTTP status to the caller, and keeps the connection alive between calls', async () => {
    const client = createChainClient(clientMaterial, { timeoutMs: 5000 });
    try {
      const before = sockets.size;
      expect((await client.getJson(`${base}/missing`, { requestId: 'r1' })).status).toBe(404);
      expect(await client.getJson(`${base}/empty`, { requestId: 'r2' })).toEqual({
        status: 204,
        body: undefined,
      });
      await client.getJson(`${base}/x`, { requestId: 'r3' });
      expect(sockets.size - before).toBe(1);
    } finally {
      client.close();
    }
  });

  it('refuses a client without a certificate before any request reaches the server', async () => {
    const count = seen.length;
    const error = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
      const req = request(`${base}/chain/v1/sessions`, { method: 'POST', ca: serverMaterial.ca }, (res) => {
        res.resume();
        res.on('end', () => resolve(undefined));
      });
      req.on('error', resolve);
      req.end('{}');
    });
    expect(error).toBeDefined();
    expect(seen.length).toBe(count);
  });

  it('refuses a client whose certificate comes from another CA, as a typed chain error', async () => {
    const count = seen.length;
    const client = createChainClient(foreignClient, { timeoutMs: 5000 });
    try {
      const e = await failure(client.postJson(`${base}/chain/v1/sessions`, {}, { requestId: 'r' }));
      expect(e.code).toBe('CHAIN_UNREACHABLE');
      expect(['tls', 'reset']).toContain(e.details.reason);
      expect(e.details.url).toBe(base);
      expect(e.messages.nl).toContain('niet bereikbaar');
      expect(e.stack).toBeDefined(); // for the log; the wire body is {code, message, details} only
      expect(JSON.stringify(e.details)).not.toContain('BEGIN');
    } finally {
      client.close();
    }
    expect(seen.length).toBe(count);
  });

  it('refuses a server-only certificate used as a client', async () => {
    const client = createChainClient(serverOnlyMaterial, { timeoutMs: 5000 });
    try {
      expect((await failure(client.getJson(`${base}/x`, { requestId: 'r' }))).code).toBe('CHAIN_UNREACHABLE');
    } finally {
      client.close();
    }
  });

  it('does not talk to a server whose certificate is not from the chain CA', async () => {
    const impostor = createHttpsServer(mtlsServerOptions(foreignServer), (_req, res) => res.end('{}'));
    const url = await listen(impostor);
    const client = createChainClient(clientMaterial, { timeoutMs: 5000 });
    try {
      const e = await failure(client.getJson(`${url}/x`, { requestId: 'r' }));
      expect(e.details).toMatchObject({ reason: 'tls' });
    } finally {
      client.close();
      await new Promise((r) => impostor.close(r));
    }
  });

  it('turns a refused connection, a silent peer and an unreadable answer into typed errors', async () => {
    const client = createChainClient(clientMaterial, { timeoutMs: 300 });
    const closed = createTcpServer();
    const closedUrl = await listen(closed);
    await new Promise((r) => closed.close(r));
    const silent = createTcpServer(() => {}); // accepts, never answers the TLS handshake
    const silentUrl = await listen(silent);
    try {
      expect((await failure(client.getJson(`${closedUrl}/x`, { requestId: 'r' }))).details).toMatchObject({
        reason: 'refused',
      });
      const started = Date.now();
      expect((await failure(client.getJson(`${silentUrl}/x`, { requestId: 'r' }))).details).toMatchObject({
        reason: 'timeout',
      });
      expect(Date.now() - started).toBeLessThan(3000);
      expect((await failure(client.getJson(`${base}/not-json`, { requestId: 'r' }))).code).toBe(
        'CHAIN_PROTOCOL_ERROR',
      );
      expect((await failure(client.getJson('http://127.0.0.1:1/x', { requestId: 'r' }))).code).toBe(
        'VALIDATION_FAILED',
      );
    } finally {
      client.close();
      silent.close();
    }
  });

  it('works as Fastify’s https options, where a route reads the caller’s fingerprint', async () => {
    const app = Fastify({ https: mtlsServerOptions(serverMaterial) });
    app.get('/who', async (req) => ({ fingerprint: peerFingerprint(req.raw.socket as TLSSocket) }));
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const client = createChainClient(clientMaterial, { timeoutMs: 5000 });
    try {
      const r = await client.getJson<{ fingerprint: string }>(`${address}/who`, { requestId: 'r' });
      expect(r.body.fingerprint).toBe(certificateFingerprint(clientMaterial.cert));
    } finally {
      client.close();
      await app.close();
    }
  });
});
