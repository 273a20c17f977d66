import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.js';
import { deactivateDeliveryPoint } from './deactivate-delivery-point.js';
import { getSchool } from './get-school.js';
import { revokeMandate } from './revoke-mandate.js';
import { schoolHistory } from './school-history.js';
import { setAdmission } from './set-admission.js';
import { actorFor, type TcWorld, tcWorld, testMigrations, uniqueBrin } from './test-fixtures.js';
import { updateSchool } from './update-school.js';

describeEachDatabase(
  'a school’s history at the traffic center',
  (db) => {
    let world: TcWorld;
    beforeAll(() => {
      world = tcWorld(db());
    });

    it('lists every change of the school newest first, with the reason given for unqualifying', async () => {
      const supplier = await world.supplier();
      const other = await world.school({ supplier });
      const { school, points } = await world.school({ supplier });
      await updateSchool(world.ctx(), school.brin, { place: 'Leusden' });
      await setAdmission(world.ctx(), school.brin, { action: 'unqualify', note: 'Certificaat verlopen' });
      await deactivateDeliveryPoint(world.ctx(), points.OV.routingKey);
      await revokeMandate(world.ctx(), { supplierId: supplier.id, brin: school.brin });

      const history = await schoolHistory(world.ctx(), school.brin);
      expect(history.brin).toBe(school.brin);
      expect(history.entries.map((e) => e.action)).toEqual([
        'tc.mandate.revoked',
        'tc.delivery-point.deactivated',
        'tc.admission.unqualify',
        'tc.school.updated',
        'tc.admission.qualify',
        'tc.admission.recordTestExchange',
        'tc.delivery-point.registered',
        'tc.mandate.granted',
        'tc.school.registered',
      ]);
      expect(history.entries[2]).toEqual({
        at: world.clock.now().toISOString(),
        action: 'tc.admission.unqualify',
        actorKind: 'operator',
        subject: null,
        details: { note: 'Certificaat verlopen' },
      });
      expect(history.entries[0].subject).toBe(`supplier:${supplier.id}`);
      expect(history.entries[4].details).toEqual({ from: '2026-01-01', until: null });
      expect(history.entries[3].details).toEqual({ fields: ['place'] });
      // the other school's entries stay out
      const otherHistory = await schoolHistory(world.ctx(), other.school.brin);
      expect(otherHistory.entries).toHaveLength(5);
      expect((await getSchool(world.ctx(), school.brin)).admission.note).toBe('Certificaat verlopen');
    });

    it('answers SCHOOL_NOT_FOUND for an unknown school, FORBIDDEN for a reader of another school', async () => {
      await expect(schoolHistory(world.ctx(), uniqueBrin())).rejects.toMatchObject({
        code: 'SCHOOL_NOT_FOUND',
      });
      const supplier = await world.supplier();
      const { school } = await world.school({ supplier });
      await expect(
        schoolHistory(world.ctx(actorFor(['01AA'], ['tc:read'])), school.brin),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(
        (await schoolHistory(world.ctx(actorFor([school.brin], ['tc:read'])), school.brin)).entries.length,
      ).toBeGreaterThan(0);
    });
  },
  { migrations: testMigrations },
);
