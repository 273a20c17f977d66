import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.js';
import { requireCaller } from '../platform/auth/index.js';
import { type AuthWorld, type Browser, MovableClock, startAuthWorld } from '../platform/auth/test-harness.js';
import { addMemberSchool } from './add-member-school.js';
import { registerRegionRoutes } from './routes.js';
import { type RegionWorld, regionTestMigrations, regionWorld, type TestSchool } from './test-world.js';

const DATES = {
  inspectedBy: '2027-03-05',
  registeredBy: '2027-03-19',
  destinationKnownBy: '2027-03-26',
  readyBy: '2027-04-09',
  requestedBy: '2027-04-16',
  summerSwitch: '2027-07-17',
};

describeEachDatabase(
  'the region’s HTTP API',
  (db) => {
    let w: RegionWorld;
    let web: AuthWorld;
    let region: { id: string; name: string };
    let school: TestSchool;
    let coordinator: Browser;

    beforeAll(async () => {
      w = await regionWorld(db());
      const clock = new MovableClock('2026-11-28T09:00:00.000Z');
      web = await startAuthWorld(db(), {
        clock,
        keyring: w.deps.keyring,
        register: (api, deps) =>
          registerRegionRoutes(api, {
            ...w.deps,
            now: clock.now,
            invitations: { mailer: deps.mailer, publicUrl: deps.publicUrl },
            auth: requireCaller(deps.db, { now: clock.now }),
          }),
      });
      region = await w.region({ name: 'Regio HTTP' });
      school = await w.school({ name: 'Basisschool De Brug' });
      await addMemberSchool(w.ctx(), w.deps, { regionId: region.id, brin: school.brin });
      coordinator = await web.signedIn(
        await web.person({ scope: 'region', regionId: region.id, role: 'regiocoordinator' }),
      );
    });
    afterAll(async () => web?.close());

    it('gives a signed-in coordinator the region, its readiness and its timeline', async () => {
      expect((await coordinator.request('GET', '/api/region/regions')).json()).toEqual([
        { id: region.id, name: 'Regio HTTP' },
      ]);
      const overview = await coordinator.request('GET', `/api/region/regions/${region.id}`);
      expect(overview.statusCode).toBe(200);
      expect(overview.json().members).toEqual([
        { brin: school.brin, name: 'Basisschool De Brug', sector: 'po', place: 'Amersfoort' },
      ]);
      const readiness = (
        await coordinator.request('GET', `/api/region/regions/${region.id}/readiness`)
      ).json();
      expect(
        readiness.members[0].checks.find((c: { item: string }) => c.item === 'roles').missing.nl,
      ).toMatch(/^Nog niemand als administratie, directie, leerkracht groep 8 en technisch contact/);
      const empty = (
        await coordinator.request('GET', `/api/region/regions/${region.id}/timelines/2026-2027`)
      ).json();
      expect(empty).toMatchObject({
        dates: null,
        holidayRegion: 'midden',
        minGapSchoolDays: 5,
        warnings: [],
      });
    });

    it('refuses a timeline in the wrong order with the explanation per field, then saves the fixed one', async () => {
      const url = `/api/region/regions/${region.id}/timelines/2026-2027`;
      const wrong = await coordinator.request('PUT', url, {
        body: { ...DATES, registeredBy: '2027-03-01', readyBy: '2027-03-25' },
      });
      expect(wrong.statusCode).toBe(422);
      const body = wrong.json();
      expect(body.code).toBe('TIMELINE_ORDER_INVALID');
      expect(body.message.nl).toBe(
        '‘Leerlingen aangemeld’ (1 maart 2027) moet na ‘Ouders hebben ingezien’ (5 maart 2027) liggen: ouders moeten het dossier hebben ingezien voordat hun kind wordt aangemeld, want het dossier hoort bij de aanmelding.',
      );
      expect(
        body.details.problems.map((p: { field: string; otherField: string }) => [p.field, p.otherField]),
      ).toEqual([
        ['registeredBy', 'inspectedBy'],
        ['readyBy', 'destinationKnownBy'],
      ]);

      const saved = await coordinator.request('PUT', url, {
        body: { ...DATES, readyBy: '2027-04-26', requestedBy: '2027-05-10' },
      });
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toMatchObject({
        summerSwitch: { status: 'set', day: '2027-07-17' },
        warnings: [{ kind: 'holiday', field: 'readyBy' }],
      });
      // a change without the CSRF header is refused
      const forged = await coordinator.request('PUT', url, { body: DATES, csrf: null });
      expect(forged.statusCode).toBe(403);
      expect(forged.json().code).toBe('CSRF_INVALID');
    });

    it('refuses other regions, and checks the input against the schema', async () => {
      const other = await w.region();
      const res = await coordinator.request('GET', `/api/region/regions/${other.id}/readiness`);
      expect([res.statusCode, res.json().code]).toEqual([403, 'FORBIDDEN']);
      const bad = await coordinator.request('PUT', `/api/region/regions/${region.id}/timelines/2026-2027`, {
        body: { ...DATES, summerSwitch: '17 juli' },
      });
      expect([bad.statusCode, bad.json().code]).toEqual([400, 'VALIDATION_FAILED']);
      const settings = await coordinator.request('PUT', `/api/region/regions/${region.id}/settings`, {
        body: {
          registrationsPerPupil: 'one',
          dossierOrder: null,
          platform: 'none',
          platformName: null,
          eindtoetsRoute: 'platform',
          holidayRegion: 'midden',
          minGapSchoolDays: 5,
        },
      });
      expect([settings.statusCode, settings.json().code, settings.json().details.field]).toEqual([
        422,
        'REGION_SETTINGS_INVALID',
        'eindtoetsRoute',
      ]);
    });

    it('manages contacts, invites a colleague by mail, and shows the help page to the school’s people', async () => {
      const added = await coordinator.request(
        'POST',
        `/api/region/regions/${region.id}/schools/${school.brin}/contacts`,
        {
          body: { role: 'technisch', name: 'Tara Techniek', email: 'tara@brug.test' },
        },
      );
      expect(added.statusCode).toBe(201);
      const invited = await coordinator.request('POST', `/api/region/regions/${region.id}/coordinators`, {
        body: { email: 'nieuwe.collega@regio.test', name: 'Nieuwe Collega' },
      });
      expect(invited.statusCode).toBe(201);
      expect((await web.mails()).map((m) => m.to)).toContain('nieuwe.collega@regio.test');

      const teacher = await web.signedIn(
        await web.person({ scope: 'school', brin: school.brin, role: 'leerkracht' }),
      );
      const help = await teacher.request('GET', `/api/region/schools/${school.brin}/help`);
      expect(help.statusCode).toBe(200);
      expect(help.json().regions.map((r: { name: string }) => r.name)).toEqual(['Regio HTTP']);
      expect(
        help
          .json()
          .roles.find((r: { role: string }) => r.role === 'technisch')
          .contacts.map((c: { name: string }) => c.name),
      ).toEqual(['Tara Techniek']);
      const stranger = await web.signedIn(
        await web.person({ scope: 'school', brin: '99XX', role: 'leerkracht' }),
      );
      expect((await stranger.request('GET', `/api/region/schools/${school.brin}/help`)).statusCode).toBe(403);
    });

    it('describes its routes in the OpenAPI document', async () => {
      const doc = (await web.api.inject({ method: 'GET', url: '/api/docs/json' })).json();
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/region/regions',
          '/api/region/regions/{regionId}/readiness',
          '/api/region/regions/{regionId}/timelines/{schoolYear}',
          '/api/region/schools/{brin}/help',
        ]),
      );
    });
  },
  { migrations: regionTestMigrations },
);
