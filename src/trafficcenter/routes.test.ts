import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.js';
import { createApiKey, requireApiKey } from '../platform/auth/api-keys.js';
import { generateSealingKeyPair } from '../platform/crypto/index.js';
import { type ChainClient, createChainClient, mtlsServerOptions } from '../platform/http/mtls.js';
import { createHttpServer, type HttpServer } from '../platform/http/server.js';
import { createCa, issueCertificate, loadTlsMaterial, type TlsMaterial } from '../platform/pki/index.js';
import { CHAIN_PREFIX } from '../platform/protocol.js';
import { registerTrafficCenterRoutes } from './routes.js';
import {
  dumpSchema,
  pupilCommitment,
  pupilDataIn,
  TestClock,
  testMigrations,
  uniqueBrin,
} from './test-fixtures.js';

let dir: string;
const material: Record<'server' | 'vo' | 'po' | 'stranger' | 'intruder', TlsMaterial> = {} as never;

/** A chain CA with the traffic center's server certificate and three client certificates, and a foreign CA. */
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'overstap-tc-routes-'));
  const chainCa = join(dir, 'chain');
  const foreignCa = join(dir, 'foreign');
  await createCa({ dir: chainCa, commonName: 'Test chain CA' });
  await createCa({ dir: foreignCa, commonName: 'Someone else’s CA' });
  const issue = async (caDir: string, name: string, kind: 'server' | 'client') => {
    await issueCertificate({ caDir, outDir: dir, name, commonName: name, kind, ipAddresses: ['127.0.0.1'] });
    // every party trusts the chain CA for the other side
    return loadTlsMaterial({
      cert: join(dir, `${name}.crt`),
      key: join(dir, `${name}.key`),
      ca: join(chainCa, 'ca.crt'),
    });
  };
  material.server = await issue(chainCa, 'tc', 'server');
  material.vo = await issue(chainCa, 'las-vo', 'client');
  material.po = await issue(chainCa, 'las-po', 'client');
  material.stranger = await issue(chainCa, 'las-stranger', 'client');
  material.intruder = await issue(foreignCa, 'intruder', 'client');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describeEachDatabase(
  'the traffic center over HTTPS with mutual TLS',
  (db) => {
    let app: HttpServer;
    let base: string;
    let operatorKey: string;
    const clients: Partial<Record<keyof typeof material, ChainClient>> = {};
    const clock = new TestClock();
    const client = (who: keyof typeof material) => {
      clients[who] ??= createChainClient(material[who], { timeoutMs: 10_000 });
      return clients[who];
    };
    const rid = (label: string) => `test-${label}-${Date.now()}`;

    beforeAll(async () => {
      app = await createHttpServer({
        title: 'Overstap traffic center',
        description: 'test',
        logLevel: 'silent',
        tls: mtlsServerOptions(material.server),
      });
      registerTrafficCenterRoutes(app, { db: db(), adminAuth: requireApiKey(db()), now: clock.now });
      await app.listen({ host: '127.0.0.1', port: 0 });
      base = `https://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      operatorKey = (
        await createApiKey(db(), {
          label: 'servicedesk',
          kind: 'operator',
          schools: [],
          permissions: ['tc:admin', 'tc:read'],
        })
      ).key;
    });
    afterAll(async () => {
      for (const c of Object.values(clients)) c?.close();
      await app?.close();
    });

    /** The operator's admin API, through the same pipeline (Fastify inject: no socket, so no certificate). */
    const admin = async (
      method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
      url: string,
      payload?: object,
    ) => {
      const response = await app.inject({
        method,
        url,
        payload,
        headers: { authorization: `Bearer ${operatorKey}` },
      });
      return { status: response.statusCode, body: response.json() };
    };

    /** A school connected through the admin API, as the servicedesk does it. */
    async function connect(supplierId: string, sector: 'po' | 'vo') {
      const brin = uniqueBrin();
      const school = {
        brin,
        vestiging: '00',
        name: `School ${brin}`,
        sector,
        board: 'Stichting',
        place: 'Utrecht',
      };
      expect((await admin('POST', '/api/tc/schools', school)).status).toBe(201);
      expect((await admin('PUT', `/api/tc/suppliers/${supplierId}/mandates/${brin}`)).status).toBe(200);
      const { publicKey } = await generateSealingKeyPair();
      const point = {
        routingKey: `${brin.toLowerCase()}-ov`,
        brin,
        supplierId,
        url: `https://gateway.test/${brin}`,
        purpose: 'OV',
        publicKey,
      };
      expect(await admin('POST', '/api/tc/delivery-points', point)).toMatchObject({ status: 201 });
      expect(
        (await admin('POST', `/api/tc/schools/${brin}/admission`, { action: 'recordTestExchange' })).status,
      ).toBe(200);
      const qualified = await admin('POST', `/api/tc/schools/${brin}/admission`, {
        action: 'qualify',
        from: '2026-01-01',
      });
      expect(qualified).toMatchObject({ status: 200, body: { qualified: true, admittedToday: true } });
      return { brin, point };
    }

    let vo: Awaited<ReturnType<typeof connect>>;
    let po: Awaited<ReturnType<typeof connect>>;

    it('the operator admits two supplier systems by their certificates and connects a po and a vo school', async () => {
      const voSupplier = await admin('POST', '/api/tc/suppliers', {
        name: 'LAS vo',
        certificatePem: material.vo.cert,
      });
      const poSupplier = await admin('POST', '/api/tc/suppliers', {
        name: 'LAS po',
        certificatePem: material.po.cert,
      });
      expect(voSupplier.status).toBe(201);
      expect(poSupplier.body.certificateFingerprint).toMatch(/^[0-9a-f]{64}$/);
      vo = await connect(voSupplier.body.id, 'vo');
      po = await connect(poSupplier.body.id, 'po');
      const overview = await admin('GET', `/api/tc/schools/${po.brin}`);
      expect(overview.body).toMatchObject({ school: { brin: po.brin }, admission: { admittedToday: true } });
      expect(overview.body.deliveryPoints).toHaveLength(1);
    });

    it('a registered supplier starts, checks and closes a session over mutual TLS', async () => {
      const pupil = pupilCommitment();
      const start = {
        destinationBrin: vo.brin,
        destinationDeliveryPoint: vo.point.routingKey,
        sourceBrin: po.brin,
        kind: 'overstapdossier',
        commitment: pupil.commitment,
      };
      const started = await client('vo').postJson<{
        result: string;
        sessionId: string;
        sourceDeliveryPoints: unknown[];
      }>(`${base}${CHAIN_PREFIX}/sessions`, start, { requestId: rid('start') });
      expect(started.status).toBe(200);
      expect(started.body).toMatchObject({
        result: 'ok',
        sourceDeliveryPoints: [
          { routingKey: po.point.routingKey, publicKey: po.point.publicKey, vestiging: '00' },
        ],
      });
      const sessionId = started.body.sessionId;
      const check = {
        sourceDeliveryPoint: po.point.routingKey,
        sourceBrin: po.brin,
        destinationBrin: vo.brin,
        kind: 'overstapdossier',
        commitment: pupil.commitment,
      };
      const checked = await client('po').postJson(
        `${base}${CHAIN_PREFIX}/sessions/${sessionId}/check`,
        check,
        {
          requestId: rid('check'),
        },
      );
      expect(checked).toEqual({
        status: 200,
        body: {
          result: 'ok',
          destinationDeliveryPoint: {
            routingKey: vo.point.routingKey,
            brin: vo.brin,
            vestiging: '00',
            url: vo.point.url,
            purpose: 'OV',
            publicKey: vo.point.publicKey,
          },
        },
      });
      // refusals are answers: HTTP 200 with the OSO-style code
      const forged = await client('po').postJson(
        `${base}${CHAIN_PREFIX}/sessions/${crypto.randomUUID()}/check`,
        check,
        {
          requestId: rid('forged'),
        },
      );
      expect(forged).toEqual({ status: 200, body: { result: 'SessieAfwijkend' } });
      const notStarter = await client('po').postJson(
        `${base}${CHAIN_PREFIX}/sessions/${sessionId}/close`,
        { bestResult: 'OverdrachtGeslaagd' },
        { requestId: rid('close-po') },
      );
      expect(notStarter).toEqual({ status: 200, body: { result: 'SessieAfwijkend' } });
      const closed = await client('vo').postJson(
        `${base}${CHAIN_PREFIX}/sessions/${sessionId}/close`,
        { bestResult: 'OverdrachtGeslaagd' },
        { requestId: rid('close') },
      );
      expect(closed).toEqual({ status: 200, body: { result: 'ok' } });
      const late = await client('po').postJson(`${base}${CHAIN_PREFIX}/sessions/${sessionId}/check`, check, {
        requestId: rid('late'),
      });
      expect(late.body).toEqual({ result: 'SessieReedsAfgemeld' });

      const stats = await admin('GET', `/api/tc/statistics/outcomes?brin=${po.brin}`);
      expect(stats.body.pairs).toEqual([
        { sourceBrin: po.brin, destinationBrin: vo.brin, total: 1, results: { OverdrachtGeslaagd: 1 } },
      ]);
      const overview = await client('po').getJson(`${base}${CHAIN_PREFIX}/delivery-points?brin=${vo.brin}`, {
        requestId: rid('overview'),
      });
      expect(overview.body).toMatchObject({
        result: 'ok',
        deliveryPoints: [{ routingKey: vo.point.routingKey }],
      });

      // nothing of the pupil reached the traffic center's tables or its audit log
      expect(pupilDataIn((await dumpSchema(db(), 'tc')).text, pupil.ids)).toEqual([]);
      expect(pupilDataIn((await dumpSchema(db(), 'platform')).text, pupil.ids)).toEqual([]);
    });

    it('a chain-CA certificate the traffic center does not know gets 401 VerstrekkerNietBekend', async () => {
      const body = {
        destinationBrin: vo.brin,
        destinationDeliveryPoint: vo.point.routingKey,
        sourceBrin: po.brin,
        kind: 'overstapdossier',
        commitment: pupilCommitment().commitment,
      };
      const answer = await client('stranger').postJson(`${base}${CHAIN_PREFIX}/sessions`, body, {
        requestId: rid('stranger'),
      });
      expect(answer).toEqual({ status: 401, body: { result: 'VerstrekkerNietBekend' } });
    });

    it('a certificate from another CA, or none, is refused at the TLS layer: no request reaches a route', async () => {
      const before = await db().query<{ n: number }>('SELECT count(*)::int AS n FROM tc.sessions');
      const body = {
        destinationBrin: vo.brin,
        destinationDeliveryPoint: vo.point.routingKey,
        sourceBrin: po.brin,
        kind: 'overstapdossier',
        commitment: pupilCommitment().commitment,
      };
      await expect(
        client('intruder').postJson(`${base}${CHAIN_PREFIX}/sessions`, body, { requestId: rid('intruder') }),
      ).rejects.toMatchObject({ code: 'CHAIN_UNREACHABLE' });
      const withoutCertificate = new Promise<number>((resolve, reject) => {
        const req = request(`${base}/api/public/schools`, { ca: material.server.ca, agent: false }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
      await expect(withoutCertificate).rejects.toBeInstanceOf(Error);
      const after = await db().query<{ n: number }>('SELECT count(*)::int AS n FROM tc.sessions');
      expect(after.rows[0].n).toBe(before.rows[0].n);
    });

    it('chain input that does not fit the schema is a 400 in the platform’s error shape', async () => {
      const answer = await client('vo').postJson(
        `${base}${CHAIN_PREFIX}/sessions`,
        { destinationBrin: vo.brin, sourceBrin: 'po', kind: 'overstapdossier', commitment: 'Jansen' },
        { requestId: rid('bad') },
      );
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'VALIDATION_FAILED', message: { nl: expect.any(String) } });
    });

    it('the chain endpoints answer VerstrekkerNietBekend without a TLS client certificate (plain inject)', async () => {
      const response = await app.inject({ method: 'GET', url: `${CHAIN_PREFIX}/delivery-points` });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ result: 'VerstrekkerNietBekend' });
    });

    it('the admin API wants the operator’s key; admin mistakes are errors with codes', async () => {
      const anonymous = await app.inject({ method: 'GET', url: `/api/tc/schools/${po.brin}` });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
      const schoolKey = await createApiKey(db(), {
        label: 'school',
        kind: 'school',
        schools: [po.brin],
        permissions: ['tc:read'],
      });
      const forbidden = await app.inject({
        method: 'POST',
        url: `/api/tc/schools/${po.brin}/admission`,
        payload: { action: 'unqualify' },
        headers: { authorization: `Bearer ${schoolKey.key}` },
      });
      expect(forbidden.statusCode).toBe(403);
      expect((await admin('GET', `/api/tc/schools/${uniqueBrin()}`)).status).toBe(404);
      expect(
        (
          await admin('POST', '/api/tc/schools', {
            brin: po.brin,
            vestiging: '00',
            name: 'X',
            sector: 'po',
            board: 'B',
          })
        ).body,
      ).toMatchObject({
        code: 'SCHOOL_ALREADY_REGISTERED',
      });
      expect(
        (
          await admin('POST', '/api/tc/schools', {
            brin: 'po',
            vestiging: '00',
            name: 'X',
            sector: 'po',
            board: 'B',
          })
        ).body,
      ).toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      const changed = await admin('PATCH', `/api/tc/schools/${po.brin}`, { place: 'Amersfoort' });
      expect(changed).toMatchObject({ status: 200, body: { place: 'Amersfoort' } });
      const suppliers = await admin('GET', '/api/tc/suppliers');
      expect(suppliers.body.map((s: { name: string }) => s.name)).toEqual(['LAS po', 'LAS vo']);
    });

    it('the public list needs no authentication and shows only admitted schools', async () => {
      const pending = uniqueBrin();
      await admin('POST', '/api/tc/schools', {
        brin: pending,
        vestiging: '00',
        name: `School ${pending}`,
        sector: 'po',
        board: 'B',
      });
      const response = await app.inject({ method: 'GET', url: '/api/public/schools?q=school&page=1' });
      expect(response.statusCode).toBe(200);
      const brins = response.json().schools.map((s: { brin: string }) => s.brin);
      expect(brins).toEqual(expect.arrayContaining([po.brin, vo.brin]));
      expect(brins).not.toContain(pending);
      expect((await app.inject({ method: 'GET', url: '/api/public/schools?page=0' })).statusCode).toBe(400);
    });

    it('a listener can carry only some surfaces, e.g. the public list without the chain', async () => {
      const plain = await createHttpServer({ title: 'API', description: 'test', logLevel: 'silent' });
      registerTrafficCenterRoutes(plain, { db: db(), adminAuth: requireApiKey(db()), surfaces: ['public'] });
      try {
        expect((await plain.inject({ method: 'GET', url: '/api/public/schools' })).statusCode).toBe(200);
        expect(
          (await plain.inject({ method: 'GET', url: `${CHAIN_PREFIX}/delivery-points` })).statusCode,
        ).toBe(404);
        expect((await plain.inject({ method: 'GET', url: '/api/tc/suppliers' })).statusCode).toBe(404);
      } finally {
        await plain.close();
      }
    });

    it('every traffic-center route is described in OpenAPI', async () => {
      const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
      for (const path of [
        '/chain/v1/sessions',
        '/chain/v1/sessions/{sessionId}/check',
        '/chain/v1/sessions/{sessionId}/close',
        '/chain/v1/delivery-points',
        '/api/tc/schools',
        '/api/tc/schools/{brin}',
        '/api/tc/schools/{brin}/admission',
        '/api/tc/suppliers',
        '/api/tc/suppliers/{supplierId}/mandates/{brin}',
        '/api/tc/delivery-points',
        '/api/tc/delivery-points/{routingKey}/deactivate',
        '/api/tc/statistics/outcomes',
        '/api/public/schools',
      ]) {
        expect(Object.keys(doc.paths)).toContain(path);
      }
      expect(
        doc.paths['/chain/v1/sessions'].post.requestBody.content['application/json'].schema.properties,
      ).toHaveProperty('commitment');
    });
  },
  { migrations: testMigrations },
);
