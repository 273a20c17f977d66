import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  certificateFingerprint,
  createCa,
  issueCertificate,
  loadTlsMaterial,
  type TlsMaterial,
} from '../pki/index.js';
import { chainCallerFingerprint, inProcessChainClient } from './in-process-chain.js';
import { createChainClient, mtlsServerOptions } from './mtls.js';
import { createHttpServer, type HttpServer } from './server.js';

/**
 * A node's chain calls to itself go into its own chain server in process, as its own certificate;
 * calls to other nodes go over mutual TLS; nobody outside the process can pass as the node.
 */
let dir: string;
let nodeTls: TlsMaterial;
let otherTls: TlsMaterial;
let node: HttpServer;
let other: HttpServer;
let nodeUrl: string;
let otherUrl: string;
const tlsConnections = { node: 0, other: 0 };

async function material(caDir: string, name: string): Promise<TlsMaterial> {
  await issueCertificate({
    caDir,
    outDir: dir,
    name,
    commonName: name,
    kind: 'both',
    dnsNames: ['localhost'],
    ipAddresses: ['127.0.0.1'],
  });
  return loadTlsMaterial({
    cert: join(dir, `${name}.crt`),
    key: join(dir, `${name}.key`),
    ca: join(caDir, 'ca.crt'),
  });
}

/** A chain server whose routes answer who called them and with what. */
async function chainServer(
  tls: TlsMaterial,
  name: keyof typeof tlsConnections,
): Promise<[HttpServer, string]> {
  const app = await createHttpServer({
    tls: mtlsServerOptions(tls),
    title: name,
    description: name,
    logLevel: 'warn',
  });
  app.post('/chain/v1/who', async (request) => ({
    caller: chainCallerFingerprint(request) ?? null,
    requestId: request.id,
    body: request.body,
  }));
  app.get('/chain/v1/who', async (request) => ({ caller: chainCallerFingerprint(request) ?? null }));
  app.server.on('secureConnection', () => {
    tlsConnections[name] += 1;
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return [app, address];
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'overstap-in-process-'));
  const ca = join(dir, 'ca');
  await createCa({ dir: ca, commonName: 'Chain CA' });
  nodeTls = await material(ca, 'node');
  otherTls = await material(ca, 'other');
  [node, nodeUrl] = await chainServer(nodeTls, 'node');
  [other, otherUrl] = await chainServer(otherTls, 'other');
});

afterAll(async () => {
  await node?.close();
  await other?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('in-process chain calls', () => {
  it('sends calls to its own origins into its own server as its own certificate, without TLS', async () => {
    const client = inProcessChainClient(createChainClient(nodeTls, { timeoutMs: 5000 }), {
      server: node,
      fingerprint: certificateFingerprint(nodeTls.cert),
      origins: () => ['https://node.example:8443', nodeUrl],
    });
    try {
      const before = tlsConnections.node;
      const post = await client.postJson<{ caller: string; requestId: string; body: unknown }>(
        `${nodeUrl}/chain/v1/who`,
        { a: 1, text: 'één' },
        { requestId: 'in-process-0001' },
      );
      expect(post.status).toBe(200);
      expect(post.body).toEqual({
        caller: certificateFingerprint(nodeTls.cert),
        requestId: 'in-process-0001',
        body: { a: 1, text: 'één' },
      });
      // the public name of the node counts as its own too
      const get = await client.getJson<{ caller: string }>('https://node.example:8443/chain/v1/who', {
        requestId: 'in-process-0002',
      });
      expect(get.body.caller).toBe(certificateFingerprint(nodeTls.cert));
      expect(tlsConnections.node).toBe(before);
      const missing = await client.getJson(`${nodeUrl}/chain/v1/nothing`, { requestId: 'in-process-0003' });
      expect(missing.status).toBe(404);
    } finally {
      client.close();
    }
  });

  it('sends calls to other nodes over mutual TLS', async () => {
    const client = inProcessChainClient(createChainClient(nodeTls, { timeoutMs: 5000 }), {
      server: node,
      fingerprint: certificateFingerprint(nodeTls.cert),
      origins: () => [nodeUrl],
    });
    try {
      const before = tlsConnections.other;
      const r = await client.postJson<{ caller: string }>(
        `${otherUrl}/chain/v1/who`,
        {},
        { requestId: 'net-0001' },
      );
      expect(r.body.caller).toBe(certificateFingerprint(nodeTls.cert));
      expect(tlsConnections.other).toBe(before + 1);
    } finally {
      client.close();
    }
  });

  it('gives no identity for the in-process header over the network, or with a wrong or closed secret', async () => {
    // over mutual TLS the caller is its certificate, whatever header it sends
    const network = createChainClient(otherTls, { timeoutMs: 5000 });
    try {
      const r = await network.postJson<{ caller: string }>(
        `${nodeUrl}/chain/v1/who`,
        {},
        { requestId: 'forged-0001', headers: { 'x-overstap-in-process': 'guess' } },
      );
      expect(r.body.caller).toBe(certificateFingerprint(otherTls.cert));
    } finally {
      network.close();
    }
    // injected with a made-up secret: nobody
    const forged = await node.inject({
      method: 'GET',
      url: '/chain/v1/who',
      headers: { 'x-overstap-in-process': 'A'.repeat(43) },
    });
    expect(forged.json()).toEqual({ caller: null });
    // a closed client's secret no longer counts
    const client = inProcessChainClient(createChainClient(nodeTls, { timeoutMs: 5000 }), {
      server: node,
      fingerprint: certificateFingerprint(nodeTls.cert),
      origins: () => [nodeUrl],
    });
    client.close();
    await expect(client.getJson(`${nodeUrl}/chain/v1/who`, { requestId: 'closed-0001' })).resolves.toEqual({
      status: 200,
      body: { caller: null },
    });
  });
});
