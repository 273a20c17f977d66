import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { listOutbox, outboxMailer } from '../../platform/auth/index.js';
import type { Actor } from '../../platform/context.js';
import { addMemberSchool } from '../add-member-school.js';
import { addRegionContact } from '../add-region-contact.js';
import { addSchoolContact } from '../add-school-contact.js';
import { getTimeline } from '../get-timeline.js';
import { saveTimeline } from '../save-timeline.js';
import { type RegionWorld, regionTestMigrations, regionWorld } from '../test-world.js';
import { addEvaluationFinding } from './add-evaluation-finding.js';
import { answerEvaluation } from './answer-evaluation.js';
import { closeEvaluation } from './close-evaluation.js';
import { createEvaluation } from './create-evaluation.js';
import type { AnswerCtx } from './deps.js';
import { exportEvaluationCsv } from './export-evaluation-csv.js';
import { exportEvaluationPdf } from './export-evaluation-pdf.js';
import { getEvaluation } from './get-evaluation.js';
import { getEvaluationQuestions } from './get-evaluation-questions.js';
import { getEvaluationResults } from './get-evaluation-results.js';
import { listEvaluations } from './list-evaluations.js';
import { makeEvaluationLink } from './make-evaluation-link.js';
import { openEvaluation } from './open-evaluation.js';
import { removeEvaluationFinding } from './remove-evaluation-finding.js';

/** A timeline of 2026-2027 (region midden): 5 school days between set ready and requested. */
const DATES = {
  inspectedBy: '2027-03-05',
  registeredBy: '2027-03-19',
  destinationKnownBy: '2027-03-26',
  readyBy: '2027-04-09',
  requestedBy: '2027-04-16',
  summerSwitch: '2027-07-17',
};
/** The same a year earlier (2025-2026): 10 → 17 April 2026 is 5 school days too. */
const DATES_BEFORE = {
  inspectedBy: '2026-03-06',
  registeredBy: '2026-03-20',
  destinationKnownBy: '2026-03-27',
  readyBy: '2026-04-10',
  requestedBy: '2026-04-17',
  summerSwitch: '2026-07-18',
};

