import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.js';
import { addMemberSchool } from './add-member-school.js';
import { addRegionContact } from './add-region-contact.js';
import { addSchoolContact } from './add-school-contact.js';
import { listRegionContacts } from './list-region-contacts.js';
import { listSchoolContacts } from './list-school-contacts.js';
import { removeRegionContact } from './remove-region-contact.js';
import { removeSchoolContact } from './remove-school-contact.js';
import { schoolHelp } from './school-help.js';
import { type RegionWorld, regionTestMigrations, regionWorld } from './test-world.js';
import { updateRegionSettings } from './update-region-settings.js';

describeEachDatabase(
  'the contacts of schools and regions, and a school’s help page',
  (db) => {
    let w: RegionWorld;
    beforeAll(async () => {
      w = await regionWorld(db());
    });

    it('records a member school’s people per role, beside the people who have an account', async () => {
      const region = await w.region();
      const coordinator = await w.coordinator(region.id);
      const school = await w.school({ sector: 'vo', name: 'Het Eemcollege' });
      const outsider = await w.school();
      await addMemberSchool(w.ctx(coordinator), w.deps, { regionId: region.id, brin: school.brin });
      const add = (input: object) =>
        addSchoolContact(w.ctx(coordinator), {
          regionId: region.id,
          brin: school.brin,
          ...input,
        } as Parameters<typeof addSchoolContact>[1]);
      const { contactId } = await add({
        role: 'technisch',
        name: 'Ids Ict',
        email: 'ict@eem.test',
        phone: '033 555 0123',
      });
      await add({ role: 'coordinator', name: 'Bram Brugklas', phone: '+31 33 555 0124' });
      await expect(
        add({ role: 'coordinator', name: 'bram brugklas', email: 'b@eem.test' }),
      ).rejects.toMatchObject({
        code: 'CONTACT_EXISTS',
      });
      await expect(add({ role: 'directie', name: 'Onbereikbaar' })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { field: 'email' },
      });
      await expect(add({ role: 'directie', name: 'Fout', email: 'geen-adres' })).rejects.toMatchObject({
        details: { field: 'email' },
      });
      await expect(
        addSchoolContact(w.ctx(coordinator), {
          regionId: region.id,
          brin: outsider.brin,
          role: 'technisch',
          name: 'Buiten',
          email: 'b@buiten.test',
        }),
      ).rejects.toMatchObject({ code: 'REGION_MEMBER_NOT_FOUND' });
      const admin = await w.person({ scope: 'school', brin: school.brin, role: 'administratie' });

      const list = await listSchoolContacts(w.ctx(coordinator), w.deps, {
        regionId: region.id,
        brin: school.brin,
      });
      expect(list).toMatchObject({ schoolName: 'Het Eemcollege', sector: 'vo' });
      expect(list.roles.map((r) => [r.role, r.required, r.contacts.map((c) => [c.name, c.source])])).toEqual([
        ['administratie', true, [[admin.name, 'account']]],
        ['directie', true, []],
        ['leerkracht', false, []],
        ['coordinator', true, [['Bram Brugklas', 'region']]],
        ['technisch', true, [['Ids Ict', 'region']]],
      ]);
      expect(list.roles[4].contacts[0]).toEqual({
        id: contactId,
        name: 'Ids Ict',
        email: 'ict@eem.test',
        phone: '033 555 0123',
        source: 'region',
      });

      await removeSchoolContact(w.ctx(coordinator), { regionId: region.id, brin: school.brin, contactId });
      await expect(
        removeSchoolContact(w.ctx(coordinator), { regionId: region.id, brin: school.brin, contactId }),
      ).rejects.toMatchObject({ code: 'CONTACT_NOT_FOUND' });
      const audit = await db().query<{ action: string; details: object }>(
        `SELECT action, details FROM platform.audit_log WHERE subject = $1 ORDER BY seq`,
        [contactId],
      );
      // the audit log holds the contact's id and role, never the person's name or address
      expect(audit.rows.map((r) => r.action)).toEqual([
        'region.school-contact.added',
        'region.school-contact.removed',
      ]);
      expect(JSON.stringify(audit.rows)).not.toMatch(/Ids Ict|ict@eem\.test/);
    });

    it('keeps the region’s own contacts for the help page', async () => {
      const region = await w.region();
      const coordinator = await w.coordinator(region.id);
      const { contactId } = await addRegionContact(w.ctx(coordinator), {
        regionId: region.id,
        name: 'Marieke van Dam',
        function: 'Regiocoördinator',
        email: 'overstap@regio.test',
      });
      expect(await listRegionContacts(w.ctx(coordinator), region.id)).toEqual([
        {
          id: contactId,
          name: 'Marieke van Dam',
          function: 'Regiocoördinator',
          email: 'overstap@regio.test',
          phone: null,
        },
      ]);
      await expect(
        addRegionContact(w.ctx(coordinator), {
          regionId: region.id,
          name: 'X',
          function: ' ',
          email: 'x@regio.test',
        }),
      ).rejects.toMatchObject({ details: { field: 'function' } });
      await removeRegionContact(w.ctx(coordinator), { regionId: region.id, contactId });
      expect(await listRegionContacts(w.ctx(coordinator), region.id)).toEqual([]);
    });

    it('shows a school whom to ask for what: its regions’ people, its supplier and its own people', async () => {
      const [a, b] = [await w.region({ name: 'Regio Amersfoort' }), await w.region({ name: 'Regio Baarn' })];
      const [ca, cb] = [await w.coordinator(a.id), await w.coordinator(b.id)];
      const school = await w.school({ name: 'Basisschool Het Anker' });
      await addMemberSchool(w.ctx(ca), w.deps, { regionId: a.id, brin: school.brin });
      await addMemberSchool(w.ctx(cb), w.deps, { regionId: b.id, brin: school.brin });
      await addRegionContact(w.ctx(ca), {
        regionId: a.id,
        name: 'Anna Regio',
        function: 'Coördinator',
        phone: '033 555 0001',
      });
      await addSchoolContact(w.ctx(ca), {
        regionId: a.id,
        brin: school.brin,
        role: 'technisch',
        name: 'Tim Techniek',
        email: 'tim@anker.test',
      });
      await updateRegionSettings(w.ctx(cb), b.id, {
        registrationsPerPupil: 'one',
        dossierOrder: null,
        platform: 'triple_w_ict',
        platformName: null,
        eindtoetsRoute: 'oso',
        holidayRegion: 'midden',
        minGapSchoolDays: 5,
      });

      const teacher = await w.schoolPerson(school.brin, 'leerkracht');
      const help = await schoolHelp(w.ctx(teacher), w.deps, school.brin);
      expect(help.schoolName).toBe('Basisschool Het Anker');
      expect(
        help.regions.map((r) => [r.name, r.contacts.map((c) => c.name), r.platform?.nl ?? null]),
      ).toEqual([
        ['Regio Amersfoort', ['Anna Regio'], null],
        ['Regio Baarn', [], 'Triple W-ICT (LDOS/ELK)'],
      ]);
      expect(help.suppliers).toHaveLength(1);
      expect(help.suppliers[0]).toMatch(/^Test-LAS/);
      expect(help.roles.find((r) => r.role === 'technisch')?.contacts.map((c) => c.name)).toEqual([
        'Tim Techniek',
      ]);

      // the coordinators of its regions may look too; people of another school may not
      expect((await schoolHelp(w.ctx(cb), w.deps, school.brin)).brin).toBe(school.brin);
      const elsewhere = await w.school();
      await expect(
        schoolHelp(w.ctx(await w.schoolPerson(elsewhere.brin, 'administratie')), w.deps, school.brin),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const otherRegion = await w.region();
      await expect(
        schoolHelp(w.ctx(await w.coordinator(otherRegion.id)), w.deps, school.brin),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  },
  { migrations: regionTestMigrations },
);
