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
import { addSchoolContact } from '../add-school-contact.js';
import { saveTimeline } from '../save-timeline.js';
import { type RegionWorld, regionTestMigrations, regionWorld, type TestSchool } from '../test-world.js';
import { registerReminderRoutes } from './routes.js';

const DATES = {
  inspectedBy: '2027-03-05',
  registeredBy: '2027-03-19',
  destinationKnownBy: '2027-03-26',
  readyBy: '2027-04-09',
  requestedBy: '2027-04-16',
  summerSwitch: '2027-07-17',
};

describeEachDatabase(
  'the reminders’ HTTP API',
  (db) => {
    let w: RegionWorld;
    let web: AuthWorld;
    let region: { id: string; name: string };
    let po: TestSchool;
    let other: TestSchool;
    let coordinator: Browser;
    let teacher: Browser;
    let otherAdmin: Browser;

    beforeAll(async () => {
      w = await regionWorld(db());
      // Thursday 4 March 2027: the last school day before ‘parents have inspected’
      const clock = new MovableClock('2027-03-04T07:00:00.000Z');
      web = await startAuthWorld(db(), {
        clock,
        keyring: w.deps.keyring,
        register: (api, deps) =>
          registerReminderRoutes(api, {
            ...w.deps,
            now: clock.now,
            auth: requireCaller(deps.db, { now: clock.now }),
          }),
      });
      region = await w.region({ name: 'Regio Herinnering HTTP' });
      po = await w.school({ name: 'Basisschool De Brug' });
      other = await w.school({ name: 'Basisschool Andere' });
      const c = await w.coordinator(region.id);
      for (const s of [po, other])
        await addMemberSchool(w.ctx(c), w.deps, { regionId: region.id, brin: s.brin });
      await saveTimeline(w.ctx(c), w.deps, { regionId: region.id, schoolYear: '2026-2027', dates: DATES });
      await addSchoolContact(w.ctx(c), {
        regionId: region.id,
        brin: po.brin,
        role: 'administratie',
        name: 'Bea Bakker',
        email: 'administratie@brug.test',
      });
      coordinator = await web.signedIn(
        await web.person({ scope: 'region', regionId: region.id, role: 'regiocoordinator' }),
      );
      teacher = await web.signedIn(await web.person({ scope: 'school', brin: po.brin, role: 'leerkracht' }));
      otherAdmin = await web.signedIn(
        await web.person({ scope: 'school', brin: other.brin, role: 'administratie' }),
      );
    });
    afterAll(async () => web?.close());

    it('lets the coordinator read and change the settings, and refuses a number out of bounds at its field', async () => {
      const base = `/api/region/regions/${region.id}/reminders/settings`;
      const read = await coordinator.request('GET', base);
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({
        settings: { enabled: true, daysBefore: 5, lastSchoolDayBefore: true, afterDeadline: true },
        bounds: { daysBefore: { min: 2, max: 20 } },
        schoolYear: '2026-2027',
        updatedAt: null,
      });
      expect(read.json().schedule[0]).toEqual({
        deadline: 'inspectedBy',
        kind: 'before',
        dueOn: '2027-02-19',
        until: '2027-03-03',
        relevantUntil: '2027-03-05',
      });
      const settings = { ...read.json().settings, repeatAfterSchoolDays: 25 };
      const refused = await coordinator.request('PUT', base, { body: settings });
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({
        code: 'REGION_SETTINGS_INVALID',
        details: { field: 'repeatAfterSchoolDays' },
        message: { nl: expect.stringContaining('van 3 tot en met 20') },
      });
      const saved = await coordinator.request('PUT', base, {
        body: { ...settings, repeatAfterSchoolDays: 10 },
      });
      expect(saved.statusCode).toBe(200);
      expect(saved.json().settings.repeatAfterSchoolDays).toBe(10);
      expect((await teacher.request('PUT', base, { body: settings })).statusCode).toBe(403);
      expect((await teacher.request('GET', base)).statusCode).toBe(403);
    });

    it('sends the due reminders now for the coordinator, and lists them with addresses for an administrator', async () => {
      const send = await coordinator.request('POST', `/api/region/regions/${region.id}/reminders/send`);
      expect(send.statusCode).toBe(200);
      expect(send.json()).toMatchObject({
        day: '2027-03-04',
        schoolDay: true,
        due: [{ schoolYear: '2026-2027', deadline: 'inspectedBy', kind: 'last_day', dueOn: '2027-03-04' }],
        reminders: 2,
        // De Brug: its administratie (recorded) and its teacher (account); Andere: its administratie
        recipients: 3,
        alreadySent: 0,
      });
      const again = await coordinator.request('POST', `/api/region/regions/${region.id}/reminders/send`);
      expect(again.json()).toMatchObject({ reminders: 0, alreadySent: 2 });
      expect(
        (await teacher.request('POST', `/api/region/regions/${region.id}/reminders/send`)).statusCode,
      ).toBe(403);

      const log = await coordinator.request('GET', `/api/region/regions/${region.id}/reminders`);
      expect(log.statusCode).toBe(200);
      const entry = log.json().entries.find((e: { brin: string }) => e.brin === po.brin);
      expect(entry).toMatchObject({
        schoolName: 'Basisschool De Brug',
        deadline: 'inspectedBy',
        kind: 'last_day',
        status: 'no_data',
        roles: ['administratie', 'leerkracht'],
        fallback: false,
        recipients: 2,
        trigger: 'manual',
      });
      expect(entry.addresses.map((a: { email: string }) => a.email)).toContain('administratie@brug.test');
    });

    it('shows a school’s staff their own notices, lets them mark one read, and refuses another school’s', async () => {
      const own = await teacher.request('GET', `/api/region/schools/${po.brin}/notices`);
      expect(own.statusCode).toBe(200);
      expect(own.json()).toMatchObject({ brin: po.brin, open: 1 });
      const notice = own.json().notices[0];
      expect(notice).toMatchObject({
        regionName: 'Regio Herinnering HTTP',
        link: `/school/${po.brin}/vertrek`,
        roles: { nl: 'administratie of leerkracht groep 8' },
        open: true,
      });
      expect(JSON.stringify(own.json())).not.toMatch(/@/);

      // another school's people: refused for the list, not found for the notice under their own school
      expect((await otherAdmin.request('GET', `/api/region/schools/${po.brin}/notices`)).statusCode).toBe(
        403,
      );
      expect(
        (await otherAdmin.request('POST', `/api/region/schools/${po.brin}/notices/${notice.id}/read`))
          .statusCode,
      ).toBe(403);
      const notTheirs = await otherAdmin.request(
        'POST',
        `/api/region/schools/${other.brin}/notices/${notice.id}/read`,
      );
      expect(notTheirs.statusCode).toBe(404);
      expect(notTheirs.json().code).toBe('REMINDER_NOTICE_NOT_FOUND');
      // the coordinator is no staff of the school
      expect((await coordinator.request('GET', `/api/region/schools/${po.brin}/notices`)).statusCode).toBe(
        403,
      );

      const read = await teacher.request('POST', `/api/region/schools/${po.brin}/notices/${notice.id}/read`);
      expect(read.statusCode).toBe(200);
      expect(read.json()).toEqual({ read: true });
      expect((await teacher.request('GET', `/api/region/schools/${po.brin}/notices`)).json()).toMatchObject({
        open: 0,
        notices: [{ id: notice.id, read: true, open: false }],
      });
      // without the CSRF header a change is refused
      expect(
        (
          await teacher.request('POST', `/api/region/schools/${po.brin}/notices/${notice.id}/read`, {
            csrf: null,
          })
        ).statusCode,
      ).toBe(403);
    });
  },
  { migrations: regionTestMigrations },
);