describeEachDatabase(
  'the evaluation: questionnaires per role, anonymous answers, results and findings',
  (db) => {
    let w: RegionWorld;
    const mailer = outboxMailer();
    const links = { mailer, publicUrl: () => 'https://overstap.test/' };
    let ip = 0;
    /** A public request from its own address (the rate limit counts per address). */
    const visitor = (): AnswerCtx => ({
      db: w.db,
      keyring: w.deps.keyring,
      requestId: `visitor-${ip}`,
      now: w.clock.now,
      ip: `192.0.2.${++ip % 250}`,
    });
    const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);

    /** A region with a coordinator and an evaluation of `schoolYear` asking these roles. */
    async function setUp(schoolYear: string, roles: string[]) {
      const region = await w.region();
      const coordinator = await w.coordinator(region.id);
      const evaluation = await createEvaluation(w.ctx(coordinator), {
        regionId: region.id,
        schoolYear,
        roles,
      });
      const ids = { regionId: region.id, evaluationId: evaluation.id };
      return { region, coordinator, evaluation, ids };
    }
    async function linkFor(
      coordinator: Actor,
      ids: { regionId: string; evaluationId: string },
      role: string,
    ) {
      return tokenOf((await makeEvaluationLink(w.ctx(coordinator), links, { ...ids, role })).url);
    }

    beforeAll(async () => {
      w = await regionWorld(db());
    });

    it('stores an answer as one submission with its role and the day only: no column could say who', async () => {
      const { coordinator, ids } = await setUp('2026-2027', ['ouders', 'directie']);
      const token = await linkFor(coordinator, ids, 'ouders');
      await openEvaluation(w.ctx(coordinator), ids);
      w.clock.set('2026-11-28T23:30:00.000Z'); // already 29 November in the Netherlands
      const questionnaire = await getEvaluationQuestions(visitor(), {}, { token });
      expect(questionnaire).toMatchObject({ role: 'ouders', schoolYear: '2026-2027', maxOpenLength: 1000 });
      expect(questionnaire.questions.map((q) => q.id)).toContain('ouders.time.inspectedBy');
      const received = await answerEvaluation(
        visitor(),
        {},
        {
          token,
          answers: {
            'ouders.time.inspectedBy': 4,
            'ouders.yesno.talk': true,
            'ouders.open.better': '  Meer uitleg graag.  ',
            'ouders.clear.inspectedBy': null,
          },
        },
      );
      expect(received).toEqual({ received: true, submittedOn: '2026-11-29' });

      // the shape of the tables: nothing for an account, an address, the link or a time of day
      const { rows: columns } = await w.db.query<{
        table_name: string;
        column_name: string;
        data_type: string;
      }>(
        `SELECT table_name, column_name, data_type FROM information_schema.columns
          WHERE table_schema = 'region' AND table_name IN ('evaluation_responses', 'evaluation_answers')
          ORDER BY table_name, ordinal_position`,
      );
      expect(columns.map((c) => `${c.table_name}.${c.column_name}:${c.data_type}`)).toEqual([
        'evaluation_answers.response_id:uuid',
        'evaluation_answers.question_id:text',
        'evaluation_answers.likert:smallint',
        'evaluation_answers.yes_no:boolean',
        'evaluation_answers.open_text:text',
        'evaluation_responses.id:uuid',
        'evaluation_responses.evaluation_id:uuid',
        'evaluation_responses.role:text',
        'evaluation_responses.submitted_on:date',
      ]);
      const { rows } = await w.db.query<Record<string, unknown>>(
        `SELECT r.role, to_char(r.submitted_on, 'YYYY-MM-DD') AS day, a.question_id, a.likert, a.yes_no, a.open_text
           FROM region.evaluation_responses r JOIN region.evaluation_answers a ON a.response_id = r.id
          WHERE r.evaluation_id = $1 ORDER BY a.question_id`,
        [ids.evaluationId],
      );
      expect(rows).toEqual([
        {
          role: 'ouders',
          day: '2026-11-29',
          question_id: 'ouders.open.better',
          likert: null,
          yes_no: null,
          open_text: 'Meer uitleg graag.',
        },
        {
          role: 'ouders',
          day: '2026-11-29',
          question_id: 'ouders.time.inspectedBy',
          likert: 4,
          yes_no: null,
          open_text: null,
        },
        {
          role: 'ouders',
          day: '2026-11-29',
          question_id: 'ouders.yesno.talk',
          likert: null,
          yes_no: true,
          open_text: null,
        },
      ]);
      // not audited (an entry's exact time would be a time finer than the day); the rate limit keeps
      // a hash of the address, never the address itself
      const audit = await w.db.query<{ action: string }>(
        `SELECT action FROM platform.audit_log WHERE subject = $1 ORDER BY seq`,
        [ids.evaluationId],
      );
      expect(audit.rows.map((r) => r.action)).toEqual([
        'region.evaluation.created',
        'region.evaluation.link.made',
        'region.evaluation.opened',
      ]);
      const buckets = await w.db.query<{ bucket: string }>(
        `SELECT bucket FROM platform.rate_limits WHERE bucket LIKE 'evaluation-%'`,
      );
      expect(buckets.rows.length).toBeGreaterThan(0);
      for (const b of buckets.rows) expect(b.bucket).toMatch(/^evaluation-[a-z-]+:[0-9a-f]{64}$/);
      w.clock.set('2026-11-28T09:00:00.000Z');
    });

    it('refuses answers while a concept and once closed — the database too — and never goes back', async () => {
      const { coordinator, ids } = await setUp('2026-2027', ['leerkracht']);
      const token = await linkFor(coordinator, ids, 'leerkracht');
      const answer = { token, answers: { 'leerkracht.time.readyBy': 3 } };
      await expect(answerEvaluation(visitor(), {}, answer)).rejects.toMatchObject({
        code: 'EVALUATION_NOT_OPEN',
        details: { state: 'concept' },
      });
      await expect(getEvaluationQuestions(visitor(), {}, { token })).rejects.toMatchObject({
        code: 'EVALUATION_NOT_OPEN',
      });
      await expect(closeEvaluation(w.ctx(coordinator), ids)).rejects.toMatchObject({
        code: 'EVALUATION_STATE_INVALID',
      });
      await openEvaluation(w.ctx(coordinator), ids);
      await answerEvaluation(visitor(), {}, answer);
      await expect(openEvaluation(w.ctx(coordinator), ids)).rejects.toMatchObject({
        code: 'EVALUATION_STATE_INVALID',
      });
      const closed = await closeEvaluation(w.ctx(coordinator), ids);
      expect(closed).toMatchObject({ state: 'gesloten', responses: 1 });
      await expect(answerEvaluation(visitor(), {}, answer)).rejects.toMatchObject({
        code: 'EVALUATION_NOT_OPEN',
        details: { state: 'gesloten' },
      });
      await expect(
        makeEvaluationLink(w.ctx(coordinator), links, { ...ids, role: 'leerkracht' }),
      ).rejects.toMatchObject({ code: 'EVALUATION_STATE_INVALID' });
      // guarded twice: the database refuses an answer to a closed evaluation and a way back
      await expect(
        w.db.query(
          `INSERT INTO region.evaluation_responses (id, evaluation_id, role, submitted_on)
           VALUES (gen_random_uuid(), $1, 'leerkracht', '2026-11-28')`,
          [ids.evaluationId],
        ),
      ).rejects.toMatchObject({ code: '23514' });
      await expect(
        w.db.query(`UPDATE region.evaluations SET state = 'open', closed_at = NULL WHERE id = $1`, [
          ids.evaluationId,
        ]),
      ).rejects.toMatchObject({ code: '23514' });
      const results = await getEvaluationResults(w.ctx(coordinator), ids);
      expect(results.responses).toBe(1);
    });

    it('refuses answers that do not fit the questions, per question, storing nothing', async () => {
      const { coordinator, ids } = await setUp('2026-2027', ['ouders']);
      const token = await linkFor(coordinator, ids, 'ouders');
      await openEvaluation(w.ctx(coordinator), ids);
      const error = await answerEvaluation(
        visitor(),
        {},
        {
          token,
          answers: {
            'ouders.time.inspectedBy': 6,
            'ouders.yesno.talk': 'ja',
            'ouders.open.better': 'x'.repeat(1001),
            'directie.time.readyBy': 4,
            'ouders.clear.inspectedBy': true,
          },
        },
      ).catch((e) => e);
      expect(error.code).toBe('EVALUATION_ANSWERS_INVALID');
      expect(error.details.problems.map((p: { questionId: string }) => p.questionId)).toEqual([
        'ouders.time.inspectedBy',
        'ouders.yesno.talk',
        'ouders.open.better',
        'directie.time.readyBy',
        'ouders.clear.inspectedBy',
      ]);
      expect(error.details.problems[2].message.nl).toBe(
        'Uw antwoord is te lang: schrijf hoogstens 1000 tekens.',
      );
      await expect(
        answerEvaluation(visitor(), {}, { token, answers: { 'ouders.open.better': '   ' } }),
      ).rejects.toMatchObject({ code: 'EVALUATION_ANSWERS_INVALID' });
      await expect(
        answerEvaluation(visitor(), {}, { token: 'x'.repeat(43), answers: { 'ouders.yesno.talk': true } }),
      ).rejects.toMatchObject({ code: 'EVALUATION_LINK_INVALID' });
      expect((await getEvaluation(w.ctx(coordinator), ids)).responses).toBe(0);
    });

    it('hides a role’s counts under five answers, shows them from five on, and open answers as written', async () => {
      const { coordinator, ids } = await setUp('2026-2027', ['ouders', 'leerkracht']);
      const parents = await linkFor(coordinator, ids, 'ouders');
      const teachers = await linkFor(coordinator, ids, 'leerkracht');
      await openEvaluation(w.ctx(coordinator), ids);
      const answerAsParent = (value: number, text?: string) =>
        answerEvaluation(
          visitor(),
          {},
          {
            token: parents,
            answers: { 'ouders.time.inspectedBy': value, ...(text ? { 'ouders.open.better': text } : {}) },
          },
        );
      for (const [v, text] of [
        [2, '=HYPERLINK("http://kwaad.test")'],
        [3, 'Meer <b>tijd</b>'],
        [2, undefined],
        [1, 'Alles goed'],
      ] as const) {
        await answerAsParent(v, text);
      }
      await answerEvaluation(visitor(), {}, { token: teachers, answers: { 'leerkracht.time.readyBy': 1 } });
      const four = await getEvaluationResults(w.ctx(coordinator), ids);
      const parentsOf = (r: typeof four) => r.roles.find((x) => x.role === 'ouders');
      expect(parentsOf(four)).toMatchObject({ responses: 4, shown: false });
      expect(parentsOf(four)?.questions.every((q) => q.counts === null && q.texts === null)).toBe(true);
      const csvFour = (await exportEvaluationCsv(w.ctx(coordinator), ids)).csv;
      expect(csvFour).toContain('te weinig antwoorden om te tonen');
      expect(csvFour).not.toContain('Alles goed');

      await answerAsParent(5, 'Fijn dat het online kon');
      const five = await getEvaluationResults(w.ctx(coordinator), ids);
      const time = parentsOf(five)?.questions.find((q) => q.id === 'ouders.time.inspectedBy');
      expect(time).toMatchObject({ answered: 5, shown: true, counts: [1, 2, 1, 0, 1], mean: 2.6 });
      // four people answered the open question: still too few to show
      expect(parentsOf(five)?.questions.find((q) => q.id === 'ouders.open.better')).toMatchObject({
        answered: 4,
        shown: false,
        texts: null,
      });
      // the teachers stay hidden with one answer
      expect(five.roles.find((r) => r.role === 'leerkracht')).toMatchObject({ responses: 1, shown: false });
      expect(five.time).toEqual([
        { milestone: 'inspectedBy', answers: 5, mean: 2.6, low: true, roles: ['ouders'] },
      ]);

      await answerAsParent(4, 'Duidelijke brief');
      const six = await getEvaluationResults(w.ctx(coordinator), ids);
      expect(parentsOf(six)?.questions.find((q) => q.id === 'ouders.open.better')?.texts).toEqual([
        '=HYPERLINK("http://kwaad.test")',
        'Alles goed',
        'Duidelijke brief',
        'Fijn dat het online kon',
        'Meer <b>tijd</b>',
      ]);
      // the CSV: no cell a spreadsheet runs as a formula; the PDF report escapes what people wrote
      const { csv, filename } = await exportEvaluationCsv(w.ctx(coordinator), ids);
      expect(filename).toBe(`evaluatie-${ids.regionId}-2026-2027.csv`);
      expect(csv.startsWith('\uFEFFRol;Ingevulde vragenlijsten;Vraagnummer;Vraag;')).toBe(true);
      expect(csv).toContain(`;"'=HYPERLINK(""http://kwaad.test"")"\r\n`);
      expect(csv).toContain(
        'Ouders;6;ouders.time.inspectedBy;Ik had genoeg tijd om het dossier van mijn kind te lezen.;',
      );
      const pdf = await exportEvaluationPdf(w.ctx(coordinator), {}, ids);
      expect(pdf.pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const exported = await w.db.query<{ details: { format: string } }>(
        `SELECT details FROM platform.audit_log WHERE action = 'region.evaluation.exported' AND subject = $1 ORDER BY seq`,
        [ids.evaluationId],
      );
      expect(exported.rows.map((r) => r.details.format)).toEqual(['csv', 'csv', 'pdf']);
    }, 60_000);

    it('mails a role’s link to its people at the member schools; parents’ links only to copy; a new link replaces the old', async () => {
      const { region, coordinator, ids } = await setUp('2026-2027', ['administratie', 'ouders', 'regio']);
      const po = await w.school({ name: 'Basisschool De Linde' });
      const vo = await w.school({ sector: 'vo', name: 'Het Lyceum' });
      for (const s of [po, vo])
        await addMemberSchool(w.ctx(coordinator), w.deps, { regionId: region.id, brin: s.brin });
      await addSchoolContact(w.ctx(coordinator), {
        regionId: region.id,
        brin: po.brin,
        role: 'administratie',
        name: 'Ada Admin',
        email: 'Ada@linde.test',
      });
      await addSchoolContact(w.ctx(coordinator), {
        regionId: region.id,
        brin: vo.brin,
        role: 'directie',
        name: 'Dirk Directie',
        email: 'dirk@lyceum.test',
      });
      const withAccount = await w.person({ scope: 'school', brin: vo.brin, role: 'administratie' });
      await addRegionContact(w.ctx(coordinator), {
        regionId: region.id,
        name: 'Petra Project',
        function: 'Projectleider',
        email: 'petra@regio.test',
      });
      // a concept: links can be made (and copied), not mailed
      await expect(
        makeEvaluationLink(w.ctx(coordinator), links, { ...ids, role: 'administratie', mail: true }),
      ).rejects.toMatchObject({ code: 'EVALUATION_STATE_INVALID' });
      await openEvaluation(w.ctx(coordinator), ids);
      const before = (await listOutbox(w.db, 500)).length;
      const made = await makeEvaluationLink(w.ctx(coordinator), links, {
        ...ids,
        role: 'administratie',
        mail: true,
      });
      expect(made).toMatchObject({ role: 'administratie', replaced: false, mailed: 2, failed: 0 });
      expect(made.url).toMatch(/^https:\/\/overstap\.test\/evaluatie\/[A-Za-z0-9_-]{43}$/);
      const mails = (await listOutbox(w.db, 500)).slice(0, (await listOutbox(w.db, 500)).length - before);
      expect(mails.map((m) => m.to).sort()).toEqual(
        ['ada@linde.test', withAccount.email.toLowerCase()].sort(),
      );
      expect(mails[0].subject).toMatch(/^Vragenlijst over de overstap 2026-2027/);
      expect(mails[0].text).toContain(made.url);
      // the same link for everyone in the role: nothing in it says who got it
      expect(new Set(mails.map((m) => /\/evaluatie\/(\S+)/.exec(m.text)?.[1]))).toEqual(
        new Set([tokenOf(made.url)]),
      );
      // only a hash is stored
      const stored = await w.db.query<{ token_hash: string }>(
        'SELECT token_hash FROM region.evaluation_links WHERE evaluation_id = $1',
        [ids.evaluationId],
      );
      expect(stored.rows.map((r) => r.token_hash)).not.toContain(tokenOf(made.url));

      const regio = await makeEvaluationLink(w.ctx(coordinator), links, {
        ...ids,
        role: 'regio',
        mail: true,
      });
      expect(regio.mailed).toBe(2); // the coordinator (account) and the region's own contact
      await expect(
        makeEvaluationLink(w.ctx(coordinator), links, { ...ids, role: 'ouders', mail: true }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'mail' } });
      await expect(
        makeEvaluationLink(w.ctx(coordinator), links, { ...ids, role: 'directie' }),
      ).rejects.toMatchObject({ code: 'EVALUATION_ROLE_NOT_ASKED' });
      const parents = await makeEvaluationLink(w.ctx(coordinator), links, { ...ids, role: 'ouders' });
      expect(parents.mailed).toBe(0);

      const again = await makeEvaluationLink(w.ctx(coordinator), links, { ...ids, role: 'ouders' });
      expect(again.replaced).toBe(true);
      await expect(
        getEvaluationQuestions(visitor(), {}, { token: tokenOf(parents.url) }),
      ).rejects.toMatchObject({
        code: 'EVALUATION_LINK_INVALID',
      });
      expect((await getEvaluationQuestions(visitor(), {}, { token: tokenOf(again.url) })).role).toBe(
        'ouders',
      );
      const view = await getEvaluation(w.ctx(coordinator), ids);
      expect(view.roles.map((r) => [r.role, r.link?.mailed ?? null, r.recipients])).toEqual([
        ['administratie', 2, 2],
        ['ouders', 0, null],
        ['regio', 2, 2],
      ]);
      // someone of another region, or a school, may not
      const other = await w.region();
      const otherCoordinator = await w.coordinator(other.id);
      await expect(getEvaluationResults(w.ctx(otherCoordinator), ids)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(
        getEvaluationResults(w.ctx(otherCoordinator), { ...ids, regionId: other.id }),
      ).rejects.toMatchObject({ code: 'EVALUATION_NOT_FOUND' });
      const teacher = await w.schoolPerson(po.brin, 'leerkracht');
      await expect(listEvaluations(w.ctx(teacher), { regionId: region.id })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(
        createEvaluation(w.ctx(coordinator), {
          regionId: region.id,
          schoolYear: '2026-2027',
          roles: ['ouders'],
        }),
      ).rejects.toMatchObject({ code: 'EVALUATION_EXISTS' });
      await expect(
        createEvaluation(w.ctx(coordinator), {
          regionId: region.id,
          schoolYear: '2027-2028',
          roles: ['buren'],
        }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'roles' } });
    });

    it('feeds the next school year’s timeline: findings beside their dates, a longer gap suggested where time was short', async () => {
      const { region, coordinator, ids } = await setUp('2025-2026', ['administratie', 'coordinator']);
      await saveTimeline(w.ctx(coordinator), w.deps, {
        regionId: region.id,
        schoolYear: '2025-2026',
        dates: DATES_BEFORE,
      });
      const admin = await linkFor(coordinator, ids, 'administratie');
      const coordinators = await linkFor(coordinator, ids, 'coordinator');
      await openEvaluation(w.ctx(coordinator), ids);
      await expect(
        addEvaluationFinding(w.ctx(await w.schoolPerson((await w.school()).brin, 'directie')), {
          ...ids,
          milestone: null,
          text: 'x',
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      for (const v of [2, 2, 1, 3, 2]) {
        await answerEvaluation(
          visitor(),
          {},
          {
            token: admin,
            answers: { 'administratie.time.requestedBy': v, 'administratie.time.readyBy': 4 },
          },
        );
      }
      // three vo coordinators: too few, their (high) answers do not count
      for (const v of [5, 5, 5]) {
        await answerEvaluation(
          visitor(),
          {},
          { token: coordinators, answers: { 'coordinator.time.requestedBy': v } },
        );
      }
      await closeEvaluation(w.ctx(coordinator), ids);
      const finding = await addEvaluationFinding(w.ctx(coordinator), {
        ...ids,
        milestone: 'requestedBy',
        text: 'Meer tijd tussen klaarzetten en opvragen.',
      });
      const general = await addEvaluationFinding(w.ctx(coordinator), {
        ...ids,
        milestone: null,
        text: 'De data eerder bekendmaken.',
      });
      await expect(
        addEvaluationFinding(w.ctx(coordinator), { ...ids, milestone: 'inZomer', text: 'x' }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'milestone' } });
      await removeEvaluationFinding(w.ctx(coordinator), { ...ids, findingId: general.id });

      // drafting 2026-2027: no dates yet, but the findings and the suggestion are there
      const draft = await getTimeline(w.ctx(coordinator), w.deps, {
        regionId: region.id,
        schoolYear: '2026-2027',
      });
      expect(draft.dates).toBeNull();
      expect(draft.evaluation).toMatchObject({
        schoolYear: '2025-2026',
        evaluationId: ids.evaluationId,
        findings: [
          { id: finding.id, milestone: 'requestedBy', text: 'Meer tijd tussen klaarzetten en opvragen.' },
        ],
        gaps: [
          {
            field: 'requestedBy',
            otherField: 'readyBy',
            mean: 2,
            answers: 5,
            schoolDays: 5,
            suggestedSchoolDays: 10,
          },
        ],
      });
      expect(draft.evaluation?.gaps[0].message.nl).toMatch(
        /^Bij de evaluatie van 2025-2026 vonden de deelnemers dat er te weinig tijd was voor ‘Dossiers opgevraagd’/,
      );
      // saved with the same short gap: a warning, not a refusal
      const saved = await saveTimeline(w.ctx(coordinator), w.deps, {
        regionId: region.id,
        schoolYear: '2026-2027',
        dates: DATES,
      });
      expect(saved.warnings.filter((x) => x.kind === 'evaluation')).toMatchObject([
        { field: 'requestedBy', otherField: 'readyBy', schoolDays: 5, suggestedSchoolDays: 10 },
      ]);
      const longer = await saveTimeline(w.ctx(coordinator), w.deps, {
        regionId: region.id,
        schoolYear: '2026-2027',
        dates: { ...DATES, requestedBy: '2027-04-23' },
      });
      expect(longer.warnings.filter((x) => x.kind === 'evaluation')).toEqual([]);
      // the evaluated year itself and the year after next are not fed
      expect(
        (await getTimeline(w.ctx(coordinator), w.deps, { regionId: region.id, schoolYear: '2027-2028' }))
          .evaluation,
      ).toBeNull();
      expect(
        (await getTimeline(w.ctx(coordinator), w.deps, { regionId: region.id, schoolYear: '2025-2026' }))
          .evaluation,
      ).toBeNull();
    });

    it('lists the region’s evaluations, latest school year first', async () => {
      const { region, coordinator } = await setUp('2025-2026', ['ouders']);
      await createEvaluation(w.ctx(coordinator), {
        regionId: region.id,
        schoolYear: '2026-2027',
        roles: ['regio', 'directie'],
      });
      const list = await listEvaluations(w.ctx(coordinator), { regionId: region.id });
      expect(list.map((e) => [e.schoolYear, e.state, e.roles, e.responses])).toEqual([
        ['2026-2027', 'concept', ['directie', 'regio'], 0],
        ['2025-2026', 'concept', ['ouders'], 0],
      ]);
    });
  },
  { migrations: regionTestMigrations },
);
