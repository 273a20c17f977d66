import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.js';
import { deactivateDeliveryPoint } from './deactivate-delivery-point.js';
import { listDeliveryPoints } from './list-delivery-points.js';
import { revokeMandate } from './revoke-mandate.js';
import { randomFingerprint, type TcWorld, tcWorld, testMigrations } from './test-fixtures.js';

describeEachDatabase(
  'the delivery-point overview',
  (db) => {
    let world: TcWorld;
    beforeAll(() => {
      world = tcWorld(db());
    });

    it('shows only active points of admitted schools under a current mandate, by school and purpose', async () => {
      const las = await world.supplier();
      const admitted = await world.school({ supplier: las, purposes: ['OV', 'SWV', 'RP'] });
      const pending = await world.school({ supplier: las, admitted: false });
      const deactivated = await world.school({ supplier: las });
      await deactivateDeliveryPoint(world.ctx(), deactivated.points.OV.routingKey);
      const revoked = await world.school({ supplier: las });
      await revokeMandate(world.ctx(), { supplierId: las.id, brin: revoked.school.brin });

      const all = await listDeliveryPoints(las.chain, {});
      if (all.result !== 'ok') throw new Error(all.result);
      const keys = all.deliveryPoints.map((p) => p.routingKey);
      expect(keys).toEqual(expect.arrayContaining(Object.values(admitted.points).map((p) => p.routingKey)));
      for (const hidden of [pending, deactivated, revoked])
        expect(keys).not.toContain(hidden.points.OV.routingKey);

      expect(await listDeliveryPoints(las.chain, { brin: admitted.school.brin, purpose: 'SWV' })).toEqual({
        result: 'ok',
        deliveryPoints: [
          {
            routingKey: admitted.points.SWV.routingKey,
            brin: admitted.school.brin,
            vestiging: '00',
            url: admitted.points.SWV.url,
            purpose: 'SWV',
            publicKey: admitted.points.SWV.publicKey,
          },
        ],
      });
      expect(await listDeliveryPoints(las.chain, { brin: pending.school.brin })).toEqual({
        result: 'ok',
        deliveryPoints: [],
      });
    });

    it('is for known supplier systems only', async () => {
      expect(await listDeliveryPoints(world.chain(randomFingerprint()), {})).toEqual({
        result: 'VerstrekkerNietBekend',
      });
      expect(await listDeliveryPoints(world.chain(undefined), {})).toEqual({
        result: 'VerstrekkerNietBekend',
      });
      const las = await world.supplier();
      expect(await listDeliveryPoints(las.chain, { brin: "12AB' OR 1=1" })).toEqual({
        result: 'OngeldigVerzoek',
      });
    });
  },
  { migrations: testMigrations },
);
