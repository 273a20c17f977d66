import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { requireCaller } from '../../platform/auth/index.js';
import {
  type AuthWorld,
  type Browser,
  MovableClock,
  startAuthWorld,
} from '../../platform/auth/test-harness.js';
import { type RegionWorld, regionTestMigrations, regionWorld } from '../test-world.js';
import { registerEvaluationRoutes } from './routes.js';

describeEachDatabase(
  'the evaluation’s HTTP API: the coordinator’s routes and the public questionnaire',
  (db) => {
    let w: RegionWorld;
    let web: AuthWorld;
    let region: { id: string; name: string };
    let coordinator: Browser;

    beforeAll(async () => {
      w = await regionWorld(db());
      const clock = new MovableClock('2026-11-28T09:00:00.000Z');
      web = await startAuthWorld(db(), {
        clock,
        keyring: w.deps.keyring,
        register: (api, deps) =>
          registerEvaluationRoutes(api, {
            db: deps.db,
            keyring: deps.keyring,
            mailer: deps.mailer,
            publicUrl: deps.publicUrl,
            now: clock.now,
            // small, so that the test reaches them
            limits: { answerPerIp: { limit: 3, windowMs: 60 * 60_000 } },
            auth: requireCaller(deps.db, { now: clock.now }),
          }),
      });
      region = await w.region({ name: 'Regio Evaluatie' });
      coordinator = await web.signedIn(
        await web.person({ scope: 'region', regionId: region.id, role: 'regiocoordinator' }),
      );
    });
    afterAll(async () => web?.close());

    const base = () => `/api/region/regions/${region.id}/evaluations`;

    it('lets the coordinator make, open and link an evaluation; anyone with the link answers without signing in', async () => {
      const made = await coordinator.request('POST', base(), {
        body: { schoolYear: '2026-2027', roles: ['ouders', 'leerkracht'] },
      });
      expect(made.statusCode).toBe(201);
      const evaluation = made.json();
      expect(evaluation).toMatchObject({ state: 'concept', responses: 0 });
      expect(evaluation.roles.map((r: { role: string }) => r.role)).toEqual(['leerkracht', 'ouders']);
      const url = `${base()}/${evaluation.id}`;
      expect((await coordinator.request('POST', `${url}/open`)).json().state).toBe('open');
      const link = await coordinator.request('POST', `${url}/links/ouders`, { body: {} });
      expect(link.statusCode).toBe(201);
      expect(link.headers['cache-control']).toBe('no-store');
      const token = link.json().url.split('/evaluatie/')[1];

      // the public questionnaire: no cookie, no key
      const parent = web.browser('198.51.100.7');
      const questions = await parent.request('GET', `/api/evaluatie/${token}`);
      expect(questions.statusCode).toBe(200);
      expect(questions.headers['cache-control']).toBe('no-store');
      expect(questions.json()).toMatchObject({
        regionName: 'Regio Evaluatie',
        schoolYear: '2026-2027',
        role: 'ouders',
        roleName: { nl: 'Ouders', en: 'Parents' },
      });
      expect(questions.json().scale.map((s: { nl: string }) => s.nl)).toEqual([
        'Nee, helemaal niet',
        'Nee',
        'Een beetje',
        'Ja',
        'Ja, helemaal',
      ]);
      const answered = await parent.request('POST', `/api/evaluatie/${token}`, {
        body: { answers: { 'ouders.yesno.talk': true, 'ouders.time.inspectedBy': 4 } },
      });
      expect([answered.statusCode, answered.json()]).toEqual([
        201,
        { received: true, submittedOn: '2026-11-28' },
      ]);
      // yes stays yes (no coercion of true into 1), and the count is there for the coordinator
      const stored = await w.db.query<{ yes_no: boolean | null; likert: number | null }>(
        `SELECT a.yes_no, a.likert FROM region.evaluation_answers a
           JOIN region.evaluation_responses r ON r.id = a.response_id
          WHERE r.evaluation_id = $1 ORDER BY a.question_id`,
        [evaluation.id],
      );
      expect(stored.rows).toEqual([
        { yes_no: null, likert: 4 },
        { yes_no: true, likert: null },
      ]);
      expect((await coordinator.request('GET', url)).json().responses).toBe(1);

      // wrong answers: 400 with the problem per question
      const wrong = await parent.request('POST', `/api/evaluatie/${token}`, {
        body: { answers: { 'ouders.time.inspectedBy': '4' } },
      });
      expect([wrong.statusCode, wrong.json().code]).toEqual([400, 'EVALUATION_ANSWERS_INVALID']);
      expect(wrong.json().details.problems[0].questionId).toBe('ouders.time.inspectedBy');

      // a third submission from the same address is the last this hour
      expect(
        (
          await parent.request('POST', `/api/evaluatie/${token}`, {
            body: { answers: { 'ouders.yesno.talk': false } },
          })
        ).statusCode,
      ).toBe(201);
      const limited = await parent.request('POST', `/api/evaluatie/${token}`, {
        body: { answers: { 'ouders.yesno.talk': false } },
      });
      expect([limited.statusCode, limited.json().code]).toEqual([429, 'RATE_LIMITED']);
      // another address may still answer
      const neighbour = web.browser('198.51.100.8');
      expect(
        (
          await neighbour.request('POST', `/api/evaluatie/${token}`, {
            body: { answers: { 'ouders.yesno.talk': true } },
          })
        ).statusCode,
      ).toBe(201);

      // closed: the link says so, and takes no answers
      expect((await coordinator.request('POST', `${url}/close`)).json()).toMatchObject({
        state: 'gesloten',
        responses: 3,
      });
      const afterClose = await neighbour.request('POST', `/api/evaluatie/${token}`, {
        body: { answers: { 'ouders.yesno.talk': true } },
      });
      expect([afterClose.statusCode, afterClose.json().code, afterClose.json().details.state]).toEqual([
        409,
        'EVALUATION_NOT_OPEN',
        'gesloten',
      ]);
      expect((await neighbour.request('GET', `/api/evaluatie/${token}`)).statusCode).toBe(409);
    });

    it('answers a wrong or mangled token with 404, saying nothing about evaluations', async () => {
      const browser = web.browser('203.0.113.9');
      for (const token of ['A'.repeat(43), 'kort', `${'b'.repeat(42)}!`]) {
        const res = await browser.request('GET', `/api/evaluatie/${encodeURIComponent(token)}`);
        expect([res.statusCode, res.json().code, res.json().details]).toEqual([
          404,
          'EVALUATION_LINK_INVALID',
          {},
        ]);
        const post = await browser.request('POST', `/api/evaluatie/${encodeURIComponent(token)}`, {
          body: { answers: { 'ouders.yesno.talk': true } },
        });
        expect([post.statusCode, post.json().code]).toEqual([404, 'EVALUATION_LINK_INVALID']);
      }
    });

    it('refuses the coordinator of another region, a school’s staff and a request without CSRF', async () => {
      const made = await coordinator.request('POST', base(), {
        body: { schoolYear: '2027-2028', roles: ['directie'] },
      });
      const url = `${base()}/${made.json().id}`;
      const other = await w.region();
      const stranger = await web.signedIn(
        await web.person({ scope: 'region', regionId: other.id, role: 'regiocoordinator' }),
      );
      for (const [method, path] of [
        ['GET', base()],
        ['GET', url],
        ['GET', `${url}/results`],
        ['GET', `${url}/export.csv`],
        ['POST', `${url}/open`],
      ] as const) {
        const res = await stranger.request(method, path);
        expect([path, res.statusCode, res.json().code]).toEqual([path, 403, 'FORBIDDEN']);
      }
      // through its own region the evaluation is not found
      const own = await stranger.request(
        'GET',
        `/api/region/regions/${other.id}/evaluations/${made.json().id}`,
      );
      expect([own.statusCode, own.json().code]).toEqual([404, 'EVALUATION_NOT_FOUND']);
      const teacher = await web.signedIn(
        await web.person({ scope: 'school', brin: '01AA', role: 'leerkracht' }),
      );
      expect((await teacher.request('GET', `${url}/results`)).statusCode).toBe(403);
      const forged = await coordinator.request('POST', `${url}/open`, { csrf: null });
      expect([forged.statusCode, forged.json().code]).toEqual([403, 'CSRF_INVALID']);
      const duplicate = await coordinator.request('POST', base(), {
        body: { schoolYear: '2027-2028', roles: ['ouders'] },
      });
      expect([duplicate.statusCode, duplicate.json().code]).toEqual([409, 'EVALUATION_EXISTS']);
      const badRole = await coordinator.request('POST', base(), {
        body: { schoolYear: '2028-2029', roles: ['buren'] },
      });
      expect([badRole.statusCode, badRole.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    });

    it('records findings and exports the results as CSV, and describes its routes in the OpenAPI document', async () => {
      const made = await coordinator.request('POST', base(), {
        body: { schoolYear: '2025-2026', roles: ['regio'] },
      });
      const url = `${base()}/${made.json().id}`;
      const early = await coordinator.request('POST', `${url}/findings`, {
        body: { milestone: 'readyBy', text: 'Eerder klaarzetten.' },
      });
      expect([early.statusCode, early.json().code]).toEqual([409, 'EVALUATION_STATE_INVALID']);
      await coordinator.request('POST', `${url}/open`);
      const finding = await coordinator.request('POST', `${url}/findings`, {
        body: { milestone: 'readyBy', text: 'Eerder klaarzetten.' },
      });
      expect(finding.statusCode).toBe(201);
      const results = (await coordinator.request('GET', `${url}/results`)).json();
      expect(results).toMatchObject({ minGroupSize: 5, responses: 0, findings: [{ milestone: 'readyBy' }] });
      expect(results.roles[0]).toMatchObject({ role: 'regio', shown: false, responses: 0 });
      const removed = await coordinator.request('DELETE', `${url}/findings/${finding.json().id}`);
      expect(removed.statusCode).toBe(204);
      const csv = await coordinator.request('GET', `${url}/export.csv?lang=en`);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe(
        `attachment; filename="evaluatie-${region.id}-2025-2026.csv"`,
      );
      expect(csv.body.split('\r\n')[0]).toBe(
        '\uFEFFRole;Questionnaires filled in;Question id;Question;Kind;Date of the timeline;Answered;1;2;3;4;5;Yes;No;Mean (1–5);Answer',
      );
      const doc = (await web.api.inject({ method: 'GET', url: '/api/docs/json' })).json();
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/region/regions/{regionId}/evaluations',
          '/api/region/regions/{regionId}/evaluations/{evaluationId}/results',
          '/api/region/regions/{regionId}/evaluations/{evaluationId}/links/{role}',
          '/api/evaluatie/{token}',
        ]),
      );
      expect(doc.paths['/api/evaluatie/{token}'].post.security).toEqual([]);
    });
  },
  { migrations: regionTestMigrations },
);
