import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.js';
import { getSchool } from './get-school.js';
import { grantMandate } from './grant-mandate.js';
import { registerSchool } from './register-school.js';
import { revokeMandate } from './revoke-mandate.js';
import { actorFor, type TcWorld, tcWorld, testMigrations, uniqueBrin } from './test-fixtures.js';

describeEachDatabase(
  'granting and revoking mandates',
  (db) => {
    let world: TcWorld;
    beforeAll(() => {
      world = tcWorld(db());
    });

    const newSchool = async () =>
      registerSchool(world.ctx(), {
        brin: uniqueBrin(),
        vestiging: '00',
        name: 'School',
        sector: 'vo',
        board: 'B',
      });

    it('a mandate lets a supplier act for a school; granting twice changes nothing', async () => {
      const school = await newSchool();
      const las = await world.supplier();
      const first = await grantMandate(world.ctx(), { supplierId: las.id, brin: school.brin });
      expect(first).toEqual({
        supplierId: las.id,
        brin: school.brin,
        grantedAt: '2026-04-01T09:00:00.000Z',
        revokedAt: null,
      });
      world.clock.set('2026-04-02T09:00:00.000Z');
      expect(await grantMandate(world.ctx(), { supplierId: las.id, brin: school.brin })).toEqual(first);
      world.clock.set('2026-04-01T09:00:00.000Z');
      expect((await getSchool(world.ctx(), school.brin)).mandates).toEqual([first]);
    });

    it('a mandate needs a known school and a known supplier system', async () => {
      const las = await world.supplier();
      await expect(
        grantMandate(world.ctx(), { supplierId: las.id, brin: uniqueBrin() }),
      ).rejects.toMatchObject({
        code: 'SCHOOL_NOT_FOUND',
      });
      const school = await newSchool();
      for (const supplierId of [crypto.randomUUID(), 'not-a-uuid']) {
        await expect(grantMandate(world.ctx(), { supplierId, brin: school.brin })).rejects.toMatchObject({
          code: 'SUPPLIER_SYSTEM_NOT_FOUND',
        });
      }
    });

    it('revoking a mandate deactivates that supplier’s delivery points of the school, and no others', async () => {
      const las = await world.supplier('LAS 1');
      const other = await world.supplier('LAS 2');
      const { school, points } = await world.school({ supplier: las, purposes: ['OV', 'SWV'] });
      await grantMandate(world.ctx(), { supplierId: other.id, brin: school.brin });
      const elsewhere = await world.school({ supplier: las });
      const revoked = await revokeMandate(world.ctx(), { supplierId: las.id, brin: school.brin });
      expect(revoked.revokedAt).toBe('2026-04-01T09:00:00.000Z');
      expect(revoked.deactivatedDeliveryPoints).toEqual([points.OV.routingKey, points.SWV.routingKey].sort());
      const overview = await getSchool(world.ctx(), school.brin);
      expect(overview.deliveryPoints.map((p) => p.active)).toEqual([false, false]);
      expect(overview.mandates.find((m) => m.supplierId === other.id)?.revokedAt).toBeNull();
      expect((await getSchool(world.ctx(), elsewhere.school.brin)).deliveryPoints[0].active).toBe(true);
      await expect(
        revokeMandate(world.ctx(), { supplierId: las.id, brin: school.brin }),
      ).rejects.toMatchObject({
        code: 'MANDATE_NOT_FOUND',
      });
      // granted again, it is current again (its points stay inactive until registered anew)
      const again = await grantMandate(world.ctx(), { supplierId: las.id, brin: school.brin });
      expect(again.revokedAt).toBeNull();
    });

    it('a school’s own key may not grant or revoke: that is the chain operator’s', async () => {
      const school = await newSchool();
      const las = await world.supplier();
      const own = world.ctx(actorFor([school.brin], ['tc:read']));
      await expect(grantMandate(own, { supplierId: las.id, brin: school.brin })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(revokeMandate(own, { supplierId: las.id, brin: school.brin })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    });
  },
  { migrations: testMigrations },
);
