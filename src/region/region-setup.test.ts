import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.js';
import { outboxMailer } from '../platform/auth/index.js';
import { addMemberSchool } from './add-member-school.js';
import { createRegion } from './create-region.js';
import { getRegion } from './get-region.js';
import { inviteCoordinator } from './invite-coordinator.js';
import { listRegions } from './list-regions.js';
import { removeMemberSchool } from './remove-member-school.js';
import { type RegionWorld, regionTestMigrations, regionWorld } from './test-world.js';
import { updateRegionSettings } from './update-region-settings.js';

const DEFAULTS = {
  registrationsPerPupil: 'one',
  dossierOrder: null,
  platform: 'none',
  platformName: null,
  eindtoetsRoute: 'oso',
  holidayRegion: 'midden',
  minGapSchoolDays: 5,
} as const;

describeEachDatabase(
  'setting up a region',
  (db) => {
    let w: RegionWorld;
    beforeAll(async () => {
      w = await regionWorld(db());
    });

    it('is made by the chain operator with default settings, once per code and name', async () => {
      const region = await createRegion(w.ctx(), {
        id: 'gooi-en-vecht',
        name: 'SWV Gooi en Vecht',
        holidayRegion: 'noord',
      });
      expect(region).toMatchObject({
        id: 'gooi-en-vecht',
        settings: { ...DEFAULTS, holidayRegion: 'noord' },
      });
      await expect(
        createRegion(w.ctx(), { id: 'gooi-en-vecht', name: 'Een andere naam', holidayRegion: 'noord' }),
      ).rejects.toMatchObject({ code: 'REGION_EXISTS' });
      await expect(
        createRegion(w.ctx(), { id: 'gooi-2', name: 'swv gooi en vecht', holidayRegion: 'noord' }),
      ).rejects.toMatchObject({ code: 'REGION_EXISTS' });
      await expect(
        createRegion(w.ctx(), { id: 'Gooi Vecht', name: 'Gooi', holidayRegion: 'noord' }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'id' } });
      const coordinator = await w.coordinator('gooi-en-vecht');
      await expect(
        createRegion(w.ctx(coordinator), { id: 'eigen-regio', name: 'Eigen regio', holidayRegion: 'noord' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });

    it('has member schools the traffic center knows; a school may be in more than one region', async () => {
      const [a, b] = [await w.region(), await w.region()];
      const [ca, cb] = [await w.coordinator(a.id), await w.coordinator(b.id)];
      const po = await w.school({ name: 'Basisschool De Linde' });
      const vo = await w.school({ name: 'Atheneum Eemland', sector: 'vo', admitted: false });
      expect(await addMemberSchool(w.ctx(ca), w.deps, { regionId: a.id, brin: po.brin })).toEqual({
        added: true,
      });
      expect(await addMemberSchool(w.ctx(ca), w.deps, { regionId: a.id, brin: po.brin })).toEqual({
        added: false,
      });
      await addMemberSchool(w.ctx(ca), w.deps, { regionId: a.id, brin: vo.brin.toLowerCase() });
      await addMemberSchool(w.ctx(cb), w.deps, { regionId: b.id, brin: po.brin });
      await expect(
        addMemberSchool(w.ctx(ca), w.deps, { regionId: a.id, brin: '99ZZ' }),
      ).rejects.toMatchObject({ code: 'SCHOOL_NOT_FOUND' });
      await expect(
        addMemberSchool(w.ctx(ca), w.deps, { regionId: b.id, brin: vo.brin }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });

      const overview = await getRegion(w.ctx(ca), w.deps, a.id);
      expect(overview.members).toEqual([
        { brin: vo.brin, name: 'Atheneum Eemland', sector: 'vo', place: 'Amersfoort' },
        { brin: po.brin, name: 'Basisschool De Linde', sector: 'po', place: 'Amersfoort' },
      ]);
      expect(overview.coordinators).toHaveLength(1);
      expect((await getRegion(w.ctx(cb), w.deps, b.id)).members.map((m) => m.brin)).toEqual([po.brin]);

      await removeMemberSchool(w.ctx(ca), { regionId: a.id, brin: po.brin });
      await expect(removeMemberSchool(w.ctx(ca), { regionId: a.id, brin: po.brin })).rejects.toMatchObject({
        code: 'REGION_MEMBER_NOT_FOUND',
      });
      expect((await getRegion(w.ctx(cb), w.deps, b.id)).members.map((m) => m.brin)).toEqual([po.brin]);
      const audit = await db().query<{ action: string; school_brin: string }>(
        `SELECT action, school_brin FROM platform.audit_log WHERE subject = $1 AND action LIKE 'region.member.%' ORDER BY seq`,
        [a.id],
      );
      expect(audit.rows.map((r) => [r.action, r.school_brin])).toEqual([
        ['region.member.added', po.brin],
        ['region.member.added', vo.brin],
        ['region.member.removed', po.brin],
      ]);
    });

    it('has settings that must fit together, each refusal explained at its field', async () => {
      const region = await w.region();
      const coordinator = await w.coordinator(region.id);
      const update = (changes: object) =>
        updateRegionSettings(w.ctx(coordinator), region.id, { ...DEFAULTS, ...changes } as typeof DEFAULTS);
      await expect(update({ registrationsPerPupil: 'several' })).rejects.toMatchObject({
        code: 'REGION_SETTINGS_INVALID',
        details: { field: 'dossierOrder' },
      });
      await expect(update({ platform: 'other', platformName: '  ' })).rejects.toMatchObject({
        code: 'REGION_SETTINGS_INVALID',
        details: { field: 'platformName' },
      });
      await expect(update({ eindtoetsRoute: 'platform' })).rejects.toMatchObject({
        code: 'REGION_SETTINGS_INVALID',
        details: { field: 'eindtoetsRoute' },
        messages: { nl: expect.stringContaining('alleen via het regionale platform') },
      });
      await expect(update({ minGapSchoolDays: 0 })).rejects.toMatchObject({
        details: { field: 'minGapSchoolDays' },
      });

      const saved = await update({
        registrationsPerPupil: 'several',
        dossierOrder: 'first_preference',
        platform: 'other',
        platformName: ' Regioplatform Eemland ',
        eindtoetsRoute: 'platform',
        holidayRegion: 'zuid',
        minGapSchoolDays: 7,
      });
      expect(saved.settings).toEqual({
        registrationsPerPupil: 'several',
        dossierOrder: 'first_preference',
        platform: 'other',
        platformName: 'Regioplatform Eemland',
        eindtoetsRoute: 'platform',
        holidayRegion: 'zuid',
        minGapSchoolDays: 7,
      });
      // back to one registration: the order no longer applies and is cleared
      expect((await update({ dossierOrder: 'after_placement' })).settings.dossierOrder).toBeNull();
      // the database guards the same rules
      await expect(
        db().query(
          `UPDATE region.regions SET eindtoets_route = 'platform', platform = 'none' WHERE id = $1`,
          [region.id],
        ),
      ).rejects.toThrow(/regions_eindtoets/);
      const other = await w.region();
      await expect(
        updateRegionSettings(w.ctx(await w.coordinator(other.id)), region.id, DEFAULTS),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });

    it('is listed for its coordinators, every region for the operator, none for a school’s people', async () => {
      const region = await w.region();
      const coordinator = await w.coordinator(region.id);
      expect(await listRegions(w.ctx(coordinator))).toEqual([{ id: region.id, name: region.name }]);
      expect((await listRegions(w.ctx())).map((r) => r.id)).toContain(region.id);
      const school = await w.school();
      expect(await listRegions(w.ctx(await w.schoolPerson(school.brin, 'directie')))).toEqual([]);
    });

    it('lets a coordinator invite a colleague as coordinator, by mail; a school’s people may not', async () => {
      const region = await w.region();
      const coordinator = await w.coordinator(region.id);
      const mailer = outboxMailer();
      const mail = { mailer, publicUrl: () => 'http://overstap.test' };
      const invited = await inviteCoordinator(w.ctx(coordinator), mail, {
        regionId: region.id,
        email: 'collega@regio.test',
        name: 'Collega Coördinator',
      });
      const { rows } = await db().query<{ scope: string; scope_id: string; role: string }>(
        'SELECT scope, scope_id, role FROM platform.invitations WHERE id = $1',
        [invited.invitationId],
      );
      expect(rows).toEqual([{ scope: 'region', scope_id: region.id, role: 'regiocoordinator' }]);
      const school = await w.school();
      await expect(
        inviteCoordinator(w.ctx(await w.schoolPerson(school.brin, 'administratie')), mail, {
          regionId: region.id,
          email: 'indringer@regio.test',
          name: 'Indringer',
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  },
  { migrations: regionTestMigrations },
);
