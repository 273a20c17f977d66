import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { createApiKey } from '../../platform/auth/api-keys.js';
import { createHttpServer, type HttpServer } from '../../platform/http/server.js';
import { type ChainWorld, chainTestMigrations, startChainWorld } from '../chain-harness.js';
import type { HostedSchool } from '../hosting/register-hosted-school.js';
import { ALL_PERMISSIONS } from '../test-fixtures.js';
import { registerGatewayApiRoutes } from './api-routes.js';

const PO = '17PA';

describeEachDatabase(
  'the gateway API for hosting over time',
  (db) => {
    let w: ChainWorld;
    let api: HttpServer;
    let school: HostedSchool;
    let schoolKey: string;
    let operatorKey: string;
    beforeAll(async () => {
      w = await startChainWorld(db());
      school = await w.school(PO);
      api = await createHttpServer({ title: 'test', description: 'test', logLevel: 'silent' });
      registerGatewayApiRoutes(api, {
        db: db(),
        keyring: w.keyring,
        chain: w.chain,
        publicChainUrl: w.gatewayUrl,
        now: w.clock.now,
      });
      await api.ready();
      schoolKey = (
        await createApiKey(db(), { label: 'po', kind: 'school', schools: [PO], permissions: ALL_PERMISSIONS })
      ).key;
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

    const post = (key: string, url: string, payload: object = {}) =>
      api.inject({ method: 'POST', url, headers: { authorization: `Bearer ${key}` }, payload });

    it('the gateway’s administrator rotates a delivery point’s key and stops hosting a school; a school may not', async () => {
      const rotate = `/api/gw/schools/${PO}/delivery-points/rotate-key`;
      expect((await post(schoolKey, rotate)).statusCode).toBe(403);
      expect((await post(operatorKey, rotate, { graceMinutes: -5 })).statusCode).toBe(400);
      const rotated = await post(operatorKey, rotate, { graceMinutes: 30 });
      expect(rotated.statusCode).toBe(200);
      expect(rotated.json()).toMatchObject({
        brin: PO,
        routingKey: school.deliveryPoint.routingKey,
        purpose: 'OV',
        previousPublicKey: school.deliveryPoint.publicKey,
        previousKeyUsableUntil: new Date(w.clock.now().getTime() + 30 * 60_000).toISOString(),
      });

      const stop = `/api/gw/schools/${PO}/stop-hosting`;
      expect((await post(schoolKey, stop)).statusCode).toBe(403);
      const stopped = await post(operatorKey, stop, { retainUntil: '2027-12-31' });
      expect(stopped.statusCode).toBe(200);
      expect(stopped.json()).toEqual({
        brin: PO,
        hostingEndedAt: w.clock.now().toISOString(),
        retainUntil: '2027-12-31',
        deliveryPoints: [{ routingKey: school.deliveryPoint.routingKey, purpose: 'OV' }],
        withdrawnDossiers: 0,
      });
      // Its data stays readable for the school.
      const listed = await api.inject({
        method: 'GET',
        url: `/api/gw/schools/${PO}/dossiers`,
        headers: { authorization: `Bearer ${schoolKey}` },
      });
      expect(listed.statusCode).toBe(200);
      // After the stop there is no point to rotate any more.
      expect((await post(operatorKey, rotate)).json()).toMatchObject({ code: 'GW_DELIVERY_POINT_MISSING' });
    });

    it('the gateway’s administrator resumes the hosting and activates the delivery point again; refusals carry their codes', async () => {
      const resume = `/api/gw/schools/${PO}/resume-hosting`;
      const activate = `/api/gw/schools/${PO}/delivery-points/${encodeURIComponent(school.deliveryPoint.routingKey)}/activate`;
      expect((await post(operatorKey, activate)).json()).toMatchObject({ code: 'GW_SCHOOL_NOT_HOSTED' });
      expect((await post(schoolKey, resume)).statusCode).toBe(403);
      const resumed = await post(operatorKey, resume);
      expect(resumed.statusCode).toBe(200);
      expect(resumed.json()).toEqual({
        brin: PO,
        resumedAt: w.clock.now().toISOString(),
        ended: { hostingEndedAt: w.clock.now().toISOString(), retainUntil: '2027-12-31' },
        deliveryPoints: [{ routingKey: school.deliveryPoint.routingKey, purpose: 'OV', active: false }],
      });
      const again = await post(operatorKey, resume);
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({
        code: 'GW_HOSTING_NOT_ENDED',
        message: {
          en: 'This gateway still hosts this school; only a school whose hosting ended can resume.',
        },
      });
      expect((await post(operatorKey, '/api/gw/schools/99ZZ/resume-hosting')).json()).toMatchObject({
        code: 'GW_SCHOOL_NOT_HOSTED',
      });

      expect((await post(schoolKey, activate)).statusCode).toBe(403);
      const unknown = await post(operatorKey, `/api/gw/schools/${PO}/delivery-points/nope/activate`);
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ code: 'GW_DELIVERY_POINT_NOT_FOUND' });
      const activated = await post(operatorKey, activate);
      expect(activated.statusCode).toBe(200);
      expect(activated.json()).toMatchObject({
        brin: PO,
        activated: true,
        deliveryPoint: {
          routingKey: school.deliveryPoint.routingKey,
          purpose: 'OV',
          url: school.deliveryPoint.url,
        },
      });
      // The key rotated before the stop is the one the point has now.
      expect(activated.json().deliveryPoint.publicKey).not.toBe(school.deliveryPoint.publicKey);
      expect((await post(operatorKey, `/api/gw/schools/${PO}/delivery-points/rotate-key`)).statusCode).toBe(
        200,
      );
    });

    it('the gateway’s administrator deletes the data of a school past its retention, once; not before, and a school may not', async () => {
      const OTHER = '18PB';
      await w.school(OTHER);
      const otherKey = (
        await createApiKey(db(), {
          label: 'other',
          kind: 'school',
          schools: [OTHER],
          permissions: ALL_PERMISSIONS,
        })
      ).key;
      const purge = `/api/gw/schools/${OTHER}/purge`;
      const stopped = await post(operatorKey, `/api/gw/schools/${OTHER}/stop-hosting`, {
        retainUntil: w.clock.now().toISOString().slice(0, 10),
      });
      expect(stopped.statusCode).toBe(200);
      expect((await post(otherKey, purge)).statusCode).toBe(403);
      const early = await post(operatorKey, purge);
      expect(early.statusCode).toBe(409);
      expect(early.json()).toMatchObject({ code: 'GW_PURGE_NOT_DUE', details: { reason: 'retained' } });
      // PO is hosted again (the test before): never purged, whatever the day
      expect((await post(operatorKey, `/api/gw/schools/${PO}/purge`)).json()).toMatchObject({
        code: 'GW_PURGE_NOT_DUE',
        details: { reason: 'hosted' },
      });

      const before = w.clock.now();
      w.clock.set(new Date(before.getTime() + 2 * 86_400_000).toISOString());
      try {
        expect((await post(otherKey, '/api/gw/retention/purge')).statusCode).toBe(403);
        const run = await post(operatorKey, '/api/gw/retention/purge');
        expect(run.statusCode).toBe(200);
        expect(run.json()).toEqual({
          purged: [
            expect.objectContaining({ brin: OTHER, purgedAt: w.clock.now().toISOString(), purgedNow: true }),
          ],
          failed: [],
        });
        expect(Object.keys(run.json().purged[0].deleted)).toHaveLength(16);
        const again = await post(operatorKey, purge);
        expect(again.statusCode).toBe(200);
        expect(again.json()).toMatchObject({ brin: OTHER, purgedNow: false, deleted: { pupils: 0 } });
        expect((await post(operatorKey, '/api/gw/retention/purge')).json()).toEqual({
          purged: [],
          failed: [],
        });
        // The school's own key finds nothing of it any more: the list is empty.
        const listed = await api.inject({
          method: 'GET',
          url: `/api/gw/schools/${OTHER}/dossiers`,
          headers: { authorization: `Bearer ${otherKey}` },
        });
        expect([listed.statusCode, listed.json()]).toEqual([200, []]);
      } finally {
        w.clock.set(before.toISOString());
      }
    });
  },
  { migrations: chainTestMigrations },
);
