import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.js';
import { createApiKey, requireApiKey } from '../platform/auth/api-keys.js';
import { createHttpServer, type HttpServer } from '../platform/http/server.js';
import { registerTrafficCenterRoutes } from './routes.js';
import { schoolAtStep } from './servicedesk-test-schools.js';
import { type TcWorld, tcWorld, testMigrations } from './test-fixtures.js';

describeEachDatabase(
  'the servicedesk’s reads over HTTP',
  (db) => {
    let app: HttpServer;
    let world: TcWorld;
    let operatorKey: string;
    let schoolKey: string;
    let supplier: Awaited<ReturnType<TcWorld['supplier']>>;
    let brin: string;

    beforeAll(async () => {
      world = tcWorld(db());
      app = await createHttpServer({ title: 'test', description: 'test', logLevel: 'silent' });
      registerTrafficCenterRoutes(app, {
        db: db(),
        adminAuth: requireApiKey(db()),
        now: world.clock.now,
        surfaces: ['admin'],
      });
      await app.ready();
      operatorKey = (
        await createApiKey(db(), {
          label: 'servicedesk',
          kind: 'operator',
          schools: [],
          permissions: ['tc:read'],
        })
      ).key;
      supplier = await world.supplier('Eemland LAS');
      brin = (await schoolAtStep(world, supplier, 'testExchange', { name: 'Routeschool' })).brin;
      schoolKey = (
        await createApiKey(db(), {
          label: 'school',
          kind: 'school',
          schools: [brin],
          permissions: ['tc:read'],
        })
      ).key;
    });
    afterAll(async () => {
      await app?.close();
    });

    const get = async (url: string, key = operatorKey) => {
      const response = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
      return { status: response.statusCode, body: response.json() };
    };

    it('lists, counts and explains schools through the same pipeline as the other admin routes', async () => {
      const list = await get('/api/tc/schools?q=routeschool&sector=po&page=1');
      expect(list.status).toBe(200);
      expect(list.body).toMatchObject({ page: 1, pageSize: 25, total: 1 });
      expect(list.body.schools[0]).toMatchObject({ brin, name: 'Routeschool', connection: 'testExchange' });
      expect(await get('/api/tc/statistics/connection')).toMatchObject({
        status: 200,
        body: { total: 1, counts: { testExchange: 1, admitted: 0 } },
      });
      const history = await get(`/api/tc/schools/${brin}/history`);
      expect(history.status).toBe(200);
      expect(history.body.entries.map((e: { action: string }) => e.action)).toContain('tc.mandate.granted');
      const mandates = await get(`/api/tc/suppliers/${supplier.id}/mandates`);
      expect(mandates.body.mandates).toEqual([expect.objectContaining({ brin, activeDeliveryPoints: 1 })]);
      expect(await get('/api/tc/statistics/outcomes/named?from=2026-01-01')).toEqual({
        status: 200,
        body: { from: '2026-01-01', to: null, pairs: [] },
      });
    });

    it('refuses malformed filters, unknown callers and a school’s own key in the platform’s error shape', async () => {
      for (const url of [
        '/api/tc/schools?sector=hbo',
        '/api/tc/schools?status=klaar',
        '/api/tc/schools?page=0',
      ]) {
        expect(await get(url)).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
      }
      expect((await get('/api/tc/schools', 'no-such-key')).status).toBe(401);
      expect(await get('/api/tc/schools', schoolKey)).toMatchObject({
        status: 403,
        body: { code: 'FORBIDDEN' },
      });
      expect((await get(`/api/tc/schools/${brin}/history`, schoolKey)).status).toBe(200);
    });
  },
  { migrations: testMigrations },
);
