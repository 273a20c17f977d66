import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { createApiKey } from '../../platform/auth/api-keys.js';
import { createHttpServer, type HttpServer } from '../../platform/http/server.js';
import { readDossier } from '../../standard/index.js';
import { type ChainWorld, chainTestMigrations, startChainWorld } from '../chain-harness.js';
import { ALL_PERMISSIONS, dossierXml } from '../test-fixtures.js';
import { registerGatewayApiRoutes } from './api-routes.js';

const PO = '15PA';
const VO = '16VA';

describeEachDatabase(
  'the gateway API',
  (db) => {
    let w: ChainWorld;
    let api: HttpServer;
    let poKey: string;
    let voKey: string;
    let operatorKey: string;
    beforeAll(async () => {
      w = await startChainWorld(db());
      await w.school(PO);
      await w.school(VO, { sector: 'vo' });
      api = await createHttpServer({ title: 'test', description: 'test', logLevel: 'silent' });
      registerGatewayApiRoutes(api, {
        db: db(),
        keyring: w.keyring,
        chain: w.chain,
        publicChainUrl: w.gatewayUrl,
        now: w.clock.now,
      });
      await api.ready();
      const key = (schools: string[]) =>
        createApiKey(db(), { label: 'test', kind: 'school', schools, permissions: ALL_PERMISSIONS });
      poKey = (await key([PO])).key;
      voKey = (await key([VO])).key;
      operatorKey = (
        await createApiKey(db(), {
          label: 'op',
          kind: 'operator',
          schools: [],
          permissions: ['gateway:admin'],
        })
      ).key;
    });
    afterAll(async () => {
      await api?.close();
      await w?.close();
    });

    const call = (key: string, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) =>
      api.inject({
        method,
        url,
        headers: {
          authorization: `Bearer ${key}`,
          ...(Buffer.isBuffer(body) ? { 'content-type': 'application/xml' } : {}),
        },
        ...(body !== undefined ? { payload: body as object } : {}),
      });

    it('takes a dossier from import to delivery and export, through the API only', async () => {
      const xml = dossierXml(PO, { seed: 'api' });
      const leerling = readDossier(xml).huidigeschool.leerling;
      const imported = await call(poKey, 'POST', `/api/gw/schools/${PO}/dossiers`, xml);
      expect(imported.statusCode).toBe(201);
      const { dossierId } = imported.json();
      const base = `/api/gw/schools/${PO}/dossiers/${dossierId}`;
      expect((await call(poKey, 'POST', `${base}/ter-inzage`)).json()).toMatchObject({ state: 'ter_inzage' });
      const inspected = await call(poKey, 'POST', `${base}/inspection`, {
        inzagedatum: '2026-03-30',
        akkoord: 'Ja',
      });
      expect(inspected.json()).toMatchObject({ state: 'ingezien' });
      const ready = await call(poKey, 'POST', `${base}/klaarzetten`, { destinationBrin: VO });
      expect(ready.json()).toMatchObject({ state: 'klaargezet', destinationBrin: VO });
      const list = await call(poKey, 'GET', `/api/gw/schools/${PO}/dossiers?state=klaargezet`);
      expect(list.json()).toEqual([expect.objectContaining({ dossierId, state: 'klaargezet' })]);
      const ownXml = await call(poKey, 'GET', `${base}/xml`);
      expect(ownXml.headers['content-type']).toMatch(/application\/xml/);

      const registered = await call(voKey, 'POST', `/api/gw/schools/${VO}/registrations`, {
        achternaam: leerling.achternaam,
        bsn: leerling.bsn,
        geboortedatum: leerling.geboortedatum,
        sourceBrin: PO,
      });
      expect(registered.statusCode).toBe(201);
      const { registrationId } = registered.json();
      const requested = await call(voKey, 'POST', `/api/gw/schools/${VO}/requests`);
      expect(requested.json()).toMatchObject({ requested: 1, byResult: { OverdrachtGeslaagd: 1 } });
      const received = await call(voKey, 'GET', `/api/gw/schools/${VO}/received`);
      expect(received.json()).toEqual([expect.objectContaining({ registrationId, state: 'ontvangen' })]);
      const exportedXml = await call(
        voKey,
        'GET',
        `/api/gw/schools/${VO}/registrations/${registrationId}/dossier`,
      );
      expect(readDossier(exportedXml.rawPayload).huidigeschool.leerling.bsn).toBe(leerling.bsn);
      const exportedJson = await call(
        voKey,
        'GET',
        `/api/gw/schools/${VO}/registrations/${registrationId}/dossier?format=json`,
      );
      expect(exportedJson.json().dossier.huidigeschool.leerling.bsn).toBe(leerling.bsn);
      const imported2 = await call(
        voKey,
        'POST',
        `/api/gw/schools/${VO}/registrations/${registrationId}/import`,
      );
      expect(imported2.json()).toEqual({ registrationId, state: 'ingelezen' });
    });

    it('answers errors in the one shape, and keeps schools apart', async () => {
      const other = await call(voKey, 'GET', `/api/gw/schools/${PO}/dossiers`);
      expect(other.statusCode).toBe(403);
      expect(other.json()).toMatchObject({
        code: 'FORBIDDEN',
        message: { nl: expect.any(String), en: expect.any(String) },
      });
      expect(
        (await call('ovs_wrong-key-wrong-key-wrong-key', 'GET', `/api/gw/schools/${PO}/dossiers`)).statusCode,
      ).toBe(401);
      const invalid = await call(poKey, 'POST', `/api/gw/schools/${PO}/dossiers`, Buffer.from('<dossier/>'));
      expect(invalid.statusCode).toBe(422);
      expect(invalid.json().code).toBe('DOSSIER_INVALID');
      const badRegistration = await call(voKey, 'POST', `/api/gw/schools/${VO}/registrations`, {
        achternaam: 'X',
        bsn: '123456789',
        geboortedatum: '2014-01-01',
        sourceBrin: PO,
      });
      expect(badRegistration.statusCode).toBe(422);
      expect(JSON.stringify(badRegistration.json())).not.toContain('123456789');
    });

    it('lets the operator host a school and lists it', async () => {
      const hosted = await call(operatorKey, 'POST', '/api/gw/schools', {
        brin: '17PC',
        vestiging: '00',
        name: 'De Nieuwe School',
        sector: 'po',
      });
      expect(hosted.statusCode).toBe(201);
      expect(hosted.json().deliveryPoint.url).toContain('/chain/v1/delivery-points/');
      const listed = await call(operatorKey, 'GET', '/api/gw/schools');
      expect(listed.json().map((s: { brin: string }) => s.brin)).toContain('17PC');
      expect(
        (await call(poKey, 'GET', '/api/gw/schools')).json().map((s: { brin: string }) => s.brin),
      ).toEqual([PO]);
    });

    it('describes every route in OpenAPI', async () => {
      const spec = (await api.inject({ method: 'GET', url: '/api/docs/json' })).json();
      const paths = Object.keys(spec.paths);
      expect(paths).toContain('/api/gw/schools/{brin}/dossiers/{dossierId}/klaarzetten');
      expect(paths).toContain('/api/gw/schools/{brin}/registrations/{registrationId}/dossier');
    });
  },
  { migrations: chainTestMigrations },
);
