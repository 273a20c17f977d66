import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.js';
import { PUBLIC_PAGE_SIZE, searchAdmittedSchools } from './search-admitted-schools.js';
import { setAdmission } from './set-admission.js';
import { type TcWorld, tcWorld, testMigrations } from './test-fixtures.js';

describeEachDatabase(
  'the public list of admitted schools',
  (db) => {
    let world: TcWorld;
    let admitted: Awaited<ReturnType<TcWorld['school']>>;
    let notAdmitted: Awaited<ReturnType<TcWorld['school']>>;
    beforeAll(async () => {
      world = tcWorld(db());
      const las = await world.supplier();
      admitted = await world.school({
        supplier: las,
        name: 'Het Amersfoorts Lyceum',
        place: 'Amersfoort',
        sector: 'vo',
      });
      notAdmitted = await world.school({
        supplier: las,
        name: 'Het Amersfoorts College',
        place: 'Amersfoort',
        admitted: false,
      });
      await world.school({ supplier: las, name: 'Basisschool 100% Zeker', place: 'Zwolle' });
      await world.school({ supplier: las, name: 'Basisschool De_Ster', place: 'Zwolle' });
      const later = await world.school({ supplier: las, name: 'Amersfoortse Toekomst', place: 'Amersfoort' });
      await setAdmission(world.ctx(), later.school.brin, { action: 'qualify', from: '2026-08-01' });
    });

    const search = (q?: string, page?: number) =>
      searchAdmittedSchools({ db: db(), now: world.clock.now }, { q, page });

    it('shows only schools admitted today, with what a school publishes anyway', async () => {
      const { schools, total } = await search('amersfoort');
      expect(total).toBe(1);
      expect(schools).toEqual([
        {
          brin: admitted.school.brin,
          vestiging: '00',
          name: 'Het Amersfoorts Lyceum',
          sector: 'vo',
          place: 'Amersfoort',
          region: 'Testregio',
        },
      ]);
      expect(JSON.stringify(await search())).not.toContain(notAdmitted.school.brin);
    });

    it('searches name, BRIN and place, ignoring case; % and _ are plain characters', async () => {
      expect((await search('LYCEUM')).schools.map((s) => s.brin)).toEqual([admitted.school.brin]);
      expect((await search(admitted.school.brin.toLowerCase())).schools.map((s) => s.brin)).toEqual([
        admitted.school.brin,
      ]);
      expect((await search('zwolle')).total).toBe(2);
      expect((await search('100%')).schools.map((s) => s.name)).toEqual(['Basisschool 100% Zeker']);
      expect((await search('%')).schools.map((s) => s.name)).toEqual(['Basisschool 100% Zeker']);
      expect((await search('e_s')).schools.map((s) => s.name)).toEqual(['Basisschool De_Ster']);
      expect((await search('nergens')).schools).toEqual([]);
    });

    it('pages through the list in name order', async () => {
      const las = await world.supplier();
      for (let i = 0; i < PUBLIC_PAGE_SIZE + 3; i++) {
        await world.school({
          supplier: las,
          name: `Pagina-school ${String(i).padStart(2, '0')}`,
          place: 'Ede',
        });
      }
      const first = await search('pagina-school', 1);
      const second = await search('pagina-school', 2);
      expect(first.total).toBe(PUBLIC_PAGE_SIZE + 3);
      expect(first.schools).toHaveLength(PUBLIC_PAGE_SIZE);
      expect(second.schools.map((s) => s.name)).toEqual([
        `Pagina-school ${PUBLIC_PAGE_SIZE}`,
        `Pagina-school ${PUBLIC_PAGE_SIZE + 1}`,
        `Pagina-school ${PUBLIC_PAGE_SIZE + 2}`,
      ]);
      expect((await search('pagina-school', 3)).schools).toEqual([]);
      await expect(search('x', 0)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    });
  },
  { migrations: testMigrations },
);
