import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { allPlatformMigrations } from '../migrations.js';
import { registerPeopleRoutes } from './people-routes.js';
import { type AuthWorld, linkToken, startAuthWorld, type TestPerson } from './test-harness.js';

describeEachDatabase(
  'taking a role at a school away (DELETE /api/auth/schools/:brin/people/:accountId/roles/:role)',
  (db) => {
    let world: AuthWorld;
    let head: TestPerson;

    beforeAll(async () => {
      world = await startAuthWorld(db(), { register: registerPeopleRoutes });
      head = await world.person({ scope: 'school', brin: '01AA', role: 'directie' });
    });
    afterAll(async () => {
      await world?.close();
    });

    const path = (person: { accountId: string }, role: string, brin = '01AA') =>
      `/api/auth/schools/${brin}/people/${person.accountId}/roles/${role}`;

    it('takes the permission away from the next request on, and writes an audit entry', async () => {
      const teacher = await world.person({ scope: 'school', brin: '01AA', role: 'leerkracht' });
      const asTeacher = await world.signedIn(teacher);
      const before = (await asTeacher.request('GET', '/api/auth/me')).json();
      expect(before.permissions['01AA']).toContain('dossier:read');

      const asHead = await world.signedIn(head);
      const removed = await asHead.request('DELETE', path(teacher, 'leerkracht'));
      expect(removed.statusCode).toBe(204);

      const after = (await asTeacher.request('GET', '/api/auth/me')).json();
      expect(after.state).toBe('signed_in');
      expect(after.memberships).toEqual([]);
      expect(after.permissions).toEqual({});
      const list = (await asHead.request('GET', '/api/auth/schools/01AA/people')).json();
      expect(list.people.some((p: { accountId: string }) => p.accountId === teacher.accountId)).toBe(false);

      const { rows } = await db().query<{
        actor_id: string;
        school_brin: string;
        details: Record<string, unknown>;
      }>(
        `SELECT actor_id, school_brin, details FROM platform.audit_log
          WHERE action = 'auth.membership.removed' AND subject = $1`,
        [teacher.accountId],
      );
      expect(rows).toEqual([
        {
          actor_id: `account:${head.accountId}`,
          school_brin: '01AA',
          details: expect.objectContaining({
            role: 'leerkracht',
            membershipRemoved: true,
            invitationsWithdrawn: 0,
          }),
        },
      ]);
    });

    it('withdraws an open invitation to that role: its link stops working', async () => {
      const asHead = await world.signedIn(head);
      const invited = await asHead.request('POST', '/api/auth/invitations', {
        body: {
          email: 'ingetrokken@school.test',
          name: 'Ingetrokken Uitnodiging',
          brin: '01AA',
          role: 'coordinator',
        },
      });
      expect(invited.statusCode).toBe(201);
      const mail = (await world.mails()).find((m) => m.to === 'ingetrokken@school.test');
      if (!mail) throw new Error('no invitation mail');
      const token = linkToken(mail, 'uitnodiging');
      expect((await world.browser().request('GET', `/api/auth/invitations/${token}`)).statusCode).toBe(200);

      const withdrawn = await asHead.request('DELETE', path(invited.json(), 'coordinator'));
      expect(withdrawn.statusCode).toBe(204);
      const link = await world.browser().request('GET', `/api/auth/invitations/${token}`);
      expect(link.statusCode).toBe(410);
      const accept = await world.browser().request('POST', `/api/auth/invitations/${token}/accept`, {
        body: { password: 'een lang genoeg wachtwoord' },
      });
      expect(accept.statusCode).toBe(410);
    });

    it('does not let anyone remove their own role', async () => {
      const asHead = await world.signedIn(head);
      const own = await asHead.request('DELETE', path(head, 'directie'));
      expect(own.statusCode).toBe(409);
      expect(own.json().message.nl).toContain('eigen rol');
      const me = (await asHead.request('GET', '/api/auth/me')).json();
      expect(me.permissions['01AA']).toContain('school:people');
    });

    it('answers 404 for a role the person does not hold, and 403 at a school where the caller has no say', async () => {
      const teacher = await world.person({ scope: 'school', brin: '01AA', role: 'leerkracht' });
      const asHead = await world.signedIn(head);
      const missing = await asHead.request('DELETE', path(teacher, 'technisch'));
      expect(missing.statusCode).toBe(404);

      const other = await world.person({ scope: 'school', brin: '21XX', role: 'administratie' });
      const asOther = await world.signedIn(other);
      const refused = await asOther.request('DELETE', path(teacher, 'leerkracht'));
      expect(refused.statusCode).toBe(403);
      const still = (await asHead.request('GET', '/api/auth/schools/01AA/people')).json();
      expect(
        still.people.find((p: { accountId: string }) => p.accountId === teacher.accountId)?.roles,
      ).toEqual(['leerkracht']);
    });

    it('refuses a DELETE from the session without the CSRF header', async () => {
      const teacher = await world.person({ scope: 'school', brin: '01AA', role: 'leerkracht' });
      const asHead = await world.signedIn(head);
      const res = await asHead.request('DELETE', path(teacher, 'leerkracht'), { csrf: null });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('CSRF_INVALID');
      const wrong = await asHead.request('DELETE', path(teacher, 'leerkracht'), { csrf: 'x'.repeat(43) });
      expect(wrong.json().code).toBe('CSRF_INVALID');
    });
  },
  { migrations: allPlatformMigrations },
);
