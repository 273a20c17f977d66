import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.js';
import { CONNECTION_STATUSES } from './connection-path.js';
import { countSchoolsByConnection } from './count-schools-by-connection.js';
import { listSchools } from './list-schools.js';
import { schoolAtStep } from './servicedesk-test-schools.js';
import { setAdmission } from './set-admission.js';
import { actorFor, type TcWorld, tcWorld, testMigrations } from './test-fixtures.js';

describeEachDatabase(
  'counting schools per connection status',
  (db) => {
    let world: TcWorld;
    beforeAll(() => {
      world = tcWorld(db());
    });

    it('says 0 for every status while the traffic center knows no school', async () => {
      expect(await countSchoolsByConnection(world.ctx())).toEqual({
        total: 0,
        counts: { supplier: 0, mandate: 0, deliveryPoint: 0, testExchange: 0, qualification: 0, admitted: 0 },
      });
    });

    it('counts each school once, where the list of schools places it', async () => {
      const supplier = await world.supplier();
      for (const [i, step] of CONNECTION_STATUSES.entries()) {
        for (let n = 0; n <= i; n++) await schoolAtStep(world, supplier, step);
      }
      const counts = await countSchoolsByConnection(world.ctx());
      expect(counts).toEqual({
        total: 21,
        counts: { supplier: 1, mandate: 2, deliveryPoint: 3, testExchange: 4, qualification: 5, admitted: 6 },
      });
      for (const step of CONNECTION_STATUSES) {
        expect((await listSchools(world.ctx(), { status: step })).total).toBe(counts.counts[step]);
      }
    });

    it('follows the calendar: a qualification that ends moves the school back to qualification', async () => {
      const supplier = await world.supplier();
      const school = await schoolAtStep(world, supplier, 'admitted');
      await setAdmission(world.ctx(), school.brin, {
        action: 'qualify',
        from: '2026-01-01',
        until: '2026-04-30',
      });
      const before = await countSchoolsByConnection(world.ctx());
      world.clock.set('2026-05-01T09:00:00.000Z');
      try {
        const after = await countSchoolsByConnection(world.ctx());
        expect(after.counts.admitted).toBe(before.counts.admitted - 1);
        expect(after.counts.qualification).toBe(before.counts.qualification + 1);
      } finally {
        world.clock.set('2026-04-01T09:00:00.000Z');
      }
    });

    it('is for the chain operator, not for a reader of some schools', async () => {
      await expect(
        countSchoolsByConnection(world.ctx(actorFor(['01AA'], ['tc:read']))),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    });
  },
  { migrations: testMigrations },
);
