import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.js';
import { refusal } from '../../test/support/refusal.js';
import { createApiKey, requireApiKey } from '../platform/auth/api-keys.js';
import { createHttpServer } from '../platform/http/server.js';
import { deactivateDeliveryPoint } from './deactivate-delivery-point.js';
import { grantMandate } from './grant-mandate.js';
import { reactivateDeliveryPoint } from './reactivate-delivery-point.js';
import { registerDeliveryPoint } from './register-delivery-point.js';
import { revokeMandate } from './revoke-mandate.js';
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

describeEachDatabase(
  'reactivating a delivery point',
  (db, target) => {
    let world: TcWorld;
    let las: Awaited<ReturnType<TcWorld['supplier']>>;
    beforeAll(async () => {
      world = tcWorld(db());
      las = await world.supplier('LAS');
    });

    const stored = async (routingKey: string) =>
      (
        await db().query<{ active: boolean; deactivated_at: Date | null }>(
          'SELECT active, deactivated_at FROM tc.delivery_points WHERE routing_key = $1',
          [routingKey],
        )
      ).rows[0];

    const audited = async (routingKey: string) =>
      (
        await db().query<{ actor_id: string; school_brin: string; details: Record<string, unknown> }>(
          `SELECT actor_id, school_brin, details FROM platform.audit_log
            WHERE action = 'tc.delivery-point.reactivated' AND subject = $1`,
          [`delivery-point:${routingKey}`],
        )
      ).rows;

    /** Another point of the same school, purpose and supplier, registered after `point` was deactivated. */
    const replacement = (school: { brin: string }) =>
      registerDeliveryPoint(world.ctx(), {
        routingKey: uniqueRoutingKey('replacement'),
        brin: school.brin,
        supplierId: las.id,
        url: 'https://gateway.test/chain/v1/delivery-points/replacement',
        purpose: 'OV',
        publicKey: randomPublicKey(),
      });

    it('a deactivated point is handed out again: a session can be started to it and from it', async () => {
      const po = await world.school({ supplier: las, sector: 'po' });
      const vo = await world.school({ supplier: las, sector: 'vo' });
      await deactivateDeliveryPoint(world.ctx(), vo.points.OV.routingKey);
      await deactivateDeliveryPoint(world.ctx(), po.points.OV.routingKey);
      expect(await startSession(las.chain, startRequest(po.school, vo))).toEqual({
        result: 'OnbekendAanleverpunt',
      });

      const reactivated = await reactivateDeliveryPoint(world.ctx(), vo.points.OV.routingKey);
      expect(reactivated).toEqual(vo.points.OV);
      expect(await stored(vo.points.OV.routingKey)).toEqual({ active: true, deactivated_at: null });
      // the source school's point is still deactivated: nothing answers a transfer there
      expect(await startSession(las.chain, startRequest(po.school, vo))).toEqual({
        result: 'GeenRelatieMetDoel',
      });

      await reactivateDeliveryPoint(world.ctx(), po.points.OV.routingKey);
      const answer = await startSession(las.chain, startRequest(po.school, vo));
      expect(answer).toMatchObject({
        result: 'ok',
        sourceDeliveryPoints: [
          {
            routingKey: po.points.OV.routingKey,
            url: po.points.OV.url,
            publicKey: po.points.OV.publicKey,
          },
        ],
      });
      if (answer.result !== 'ok') return;
      const { rows } = await db().query('SELECT destination_delivery_point FROM tc.sessions WHERE id = $1', [
        answer.sessionId,
      ]);
      expect(rows).toEqual([{ destination_delivery_point: vo.points.OV.routingKey }]);

      expect(await audited(vo.points.OV.routingKey)).toEqual([
        {
          actor_id: 'operator:test',
          school_brin: vo.school.brin,
          details: { purpose: 'OV', supplierId: las.id },
        },
      ]);
    });

    it('an active point is returned unchanged, and not audited again', async () => {
      const vo = await world.school({ supplier: las, sector: 'vo' });
      const key = vo.points.OV.routingKey;
      expect(await reactivateDeliveryPoint(world.ctx(), key)).toEqual(vo.points.OV);
      expect(await audited(key)).toEqual([]);
      await deactivateDeliveryPoint(world.ctx(), key);
      await reactivateDeliveryPoint(world.ctx(), key);
      expect(await reactivateDeliveryPoint(world.ctx(), key)).toEqual(vo.points.OV);
      expect(await audited(key)).toHaveLength(1);
    });

    it('is refused with DELIVERY_POINT_CONFLICT while the supplier has another active point for the school and purpose', async () => {
      const vo = await world.school({ supplier: las, sector: 'vo', purposes: ['OV', 'SWV'] });
      const key = vo.points.OV.routingKey;
      await deactivateDeliveryPoint(world.ctx(), key);
      const other = await replacement(vo.school);
      await expect(reactivateDeliveryPoint(world.ctx(), key)).rejects.toMatchObject({
        code: 'DELIVERY_POINT_CONFLICT',
        details: { routingKey: key, brin: vo.school.brin, purpose: 'OV', activeRoutingKey: other.routingKey },
      });
      expect(await stored(key)).toMatchObject({ active: false, deactivated_at: expect.any(Date) });
      expect(await audited(key)).toEqual([]);

      // an active point of another purpose (SWV) or of another supplier does not stand in the way
      const otherLas = await world.supplier('LAS 2');
      await grantMandate(world.ctx(), { supplierId: otherLas.id, brin: vo.school.brin });
      const ofOtherLas = await registerDeliveryPoint(world.ctx(), {
        routingKey: uniqueRoutingKey('other-las'),
        brin: vo.school.brin,
        supplierId: otherLas.id,
        url: 'https://other-las.test/chain/v1',
        purpose: 'OV',
        publicKey: randomPublicKey(),
      });
      await deactivateDeliveryPoint(world.ctx(), other.routingKey);
      expect((await reactivateDeliveryPoint(world.ctx(), key)).active).toBe(true);
      expect((await stored(vo.points.SWV.routingKey)).active).toBe(true);
      expect((await stored(ofOtherLas.routingKey)).active).toBe(true);
      // and now the replacement is the one refused
      expect(await refusal(reactivateDeliveryPoint(world.ctx(), other.routingKey))).toBe(
        'DELIVERY_POINT_CONFLICT',
      );
    });

    it('a point that another transaction activates at the same moment: the unique index refuses it, answered DELIVERY_POINT_CONFLICT', async () => {
      const vo = await world.school({ supplier: las, sector: 'vo' });
      const key = vo.points.OV.routingKey;
      await deactivateDeliveryPoint(world.ctx(), key);
      const other = await replacement(vo.school);
      await deactivateDeliveryPoint(world.ctx(), other.routingKey);

      // A transaction of its own makes the other point active and holds it uncommitted: the
      // reactivation does not see it, reaches its UPDATE and waits there for the index entry.
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let entered!: () => void;
      const inside = new Promise<void>((resolve) => {
        entered = resolve;
      });
      const racing = db().transaction(async (tx) => {
        await tx.query(
          'UPDATE tc.delivery_points SET active = true, deactivated_at = NULL WHERE routing_key = $1',
          [other.routingKey],
        );
        entered();
        await held;
      });
      await inside;
      const attempt = refusal(reactivateDeliveryPoint(world.ctx(), key));
      if (target.kind === 'postgres') {
        // on a server: wait until the reactivation is blocked on the racing transaction
        const probe = await target.openInstance();
        for (let waited = 0; ; waited += 20) {
          const { rows } = await probe.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
              WHERE NOT l.granted AND a.datname = current_database()`,
          );
          if (rows[0].n > 0) break;
          if (waited > 10_000) throw new Error('the reactivation never waited for the racing transaction');
          await sleep(20);
        }
      }
      release();
      await racing;
      expect(await attempt).toBe('DELIVERY_POINT_CONFLICT');
      expect(await stored(key)).toMatchObject({ active: false });
      expect(await stored(other.routingKey)).toEqual({ active: true, deactivated_at: null });
      expect(await audited(key)).toEqual([]);
    });

    it('the database itself refuses a second active point when one is reactivated', async () => {
      const vo = await world.school({ supplier: las, sector: 'vo' });
      await deactivateDeliveryPoint(world.ctx(), vo.points.OV.routingKey);
      await replacement(vo.school);
      await expect(
        db().query(
          'UPDATE tc.delivery_points SET active = true, deactivated_at = NULL WHERE routing_key = $1',
          [vo.points.OV.routingKey],
        ),
      ).rejects.toMatchObject({ code: '23505', constraint: 'delivery_points_one_active' });
    });

    it('a point whose supplier lost the school’s mandate is refused with NO_MANDATE', async () => {
      const vo = await world.school({ supplier: las, sector: 'vo' });
      await revokeMandate(world.ctx(), { supplierId: las.id, brin: vo.school.brin });
      expect(await refusal(reactivateDeliveryPoint(world.ctx(), vo.points.OV.routingKey))).toBe('NO_MANDATE');
      expect((await stored(vo.points.OV.routingKey)).active).toBe(false);
    });

    it('an unknown point is DELIVERY_POINT_NOT_FOUND; without tc:admin, or for another school, FORBIDDEN', async () => {
      expect(await refusal(reactivateDeliveryPoint(world.ctx(), uniqueRoutingKey()))).toBe(
        'DELIVERY_POINT_NOT_FOUND',
      );
      const vo = await world.school({ supplier: las, sector: 'vo' });
      const key = vo.points.OV.routingKey;
      await deactivateDeliveryPoint(world.ctx(), key);
      const reader = actorFor([vo.school.brin], ['tc:read']);
      expect(await refusal(reactivateDeliveryPoint(world.ctx(reader), key))).toBe('FORBIDDEN');
      const otherSchool = actorFor(['99ZZ'], ['tc:admin']);
      expect(await refusal(reactivateDeliveryPoint(world.ctx(otherSchool), key))).toBe('FORBIDDEN');
      expect(await stored(key)).toMatchObject({ active: false });
      const ownSchool = actorFor([vo.school.brin], ['tc:admin']);
      expect((await reactivateDeliveryPoint(world.ctx(ownSchool), key)).active).toBe(true);
    });

    it('the operator does it over the admin API: POST /api/tc/delivery-points/{routingKey}/reactivate', async () => {
      const vo = await world.school({ supplier: las, sector: 'vo' });
      const key = vo.points.OV.routingKey;
      const app = await createHttpServer({ title: 'test', description: 'test', logLevel: 'silent' });
      registerTrafficCenterRoutes(app, { db: db(), adminAuth: requireApiKey(db()), surfaces: ['admin'] });
      await app.ready();
      try {
        const keyWith = async (permissions: ('tc:admin' | 'tc:read')[]) =>
          (
            await createApiKey(db(), {
              label: 'servicedesk',
              kind: 'operator',
              schools: [],
              permissions,
            })
          ).key;
        const operator = await keyWith(['tc:admin']);
        const reader = await keyWith(['tc:read']);
        const post = (routingKey: string, apiKey = operator) =>
          app.inject({
            method: 'POST',
            url: `/api/tc/delivery-points/${routingKey}/reactivate`,
            headers: { authorization: `Bearer ${apiKey}` },
          });

        expect((await post(key)).json()).toEqual(vo.points.OV); // active: unchanged
        const deactivate = await app.inject({
          method: 'POST',
          url: `/api/tc/delivery-points/${key}/deactivate`,
          headers: { authorization: `Bearer ${operator}` },
        });
        expect(deactivate.json()).toEqual({ ...vo.points.OV, active: false });

        const forbidden = await post(key, reader);
        expect(forbidden.statusCode).toBe(403);
        expect(forbidden.json()).toMatchObject({ code: 'FORBIDDEN' });

        const other = await replacement(vo.school);
        const conflict = await post(key);
        expect(conflict.statusCode).toBe(409);
        expect(conflict.json()).toMatchObject({
          code: 'DELIVERY_POINT_CONFLICT',
          message: { nl: expect.any(String), en: expect.any(String) },
          details: { routingKey: key, activeRoutingKey: other.routingKey },
        });
        await deactivateDeliveryPoint(world.ctx(), other.routingKey);

        const answer = await post(key);
        expect(answer.statusCode).toBe(200);
        expect(answer.json()).toEqual(vo.points.OV);

        const unknown = await post(uniqueRoutingKey());
        expect(unknown.statusCode).toBe(404);
        expect(unknown.json()).toMatchObject({ code: 'DELIVERY_POINT_NOT_FOUND' });
        expect((await post('-not-a-routing-key')).statusCode).toBe(400);
        expect(
          (await app.inject({ method: 'POST', url: `/api/tc/delivery-points/${key}/reactivate` })).statusCode,
        ).toBe(401);

        const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
        expect(doc.paths['/api/tc/delivery-points/{routingKey}/reactivate'].post).toMatchObject({
          summary: expect.stringContaining('Reactivate'),
          responses: { 200: expect.anything(), 409: expect.anything() },
        });
      } finally {
        await app.close();
      }
    });
  },
  { migrations: testMigrations },
);
