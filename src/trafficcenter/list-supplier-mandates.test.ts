import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.js';
import { listSupplierMandates } from './list-supplier-mandates.js';
import { revokeMandate } from './revoke-mandate.js';
import { actorFor, type TcWorld, tcWorld, testMigrations } from './test-fixtures.js';

describeEachDatabase(
  'a supplier system’s mandates',
  (db) => {
    let world: TcWorld;
    beforeAll(() => {
      world = tcWorld(db());
    });

    it('lists its current mandates by school name, then revoked ones, with active delivery points (no other supplier’s)', async () => {
      const supplier = await world.supplier('Eemland LAS');
      const other = await world.supplier('Ander LAS');
      const zwaluw = await world.school({ supplier, name: 'De Zwaluw', purposes: ['OV', 'SWV'] });
      const akker = await world.school({ supplier, name: 'De Akker', admitted: false });
      await world.school({ supplier, name: 'De Berk' });
      await world.school({ supplier: other, name: 'Niet van Eemland' });
      await revokeMandate(world.ctx(), { supplierId: supplier.id, brin: akker.school.brin });

      const answer = await listSupplierMandates(world.ctx(), supplier.id);
      expect(answer.supplier).toEqual({
        id: supplier.id,
        name: 'Eemland LAS',
        certificateFingerprint: supplier.certificateFingerprint,
        createdAt: supplier.createdAt,
      });
      expect(
        answer.mandates.map((m) => [m.schoolName, m.activeDeliveryPoints, m.revokedAt !== null]),
      ).toEqual([
        ['De Berk', 1, false],
        ['De Zwaluw', 2, false],
        ['De Akker', 0, true],
      ]);
      expect(answer.mandates[1]).toEqual({
        brin: zwaluw.school.brin,
        vestiging: '00',
        schoolName: 'De Zwaluw',
        sector: 'po',
        grantedAt: world.clock.now().toISOString(),
        revokedAt: null,
        activeDeliveryPoints: 2,
      });
    });

    it('answers SUPPLIER_SYSTEM_NOT_FOUND for an unknown id and FORBIDDEN for a reader of some schools', async () => {
      await expect(
        listSupplierMandates(world.ctx(), '00000000-0000-4000-8000-000000000000'),
      ).rejects.toMatchObject({ code: 'SUPPLIER_SYSTEM_NOT_FOUND' });
      await expect(listSupplierMandates(world.ctx(), 'geen-id')).rejects.toMatchObject({
        code: 'SUPPLIER_SYSTEM_NOT_FOUND',
      });
      const supplier = await world.supplier();
      await expect(
        listSupplierMandates(world.ctx(actorFor(['01AA'], ['tc:read'])), supplier.id),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  },
  { migrations: testMigrations },
);
