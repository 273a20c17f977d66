import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { allPlatformMigrations } from '../migrations.js';
import { registerPeopleRoutes } from './people-routes.js';
import { type AuthWorld, startAuthWorld, type TestPerson } from './test-harness.js';

const DAY = 24 * 60 * 60_000;

describeEachDatabase(
  'the people of a school (GET /api/auth/schools/:brin/people)',
  (db) => {
    let world: AuthWorld;
    let admin: TestPerson;
    let teacher: TestPerson;
    let elsewhere: TestPerson;

    beforeAll(async () => {
      world = await startAuthWorld(db(), { register: registerPeopleRoutes });
      admin = await world.person({ scope: 'school', brin: '01AA', role: 'administratie' });
      teacher = await world.person(
        { scope: 'school', brin: '01AA', role: 'leerkracht' },
        { enrolled: false },
      );
      elsewhere = await world.person({ scope: 'school', brin: '21XX', role: 'administratie' });
    });
    afterAll(async () => {
      await world?.close();
    });

    it('lists everyone with a role at the school and the people invited there, and no one of another school', async () => {
      const browser = await world.signedIn(admin);
      const invite = await browser.request('POST', '/api/auth/invitations', {
        body: { email: 'nieuw.lijst@school.test', name: 'Nieuwe Collega', brin: '01AA', role: 'coordinator' },
      });
      expect(invite.statusCode).toBe(201);

      const res = await browser.request('GET', '/api/auth/schools/01AA/people');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ brin: '01AA', schoolName: 'School 01AA' });
      const byEmail = new Map(body.people.map((p: { email: string }) => [p.email, p]));
      expect(byEmail.get(admin.email)).toMatchObject({
        accountId: admin.accountId,
        roles: ['administratie'],
        invitations: [],
        status: 'active',
      });
      expect(byEmail.get(teacher.email)).toMatchObject({ roles: ['leerkracht'], status: 'password_set' });
      expect(byEmail.get('nieuw.lijst@school.test')).toMatchObject({
        name: 'Nieuwe Collega',
        roles: [],
        status: 'invited',
        invitations: [{ role: 'coordinator', expired: false }],
      });
      expect(byEmail.has(elsewhere.email)).toBe(false);
      const names = body.people.map((p: { name: string }) => p.name);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nl')));
    });

    it('shows an invitation that ran out as expired for 30 days, then no more', async () => {
      const browser = await world.signedIn(admin);
      await browser.request('POST', '/api/auth/invitations', {
        body: { email: 'verloopt@school.test', name: 'Verloopt Later', brin: '01AA', role: 'technisch' },
      });
      world.clock.advance(8 * DAY);
      const later = await world.signedIn(admin);
      const expired = (await later.request('GET', '/api/auth/schools/01AA/people')).json();
      const person = expired.people.find((p: { email: string }) => p.email === 'verloopt@school.test');
      expect(person.invitations).toEqual([expect.objectContaining({ role: 'technisch', expired: true })]);

      world.clock.advance(31 * DAY);
      const much = await world.signedIn(admin);
      const gone = (await much.request('GET', '/api/auth/schools/01AA/people')).json();
      expect(gone.people.some((p: { email: string }) => p.email === 'verloopt@school.test')).toBe(false);
    });

    it('refuses whoever lacks school:people at that school: a teacher, another school, no one signed in', async () => {
      const teacherWithApp = await world.person({ scope: 'school', brin: '01AA', role: 'leerkracht' });
      const asTeacher = await world.signedIn(teacherWithApp);
      expect((await asTeacher.request('GET', '/api/auth/schools/01AA/people')).statusCode).toBe(403);

      const asOtherSchool = await world.signedIn(elsewhere);
      const refused = await asOtherSchool.request('GET', '/api/auth/schools/01AA/people');
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('FORBIDDEN');
      expect((await asOtherSchool.request('GET', '/api/auth/schools/21XX/people')).statusCode).toBe(200);

      expect((await world.browser().request('GET', '/api/auth/schools/01AA/people')).statusCode).toBe(401);
    });

    it('lets the servicedesk see the people of any school', async () => {
      const desk = await world.person({ scope: 'servicedesk', role: 'servicedesk' });
      const browser = await world.signedIn(desk);
      const res = await browser.request('GET', '/api/auth/schools/21XX/people');
      expect(res.statusCode).toBe(200);
      expect(res.json().people.map((p: { email: string }) => p.email)).toContain(elsewhere.email);
    });
  },
  { migrations: allPlatformMigrations },
);
