import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { requireCaller } from '../../platform/auth/index.js';
import {
  type AuthWorld,
  type Browser,
  MovableClock,
  startAuthWorld,
} from '../../platform/auth/test-harness.js';
import { addMemberSchool } from '../add-member-school.js';
import { type RegionWorld, regionTestMigrations, regionWorld, type TestSchool } from '../test-world.js';
import { gatewayPilotExchanges } from './all-in-one-ports.js';
import { registerPilotRoutes } from './routes.js';

describeEachDatabase(
  'the pilot’s HTTP API',
  (db) => {
    let w: RegionWorld;
    let web: AuthWorld;
    let region: { id: string; name: string };
    let po: TestSchool;
    let vo: TestSchool;
    let coordinator: Browser;
    let pilotId: string;
    let pairId: string;
    const browsers = new Map<string, Browser>();

    beforeAll(async () => {
      w = await regionWorld(db());
      const clock = new MovableClock('2026-11-28T09:00:00.000Z');
      web = await startAuthWorld(db(), {
        clock,
        keyring: w.deps.keyring,
        register: (api, deps) =>
          registerPilotRoutes(api, {
            ...w.deps,
            now: clock.now,
            exchanges: gatewayPilotExchanges(db(), w.deps.keyring, undefined),
            mailer: deps.mailer,
            auth: requireCaller(deps.db, { now: clock.now }),
          }),
      });
      region = await w.region({ name: 'Regio Pilot HTTP' });
      po = await w.school({ name: 'Basisschool De Brug' });
      vo = await w.school({ sector: 'vo', name: 'Het Lyceum' });
      const c = await w.coordinator(region.id);
      for (const s of [po, vo])
        await addMemberSchool(w.ctx(c), w.deps, { regionId: region.id, brin: s.brin });
      coordinator = await web.signedIn(
        await web.person({ scope: 'region', regionId: region.id, role: 'regiocoordinator' }),
      );
    });
    afterAll(async () => web?.close());

    /** One signed-in browser per role and place (a TOTP code is good once). */
    const as = async (key: string, membership: Parameters<AuthWorld['person']>[0]) => {
      const known = browsers.get(key);
      if (known) return known;
      const browser = await web.signedIn(await web.person(membership));
      browsers.set(key, browser);
      return browser;
    };
    const base = () => `/api/region/regions/${region.id}/pilots`;

    it('lets the region’s coordinator make a pilot, and refuses bad input in words', async () => {
      const made = await coordinator.request('POST', base(), {
        body: {
          name: 'Pilot december',
          startsOn: '2026-12-01',
          endsOn: '2026-12-18',
          pairs: [{ poBrin: po.brin, voBrin: vo.brin }],
        },
      });
      expect(made.statusCode).toBe(201);
      pilotId = made.json().pilotId;
      const detail = await coordinator.request('GET', `${base()}/${pilotId}`);
      expect(detail.statusCode).toBe(200);
      pairId = detail.json().pairs[0].pairId;
      expect(detail.json()).toMatchObject({
        status: 'planned',
        pairs: [{ po: { brin: po.brin }, vo: { brin: vo.brin } }],
      });

      const wrong = await coordinator.request('POST', base(), {
        body: { name: 'Pilot twee', startsOn: '2026-12-10', endsOn: '2026-12-01', pairs: [] },
      });
      expect(wrong.statusCode).toBe(422);
      expect(wrong.json()).toMatchObject({
        code: 'PILOT_INVALID',
        message: { nl: expect.stringContaining('niets opgeslagen') },
        details: {
          problems: [
            { field: 'endsOn', message: { nl: expect.stringContaining('vóór de begindatum') } },
            { field: 'pairs', message: { en: expect.stringContaining('at least one pair') } },
          ],
        },
      });
      const malformed = await coordinator.request('POST', base(), {
        body: {
          name: 'Pilot drie',
          startsOn: '2026-12-01',
          endsOn: '2026-12-10',
          pairs: [{ poBrin: 'x', voBrin: vo.brin }],
        },
      });
      expect(malformed.statusCode).toBe(400);
      expect((await coordinator.request('GET', base())).json().pilots).toHaveLength(1);
    });

    it('refuses the pilot’s coordinator pages to anyone else', async () => {
      const staff = await as('po-admin', { scope: 'school', brin: po.brin, role: 'administratie' });
      expect((await staff.request('GET', base())).statusCode).toBe(403);
      expect((await staff.request('GET', `${base()}/${pilotId}`)).statusCode).toBe(403);
      expect(
        (
          await staff.request('POST', base(), {
            body: { name: 'x', startsOn: '2026-12-01', endsOn: '2026-12-02', pairs: [] },
          })
        ).statusCode,
      ).toBe(403);
      expect((await staff.request('DELETE', `${base()}/${pilotId}/pairs/${pairId}`)).statusCode).toBe(403);
      const otherRegion = await w.region({ name: 'Andere regio HTTP' });
      const otherCoordinator = await as('other', {
        scope: 'region',
        regionId: otherRegion.id,
        role: 'regiocoordinator',
      });
      expect((await otherCoordinator.request('GET', `${base()}/${pilotId}`)).statusCode).toBe(403);
      expect(
        (await otherCoordinator.request('GET', `/api/region/regions/${otherRegion.id}/pilots/${pilotId}`))
          .statusCode,
      ).toBe(404);
      expect((await web.browser().request('GET', base())).statusCode).toBe(401);
    });

    it('shows a school its pilots and lets only the right side do a step', async () => {
      const poAdmin = await as('po-admin', { scope: 'school', brin: po.brin, role: 'administratie' });
      const own = await poAdmin.request('GET', `/api/region/schools/${po.brin}/pilots`);
      expect(own.statusCode).toBe(200);
      expect(own.json()).toMatchObject({
        brin: po.brin,
        pilots: [
          { id: pilotId, pairs: [{ side: 'po', actions: { prepare: true, request: false, import: false } }] },
        ],
        sending: [],
        receiving: [],
      });
      expect((await poAdmin.request('GET', `/api/region/schools/${vo.brin}/pilots`)).statusCode).toBe(403);
      expect((await coordinator.request('GET', `/api/region/schools/${po.brin}/pilots`)).statusCode).toBe(
        403,
      );

      const teacher = await as('po-teacher', { scope: 'school', brin: po.brin, role: 'leerkracht' });
      const teacherView = await teacher.request('GET', `/api/region/schools/${po.brin}/pilots`);
      expect(teacherView.json().pilots[0].pairs[0].actions).toEqual({
        prepare: false,
        request: false,
        import: false,
      });
      const step = (browser: Browser, brin: string, what: string) =>
        browser.request('POST', `/api/region/schools/${brin}/pilots/${pilotId}/pairs/${pairId}/${what}`);
      // a teacher may write dossiers but not set them ready; the vo school cannot prepare, the po school cannot request
      expect((await step(teacher, po.brin, 'prepare')).json()).toMatchObject({
        code: 'FORBIDDEN',
        details: { permission: 'dossier:inzage+dossier:klaarzetten' },
      });
      const voAdmin = await as('vo-admin', { scope: 'school', brin: vo.brin, role: 'administratie' });
      expect((await step(voAdmin, vo.brin, 'prepare')).json()).toMatchObject({
        code: 'FORBIDDEN',
        message: { nl: expect.stringContaining('niet de po-school van dit paar') },
      });
      expect((await step(poAdmin, po.brin, 'request')).json()).toMatchObject({
        code: 'FORBIDDEN',
        message: { en: expect.stringContaining('not the secondary school of this pair') },
      });
      expect((await step(poAdmin, vo.brin, 'import')).statusCode).toBe(403);
      expect((await step(coordinator, po.brin, 'prepare')).statusCode).toBe(403);
    });

    it('mails the dates, shows the servicedesk what is coming, and takes out a pair that has not started', async () => {
      const detail = (await coordinator.request('GET', `${base()}/${pilotId}`)).json();
      const supplier = detail.suppliers[0].name;
      await web.person({ scope: 'servicedesk', role: 'servicedesk' });
      const notified = await coordinator.request('POST', `${base()}/${pilotId}/notify`, {
        body: {
          suppliers: [{ name: supplier, email: 'helpdesk@las.test' }],
          servicedeskEmail: 'servicedesk@overstap.test',
        },
      });
      expect(notified.statusCode).toBe(200);
      expect(notified.json().recipients.map((r: { email: string }) => r.email)).toEqual([
        'helpdesk@las.test',
        'servicedesk@overstap.test',
      ]);
      expect((await web.mails()).map((m) => m.to)).toEqual(
        expect.arrayContaining(['helpdesk@las.test', 'servicedesk@overstap.test']),
      );

      const desk = await as('desk', { scope: 'servicedesk', role: 'servicedesk' });
      const upcoming = await desk.request('GET', '/api/region/pilots/upcoming');
      expect(upcoming.statusCode).toBe(200);
      expect(upcoming.json()).toEqual([
        expect.objectContaining({ id: pilotId, regionName: 'Regio Pilot HTTP', suppliers: [supplier] }),
      ]);
      expect((await coordinator.request('GET', '/api/region/pilots/upcoming')).statusCode).toBe(403);

      const removed = await coordinator.request('DELETE', `${base()}/${pilotId}/pairs/${pairId}`);
      expect(removed.statusCode).toBe(204);
      expect((await coordinator.request('GET', `${base()}/${pilotId}`)).json().pairs).toEqual([]);
    });
  },
  { migrations: regionTestMigrations },
);
