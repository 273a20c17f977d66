import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.js';
import { deactivateDeliveryPoint } from './deactivate-delivery-point.js';
import { registerDeliveryPoint } from './register-delivery-point.js';
import { registerSchool } from './register-school.js';
import type { NewDeliveryPoint } from './schemas.js';
import {
  randomPublicKey,
  type TcWorld,
  tcWorld,
  testMigrations,
  uniqueBrin,
  uniqueRoutingKey,
} from './test-fixtures.js';

describeEachDatabase(
  'registering and deactivating delivery points',
  (db) => {
    let world: TcWorld;
    beforeAll(() => {
      world = tcWorld(db());
    });

    const point = (
      brin: string,
      supplierId: string,
      purpose: NewDeliveryPoint['purpose'] = 'OV',
    ): NewDeliveryPoint => ({
      routingKey: uniqueRoutingKey(),
      brin,
      supplierId,
      url: 'https://gateway.example.nl/chain/v1',
      purpose,
      publicKey: randomPublicKey(),
    });

    it('a mandated supplier’s delivery point is registered active; one active per school, purpose and supplier', async () => {
      const las = await world.supplier();
      const { school } = await world.school({ supplier: las, purposes: [], admitted: false });
      const ov = await registerDeliveryPoint(world.ctx(), point(school.brin, las.id));
      expect(ov).toMatchObject({ brin: school.brin, supplierId: las.id, purpose: 'OV', active: true });
      await expect(registerDeliveryPoint(world.ctx(), point(school.brin, las.id))).rejects.toMatchObject({
        code: 'DELIVERY_POINT_CONFLICT',
      });
      await expect(
        registerDeliveryPoint(world.ctx(), {
          ...point(school.brin, las.id, 'SWV'),
          routingKey: ov.routingKey,
        }),
      ).rejects.toMatchObject({ code: 'DELIVERY_POINT_CONFLICT' });
      expect((await registerDeliveryPoint(world.ctx(), point(school.brin, las.id, 'SWV'))).active).toBe(true);
      // after deactivation, a replacement may be registered
      const deactivated = await deactivateDeliveryPoint(world.ctx(), ov.routingKey);
      expect(deactivated).toEqual({ ...ov, active: false });
      expect(await deactivateDeliveryPoint(world.ctx(), ov.routingKey)).toEqual({ ...ov, active: false });
      expect((await registerDeliveryPoint(world.ctx(), point(school.brin, las.id))).active).toBe(true);
    });

    it('a supplier without the school’s mandate gets NO_MANDATE', async () => {
      const las = await world.supplier();
      const school = await registerSchool(world.ctx(), {
        brin: uniqueBrin(),
        vestiging: '00',
        name: 'S',
        sector: 'po',
        board: 'B',
      });
      await expect(registerDeliveryPoint(world.ctx(), point(school.brin, las.id))).rejects.toMatchObject({
        code: 'NO_MANDATE',
      });
      await expect(registerDeliveryPoint(world.ctx(), point(uniqueBrin(), las.id))).rejects.toMatchObject({
        code: 'SCHOOL_NOT_FOUND',
      });
      await expect(
        registerDeliveryPoint(world.ctx(), point(school.brin, crypto.randomUUID())),
      ).rejects.toMatchObject({
        code: 'SUPPLIER_SYSTEM_NOT_FOUND',
      });
    });

    it('a public key that is not 32 bytes of base64url is refused', async () => {
      const las = await world.supplier();
      const { school } = await world.school({ supplier: las, purposes: [], admitted: false });
      for (const publicKey of ['A'.repeat(42), `${'A'.repeat(42)}=`, '+'.repeat(43), 'A'.repeat(44)]) {
        await expect(
          registerDeliveryPoint(world.ctx(), { ...point(school.brin, las.id), publicKey }),
        ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      }
    });

    it('the database itself allows one active point per school, purpose and supplier', async () => {
      const las = await world.supplier();
      const { school, points } = await world.school({ supplier: las });
      await expect(
        db().query(
          `INSERT INTO tc.delivery_points (routing_key, brin, supplier_id, url, purpose, public_key)
           VALUES ($1, $2, $3, 'https://x.test', 'OV', $4)`,
          [uniqueRoutingKey(), school.brin, las.id, randomPublicKey()],
        ),
      ).rejects.toMatchObject({ code: '23505' });
      await expect(
        db().query('UPDATE tc.delivery_points SET active = false WHERE routing_key = $1', [
          points.OV.routingKey,
        ]),
      ).rejects.toMatchObject({ code: '23514' }); // active and deactivated_at go together
    });

    it('an unknown delivery point cannot be deactivated', async () => {
      await expect(deactivateDeliveryPoint(world.ctx(), 'no-such-point')).rejects.toMatchObject({
        code: 'DELIVERY_POINT_NOT_FOUND',
      });
    });
  },
  { migrations: testMigrations },
);
