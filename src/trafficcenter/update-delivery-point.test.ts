import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.js';
import { refusal } from '../../test/support/refusal.js';
import { createApiKey, requireApiKey } from '../platform/auth/api-keys.js';
import { createHttpServer } from '../platform/http/server.js';
import { checkSession } from './check-session.js';
import { registerTrafficCenterRoutes } from './routes.js';
import { startSession } from './start-session.js';
import {
  actorFor,
  randomPublicKey,
  startRequest,
  type TcWorld,
  tcWorld,
  testMigrations,
  uniqueRoutingKey,
} from './test-fixtures.js';
import { updateDeliveryPoint } from './update-delivery-point.js';

describeEachDatabase(
  'updating a delivery point',
  (db) => {
    let world: TcWorld;
    let las: Awaited<ReturnType<TcWorld['supplier']>>;
    beforeAll(async () => {
      world = tcWorld(db());
      las = await world.supplier('LAS');
    });

    it('a new public key (after a key rotation) is handed out by new sessions and by checks of open ones', async () => {
      const po = await world.school({ supplier: las, sector: 'po' });
      const vo = await world.school({ supplier: las, sector: 'vo' });
      const request = startRequest(po.school, vo);
      const open = await startSession(las.chain, request);
      if (open.result !== 'ok') throw new Error(open.result);

      const rotatedPo = randomPublicKey();
      const rotatedVo = randomPublicKey();
      const updated = await updateDeliveryPoint(world.ctx(), po.points.OV.routingKey, {
        publicKey: rotatedPo,
      });
      expect(updated).toEqual({ ...po.points.OV, publicKey: rotatedPo });
      await updateDeliveryPoint(world.ctx(), vo.points.OV.routingKey, {
        publicKey: rotatedVo,
        url: 'https://moved.test/chain/v1/delivery-points/vo',
      });

      const fresh = await startSession(las.chain, startRequest(po.school, vo));
      expect(fresh.result === 'ok' && fresh.sourceDeliveryPoints.map((p) => p.publicKey)).toEqual([
        rotatedPo,
      ]);
      const checked = await checkSession(las.chain, open.sessionId, {
        sourceDeliveryPoint: po.points.OV.routingKey,
        sourceBrin: po.school.brin,
        destinationBrin: vo.school.brin,
        kind: 'overstapdossier',
        commitment: request.commitment,
      });
      expect(checked).toMatchObject({
        result: 'ok',
        destinationDeliveryPoint: {
          publicKey: rotatedVo,
          url: 'https://moved.test/chain/v1/delivery-points/vo',
        },
      });
      const audited = await db().query<{ details: Record<string, unknown> }>(
        `SELECT details FROM platform.audit_log WHERE action = 'tc.delivery-point.updated' AND subject = $1`,
        [`delivery-point:${vo.points.OV.routingKey}`],
      );
      expect(audited.rows).toEqual([
        { details: { publicKey: true, url: 'https://moved.test/chain/v1/delivery-points/vo' } },
      ]);
    });

    it('the operator does it over the admin API: PATCH /api/tc/delivery-points/{routingKey}', async () => {
      const po = await world.school({ supplier: las, sector: 'po' });
      const app = await createHttpServer({ title: 'test', description: 'test', logLevel: 'silent' });
      registerTrafficCenterRoutes(app, { db: db(), adminAuth: requireApiKey(db()), surfaces: ['admin'] });
      await app.ready();
      try {
        const { key } = await createApiKey(db(), {
          label: 'servicedesk',
          kind: 'operator',
          schools: [],
          permissions: ['tc:admin'],
        });
        const patch = (payload: object) =>
          app.inject({
            method: 'PATCH',
            url: `/api/tc/delivery-points/${po.points.OV.routingKey}`,
            headers: { authorization: `Bearer ${key}` },
            payload,
          });
        const publicKey = randomPublicKey();
        const answer = await patch({ publicKey });
        expect(answer.statusCode).toBe(200);
        expect(answer.json()).toEqual({ ...po.points.OV, publicKey });
        expect((await patch({})).statusCode).toBe(400);
        expect((await patch({ publicKey: 'not-a-key' })).statusCode).toBe(400);
      } finally {
        await app.close();
      }
    });

    it('refuses a malformed key, an unknown point and an operator of other schools', async () => {
      const po = await world.school({ supplier: las, sector: 'po' });
      const key = po.points.OV.routingKey;
      expect(await refusal(updateDeliveryPoint(world.ctx(), key, { publicKey: 'short' }))).toBe(
        'VALIDATION_FAILED',
      );
      expect(await refusal(updateDeliveryPoint(world.ctx(), key, { url: 'ftp://x' }))).toBe(
        'VALIDATION_FAILED',
      );
      expect(
        await refusal(updateDeliveryPoint(world.ctx(), uniqueRoutingKey(), { publicKey: randomPublicKey() })),
      ).toBe('DELIVERY_POINT_NOT_FOUND');
      const other = actorFor(['99ZZ'], ['tc:admin']);
      expect(
        await refusal(updateDeliveryPoint(world.ctx(other), key, { publicKey: randomPublicKey() })),
      ).toBe('FORBIDDEN');
    });
  },
  { migrations: testMigrations },
);
