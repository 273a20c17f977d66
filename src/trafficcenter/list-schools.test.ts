import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.js';
import { personActor } from '../platform/auth/index.js';
import { CONNECTION_STATUSES, type ConnectionStatus } from './connection-path.js';
import { listSchools, SCHOOL_LIST_PAGE_SIZE } from './list-schools.js';
import { revokeMandate } from './revoke-mandate.js';
import type { School } from './schemas.js';
import { schoolAtStep } from './servicedesk-test-schools.js';
import { setAdmission } from './set-admission.js';
import { actorFor, type TcWorld, tcWorld, testMigrations } from './test-fixtures.js';

describeEachDatabase(
  'the servicedesk’s list of schools',
  (db) => {
    let world: TcWorld;
    let supplier: Awaited<ReturnType<TcWorld['supplier']>>;
    const at: Partial<Record<ConnectionStatus, School>> = {};
    let futureQualified: School;
    let admittedWithoutMandate: School;

    beforeAll(async () => {
      world = tcWorld(db());
      supplier = await world.supplier('Eemland LAS');
      for (const step of CONNECTION_STATUSES) {
        at[step] = await schoolAtStep(world, supplier, step, {
          name: `Padschool ${step}`,
          place: 'Amersfoort',
          sector: step === 'admitted' ? 'vo' : 'po',
        });
      }
      futureQualified = await schoolAtStep(world, supplier, 'qualification', {
        name: 'Padschool later',
        place: 'Amersfoort',
      });
      await setAdmission(world.ctx(), futureQualified.brin, { action: 'qualify', from: '2026-09-01' });
      admittedWithoutMandate = await schoolAtStep(world, supplier, 'admitted', {
        name: 'Padschool zonder mandaat',
        place: 'Amersfoort',
      });
      await revokeMandate(world.ctx(), { supplierId: supplier.id, brin: admittedWithoutMandate.brin });
    });

    const list = (query: Parameters<typeof listSchools>[1] = {}) => listSchools(world.ctx(), query);
    const brinsOf = (page: Awaited<ReturnType<typeof listSchools>>) => page.schools.map((s) => s.brin);

    it('shows every school, admitted or not, with the first step it lacks on the connection path', async () => {
      const page = await list({ q: 'padschool' });
      expect(page.total).toBe(CONNECTION_STATUSES.length + 2);
      const status = Object.fromEntries(page.schools.map((s) => [s.brin, s.connection]));
      for (const step of CONNECTION_STATUSES) expect(status[at[step]?.brin ?? '']).toBe(step);
      expect(status[futureQualified.brin]).toBe('qualification');
      // admitted on paper, but without a mandate the chain hands out none of its points
      expect(status[admittedWithoutMandate.brin]).toBe('mandate');

      const admitted = page.schools.find((s) => s.brin === at.admitted?.brin);
      expect(admitted).toMatchObject({
        name: 'Padschool admitted',
        vestiging: '00',
        sector: 'vo',
        board: 'Stichting Testonderwijs',
        region: 'Testregio',
        place: 'Amersfoort',
        admission: {
          qualified: true,
          qualifiedFrom: '2026-01-01',
          qualifiedUntil: null,
          admittedToday: true,
        },
      });
      expect(admitted?.admission.testExchangeAt).toBe(world.clock.now().toISOString());
      expect(page.schools.find((s) => s.brin === futureQualified.brin)?.admission).toMatchObject({
        qualified: true,
        qualifiedFrom: '2026-09-01',
        admittedToday: false,
      });
      expect(page.schools.find((s) => s.brin === at.supplier?.brin)?.admission).toEqual({
        qualified: false,
        qualifiedFrom: null,
        qualifiedUntil: null,
        testExchangeAt: null,
        admittedToday: false,
      });
    });

    it('searches name, BRIN, place and board and filters by sector, admission today and status', async () => {
      const mandate = at.mandate as School;
      expect(brinsOf(await list({ q: mandate.brin.toLowerCase() }))).toEqual([mandate.brin]);
      expect(brinsOf(await list({ q: 'PADSCHOOL MANDATE' }))).toEqual([mandate.brin]);
      expect((await list({ q: 'testonderwijs' })).total).toBe(CONNECTION_STATUSES.length + 2);
      expect((await list({ q: '100%' })).total).toBe(0);
      expect(brinsOf(await list({ q: 'padschool', sector: 'vo' }))).toEqual([at.admitted?.brin]);
      expect(brinsOf(await list({ q: 'padschool', admission: 'admitted' })).sort()).toEqual(
        [at.admitted?.brin, admittedWithoutMandate.brin].sort(),
      );
      expect((await list({ q: 'padschool', admission: 'notAdmitted' })).total).toBe(
        CONNECTION_STATUSES.length,
      );
      expect(brinsOf(await list({ q: 'padschool', status: 'qualification' })).sort()).toEqual(
        [at.qualification?.brin, futureQualified.brin].sort(),
      );
      expect(brinsOf(await list({ status: 'mandate', admission: 'admitted' }))).toEqual([
        admittedWithoutMandate.brin,
      ]);
    });

    it('pages in name order and counts all matches, also past the last page', async () => {
      for (let i = 0; i < SCHOOL_LIST_PAGE_SIZE + 2; i++) {
        await schoolAtStep(world, supplier, 'supplier', { name: `Bladzijde ${String(i).padStart(2, '0')}` });
      }
      const first = await list({ q: 'bladzijde' });
      expect(first).toMatchObject({
        page: 1,
        pageSize: SCHOOL_LIST_PAGE_SIZE,
        total: SCHOOL_LIST_PAGE_SIZE + 2,
      });
      expect(first.schools[0].name).toBe('Bladzijde 00');
      const second = await list({ q: 'bladzijde', page: 2 });
      expect(second.schools.map((s) => s.name)).toEqual([
        `Bladzijde ${SCHOOL_LIST_PAGE_SIZE}`,
        `Bladzijde ${SCHOOL_LIST_PAGE_SIZE + 1}`,
      ]);
      expect(await list({ q: 'bladzijde', page: 3 })).toEqual({
        schools: [],
        page: 3,
        pageSize: SCHOOL_LIST_PAGE_SIZE,
        total: SCHOOL_LIST_PAGE_SIZE + 2,
      });
      expect(await list({ q: 'nergens' })).toMatchObject({ schools: [], total: 0 });
      await expect(list({ page: 0 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    });

    it('is for the chain operator and the servicedesk, not for a reader of some schools', async () => {
      const servicedesk = personActor('00000000-0000-4000-8000-000000000001', [
        { scope: 'servicedesk', scope_id: '', role: 'servicedesk' },
      ]);
      expect((await listSchools(world.ctx(servicedesk), { q: 'padschool' })).total).toBe(
        CONNECTION_STATUSES.length + 2,
      );
      const brin = at.admitted?.brin ?? '';
      await expect(listSchools(world.ctx(actorFor([brin], ['tc:read'])), {})).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      const staff = personActor('00000000-0000-4000-8000-000000000002', [
        { scope: 'school', scope_id: brin, role: 'administratie' },
      ]);
      await expect(listSchools(world.ctx(staff), {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  },
  { migrations: testMigrations },
);
