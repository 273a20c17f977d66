import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.js';
import { addMemberSchool } from './add-member-school.js';
import { addSchoolContact } from './add-school-contact.js';
import { checkReadiness } from './check-readiness.js';
import { type RegionWorld, regionTestMigrations, regionWorld } from './test-world.js';
import { updateRegionSettings } from './update-region-settings.js';

describeEachDatabase(
  'the readiness check of a region’s schools',
  (db) => {
    let w: RegionWorld;
    beforeAll(async () => {
      w = await regionWorld(db());
    });

    const contact = (name: string) => ({
      name,
      email: `${name.toLowerCase().replace(/\s/g, '.')}@school.test`,
    });

    it('lists per school what is done and what is missing, in words', async () => {
      const region = await w.region();
      const coordinator = await w.coordinator(region.id);
      const ready = await w.school({ name: 'Basisschool Klaar' });
      const noTech = await w.school({ name: 'Basisschool Zonder Techniek' });
      const untested = await w.school({ name: 'Lyceum Ongetest', sector: 'vo', testExchange: false });
      const unmandated = await w.school({ name: 'Basisschool Zonder Leverancier', mandate: false });
      for (const s of [ready, noTech, untested, unmandated]) {
        await addMemberSchool(w.ctx(coordinator), w.deps, { regionId: region.id, brin: s.brin });
      }
      const fill = async (
        brin: string,
        roles: Array<'administratie' | 'directie' | 'leerkracht' | 'coordinator' | 'technisch'>,
      ) => {
        for (const role of roles)
          await addSchoolContact(w.ctx(coordinator), {
            regionId: region.id,
            brin,
            role,
            ...contact(`${role} ${brin}`),
          });
      };
      await fill(ready.brin, ['administratie', 'directie', 'technisch']);
      // a person with an account in the role fills it too
      await w.schoolPerson(ready.brin, 'leerkracht');
      await fill(noTech.brin, ['administratie', 'directie', 'leerkracht']);
      await fill(untested.brin, ['administratie', 'directie', 'coordinator', 'technisch']);

      const readiness = await checkReadiness(w.ctx(coordinator), w.deps, region.id);
      expect([readiness.schools, readiness.ready]).toEqual([4, 1]);
      const byName = new Map(readiness.members.map((m) => [m.name, m]));
      expect(byName.get('Basisschool Klaar')).toMatchObject({ ready: true, missingRoles: [] });
      expect(byName.get('Basisschool Klaar')?.checks.map((c) => c.item)).toEqual([
        'admitted',
        'deliveryPoint',
        'roles',
        'testExchange',
      ]);

      const tech = byName.get('Basisschool Zonder Techniek');
      expect(tech?.missingRoles).toEqual(['technisch']);
      expect(tech?.checks.filter((c) => !c.ok).map((c) => c.missing?.nl)).toEqual([
        'Nog niemand als technisch contact. Leg een contactpersoon vast of nodig iemand uit in die rol.',
      ]);

      const lyceum = byName.get('Lyceum Ongetest');
      expect(lyceum?.checks.filter((c) => !c.ok).map((c) => c.item)).toEqual(['admitted', 'testExchange']);
      expect(lyceum?.checks.find((c) => c.item === 'testExchange')?.missing?.en).toBe(
        'No successful test exchange yet. The supplier does it with the servicedesk.',
      );

      const alone = byName.get('Basisschool Zonder Leverancier');
      expect(alone?.checks.filter((c) => !c.ok).map((c) => c.item)).toEqual([
        'admitted',
        'deliveryPoint',
        'roles',
        'testExchange',
      ]);
      expect(alone?.checks[0].missing?.nl).toMatch(/geen leverancier heeft een mandaat/);
      expect(alone?.checks.find((c) => c.item === 'roles')?.missing?.nl).toBe(
        'Nog niemand als administratie, directie, leerkracht groep 8 en technisch contact. Leg een contactpersoon vast of nodig iemand uit in die rol.',
      );
      // the schools with most missing come first
      expect(readiness.members.map((m) => m.name)).toEqual([
        'Basisschool Zonder Leverancier',
        'Lyceum Ongetest',
        'Basisschool Zonder Techniek',
        'Basisschool Klaar',
      ]);
    });

    it('asks for the regional platform’s delivery point when the region uses a platform', async () => {
      const region = await w.region();
      const coordinator = await w.coordinator(region.id);
      const withRp = await w.school({ purposes: ['OV', 'RP'] });
      const withoutRp = await w.school();
      for (const s of [withRp, withoutRp]) {
        await addMemberSchool(w.ctx(coordinator), w.deps, { regionId: region.id, brin: s.brin });
      }
      const before = await checkReadiness(w.ctx(coordinator), w.deps, region.id);
      expect(before.members.every((m) => !m.checks.some((c) => c.item === 'platformDeliveryPoint'))).toBe(
        true,
      );

      await updateRegionSettings(w.ctx(coordinator), region.id, {
        registrationsPerPupil: 'one',
        dossierOrder: null,
        platform: 'onderwijs_transparant',
        platformName: null,
        eindtoetsRoute: 'platform',
        holidayRegion: 'midden',
        minGapSchoolDays: 5,
      });
      const after = await checkReadiness(w.ctx(coordinator), w.deps, region.id);
      const rp = (brin: string) =>
        after.members.find((m) => m.brin === brin)?.checks.find((c) => c.item === 'platformDeliveryPoint');
      expect(rp(withRp.brin)).toMatchObject({ ok: true });
      expect(rp(withoutRp.brin)).toMatchObject({
        ok: false,
        missing: {
          nl: 'Geen aanleverpunt voor het regionale platform Onderwijs Transparant (POVO-module) (RP). De regio gebruikt dit platform, dus elke school heeft er een extra aanleverpunt voor nodig.',
        },
      });
    });

    it('is for the region’s coordinators only', async () => {
      const region = await w.region();
      const other = await w.region();
      await expect(
        checkReadiness(w.ctx(await w.coordinator(other.id)), w.deps, region.id),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    });
  },
  { migrations: regionTestMigrations },
);
