import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { type CaughtMail, listOutbox, outboxMailer } from '../../platform/auth/index.js';
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { enqueue, JobRunner } from '../../platform/jobs/index.js';
import { addMemberSchool } from '../add-member-school.js';
import { addRegionContact } from '../add-region-contact.js';
import { addSchoolContact } from '../add-school-contact.js';
import { type ReportedSnapshot, recordMilestoneSnapshots } from '../monitoring/record-milestone-snapshots.js';
import { saveTimeline } from '../save-timeline.js';
import { type RegionWorld, regionTestMigrations, regionWorld, type TestSchool } from '../test-world.js';
import { getReminderSettings } from './get-reminder-settings.js';
import { reminderJobHandlers, SEND_REMINDERS, scheduleReminders } from './jobs.js';
import { listReminders } from './list-reminders.js';
import { listSchoolNotices } from './list-school-notices.js';
import { markNoticeRead } from './mark-notice-read.js';
import { sendDueReminders } from './send-due-reminders.js';
import { updateReminderSettings } from './update-reminder-settings.js';

const YEAR = '2026-2027';
// holiday region midden: the spring holiday is 20–28 February 2027
const DATES = {
  inspectedBy: '2027-03-05',
  registeredBy: '2027-03-19',
  destinationKnownBy: '2027-03-26',
  readyBy: '2027-04-09',
  requestedBy: '2027-04-16',
  summerSwitch: '2027-07-17',
};
const PUBLIC_URL = 'http://overstap.test';
const GATEWAY: Actor = {
  kind: 'system',
  id: 'gateway-test',
  permissions: new Set(['gateway:admin']),
  schools: 'all',
};

function snapshot(schoolBrin: string, day: string, sending: Record<string, number>, receiving = {}) {
  return {
    schoolBrin,
    schoolYear: YEAR,
    day,
    sending: {
      leaving: 0,
      inspected: 0,
      registrationsKnown: 0,
      setReady: 0,
      requested: 0,
      delivered: 0,
      readyNotRequested: 0,
      ...sending,
    },
    receiving: {
      registrations: 0,
      firstPreference: 0,
      requested: 0,
      received: 0,
      imported: 0,
      notArrived: 0,
      ...receiving,
    },
  } satisfies ReportedSnapshot;
}

describeEachDatabase(
  'the region’s reminders',
  (db, target) => {
    let w: RegionWorld;
    let region: { id: string; name: string };
    let coordinator: Actor;
    let behind: TestSchool;
    let done: TestSchool;
    let withoutRoles: TestSchool;
    let unreachable: TestSchool;
    let lyceum: TestSchool;
    let outside: TestSchool;
    let behindAdmin: { actor: Actor; email: string };
    let behindDirectie: { actor: Actor; email: string };
    let withoutRolesTech: { actor: Actor; email: string };
    let lyceumCoordinator: { actor: Actor; email: string };
    let doneAdmin: { actor: Actor; email: string };
    const addresses: Record<string, string> = {};

    const handlers = (on: Db = db()) =>
      reminderJobHandlers({
        db: on,
        keyring: w.deps.keyring,
        chain: w.deps.chain,
        now: w.clock.now,
        mail: { mailer: outboxMailer(), publicUrl: () => PUBLIC_URL },
      });
    /** The daily job and the mail jobs it enqueues, run by real job runners until none is due. */
    async function runDailyJob(on: Db = db()): Promise<void> {
      await enqueue(on, SEND_REMINDERS, {});
      const runner = new JobRunner(on, handlers(on));
      while ((await runner.runDue(10)) > 0) {}
    }
    /** The mails of this world, per address. */
    async function mails(): Promise<Map<string, CaughtMail[]>> {
      const ours = new Set(
        Object.values(addresses).concat(Object.values(addresses).map((a) => a.toLowerCase())),
      );
      const byTo = new Map<string, CaughtMail[]>();
      for (const m of await listOutbox(db(), 1000)) {
        if (!ours.has(m.to)) continue;
        byTo.set(m.to, [...(byTo.get(m.to) ?? []), m]);
      }
      return byTo;
    }

    beforeAll(async () => {
      w = await regionWorld(db());
      region = await w.region({ name: 'Regio Herinnering', holidayRegion: 'midden' });
      coordinator = await w.coordinator(region.id);
      behind = await w.school({ name: 'Basisschool Achterop' });
      done = await w.school({ name: 'Basisschool Klaar' });
      withoutRoles = await w.school({ name: 'Basisschool Zonder Administratie' });
      unreachable = await w.school({ name: 'Basisschool Onbereikbaar' });
      lyceum = await w.school({ sector: 'vo', name: 'Het Lyceum' });
      outside = await w.school({ name: 'Basisschool Elders' });
      for (const s of [behind, done, withoutRoles, unreachable, lyceum]) {
        await addMemberSchool(w.ctx(coordinator), w.deps, { regionId: region.id, brin: s.brin });
      }
      await saveTimeline(w.ctx(coordinator), w.deps, { regionId: region.id, schoolYear: YEAR, dates: DATES });
      await addRegionContact(w.ctx(coordinator), {
        regionId: region.id,
        name: 'Marieke van Dam',
        function: 'Regiocoördinator',
        email: 'overstap@regio-herinnering.test',
        phone: '033 555 0000',
      });
      const contact = (
        brin: string,
        role: 'leerkracht' | 'directie' | 'administratie',
        name: string,
        email?: string,
      ) =>
        addSchoolContact(w.ctx(coordinator), {
          regionId: region.id,
          brin,
          role,
          name,
          ...(email ? { email } : { phone: '033 555 1234' }),
        });
      // Achterop: an administratie with an account, a recorded groep 8 teacher, a directie (not asked)
      behindAdmin = await w.person({ scope: 'school', brin: behind.brin, role: 'administratie' });
      behindDirectie = await w.person({ scope: 'school', brin: behind.brin, role: 'directie' });
      addresses.behindTeacher = `groep8.${behind.brin.toLowerCase()}@herinnering.test`;
      await contact(behind.brin, 'leerkracht', 'Fatima El Amrani', addresses.behindTeacher);
      // Klaar: everyone has inspected
      doneAdmin = await w.person({ scope: 'school', brin: done.brin, role: 'administratie' });
      // Zonder Administratie: only a recorded directie and a technical contact with an account
      addresses.withoutRolesDirectie = `Directie.${withoutRoles.brin}@Herinnering.test`;
      await contact(withoutRoles.brin, 'directie', 'Henk de Vries', addresses.withoutRolesDirectie);
      withoutRolesTech = await w.person({ scope: 'school', brin: withoutRoles.brin, role: 'technisch' });
      // Onbereikbaar: an administratie with a phone number only
      await contact(unreachable.brin, 'administratie', 'Ilse Smit');
      // Het Lyceum: a recorded administratie and a coordinator with an account
      addresses.lyceumAdmin = `administratie.${lyceum.brin.toLowerCase()}@herinnering.test`;
      await contact(lyceum.brin, 'administratie', 'Sandra Mulder', addresses.lyceumAdmin);
      lyceumCoordinator = await w.person({ scope: 'school', brin: lyceum.brin, role: 'coordinator' });
      await w.person({ scope: 'school', brin: outside.brin, role: 'administratie' });
      Object.assign(addresses, {
        behindAdmin: behindAdmin.email,
        behindDirectie: behindDirectie.email,
        doneAdmin: doneAdmin.email,
        withoutRolesTech: withoutRolesTech.email,
        lyceumCoordinator: lyceumCoordinator.email,
      });
      // the gateways' counts two days before the inspection deadline
      w.clock.set('2027-03-03T06:00:00.000Z');
      await recordMilestoneSnapshots(w.ctx(GATEWAY), [
        snapshot(behind.brin, '2027-03-02', { leaving: 20, inspected: 12 }),
        snapshot(done.brin, '2027-03-02', { leaving: 10, inspected: 10 }),
        snapshot(lyceum.brin, '2027-03-02', {}, { registrations: 30, firstPreference: 25 }),
      ]);
    });

    it('on the last school day before a deadline, mails the right roles at each school once, with a notice', async () => {
      w.clock.set('2027-03-04T06:00:00.000Z');
      await runDailyJob();
      const byTo = await mails();
      // Achterop (on track): its administratie and its groep 8 teacher; not its directie
      // Zonder Administratie (no report): nobody in the roles, so its directie and technical contact
      expect([...byTo.keys()].sort()).toEqual(
        [
          addresses.behindAdmin,
          addresses.behindTeacher,
          addresses.withoutRolesDirectie.toLowerCase(),
          addresses.withoutRolesTech,
        ].sort(),
      );
      for (const list of byTo.values()) expect(list).toHaveLength(1);

      const mail = byTo.get(addresses.behindTeacher)?.[0] as CaughtMail;
      expect(mail.subject).toBe(
        'Herinnering: ‘Ouders hebben ingezien’ uiterlijk vrijdag 5 maart 2027 (Basisschool Achterop)',
      );
      expect(mail.text).toContain(
        'De deadline ‘Ouders hebben ingezien’ van Regio Herinnering is op vrijdag 5 maart 2027. Vandaag is de laatste schooldag ervoor.',
      );
      expect(mail.text).toContain(
        'Volgens de laatste melding hebben de ouders 12 van de 20 dossiers ingezien.',
      );
      expect(mail.text).toContain('Wat moet u doen? Zet de overstapdossiers van groep 8 ter inzage');
      expect(mail.text).toContain(`Naar Overstap: ${PUBLIC_URL}/school/${behind.brin}/vertrek`);
      expect(mail.text).toContain('U krijgt deze e-mail als leerkracht groep 8 van Basisschool Achterop.');
      expect(mail.text).toContain(
        'Marieke van Dam (Regiocoördinator), overstap@regio-herinnering.test, 033 555 0000',
      );
      // English below the Dutch
      const english = mail.text.indexOf('----- English below -----');
      expect(english).toBeGreaterThan(mail.text.indexOf('Beste collega'));
      expect(mail.text.slice(english)).toContain(
        'Reminder: ‘Parents have inspected’ by Friday, 5 March 2027',
      );
      expect(mail.text.slice(english)).toContain(
        'What to do? Put the transfer dossiers of year 8 up for inspection',
      );
      expect(mail.html).toContain(`<a href="${PUBLIC_URL}/school/${behind.brin}/vertrek">Naar Overstap</a>`);

      const fallback = byTo.get(addresses.withoutRolesTech)?.[0] as CaughtMail;
      expect(fallback.text).toContain(
        'Bij Basisschool Zonder Administratie is niemand met een e-mailadres bekend als administratie of leerkracht groep 8. Daarom krijgt u deze e-mail als technisch contact.',
      );
      expect(fallback.text).not.toContain('Volgens de laatste melding');

      // the in-app notice: one per school, for the school's people
      const notices = await listSchoolNotices(w.ctx(behindAdmin.actor), { brin: behind.brin });
      expect(notices.open).toBe(1);
      expect(notices.notices[0]).toMatchObject({
        deadline: 'inspectedBy',
        kind: 'last_day',
        open: true,
        read: false,
        link: `/school/${behind.brin}/vertrek`,
        title: { nl: 'Herinnering: ‘Ouders hebben ingezien’ uiterlijk vrijdag 5 maart 2027' },
        text: {
          nl: 'De deadline ‘Ouders hebben ingezien’ van Regio Herinnering is op vrijdag 5 maart 2027. Donderdag 4 maart 2027 is de laatste schooldag ervoor.',
        },
        progress: { en: 'According to the latest report, parents have inspected 12 of the 20 dossiers.' },
      });
      expect((await listSchoolNotices(w.ctx(doneAdmin.actor), { brin: done.brin })).notices).toEqual([]);
      const lyceumNotices = await listSchoolNotices(w.ctx(lyceumCoordinator.actor), { brin: lyceum.brin });
      expect(lyceumNotices.notices).toEqual([]);

      // the coordinator's log: the school without the roles went to its directie and technical contact
      const log = await listReminders(w.ctx(coordinator), w.deps, { regionId: region.id, schoolYear: YEAR });
      expect(
        log.entries
          .map((e) => [
            e.schoolName,
            e.kind,
            e.dueOn,
            e.status,
            e.roles.join('+'),
            e.fallback,
            e.recipients,
            e.mailsSent,
          ])
          .sort(),
      ).toEqual([
        [
          'Basisschool Achterop',
          'last_day',
          '2027-03-04',
          'on_track',
          'administratie+leerkracht',
          false,
          2,
          2,
        ],
        ['Basisschool Onbereikbaar', 'last_day', '2027-03-04', 'no_data', 'directie+technisch', true, 0, 0],
        [
          'Basisschool Zonder Administratie',
          'last_day',
          '2027-03-04',
          'no_data',
          'directie+technisch',
          true,
          2,
          2,
        ],
      ]);
      const entry = log.entries.find((e) => e.brin === withoutRoles.brin);
      expect(entry?.addresses?.map((a) => [a.email, a.roles, a.sentAt !== null])).toEqual(
        [
          [addresses.withoutRolesDirectie.toLowerCase(), ['directie'], true],
          [addresses.withoutRolesTech, ['technisch'], true],
        ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      );
      // a school without anyone reachable still has its in-app notice
      const nobody = await w.person({ scope: 'school', brin: unreachable.brin, role: 'leerkracht' });
      expect((await listSchoolNotices(w.ctx(nobody.actor), { brin: unreachable.brin })).open).toBe(1);
    });

    it('sends nothing again when the job runs again, on this instance or another at the same time', async () => {
      const before = await listOutbox(db(), 1000);
      await runDailyJob();
      const second = await target.openInstance();
      const [a, b] = await Promise.all([
        sendDueReminders(w.ctx(coordinator), w.deps, { regionId: region.id }),
        sendDueReminders({ ...w.ctx(coordinator), db: second }, w.deps, { regionId: region.id }),
      ]);
      expect([a.reminders, b.reminders]).toEqual([0, 0]);
      expect(a.alreadySent).toBe(3);
      expect((await listOutbox(db(), 1000)).length).toBe(before.length);
      const { rows } = await db().query<{ n: number }>(
        'SELECT count(*)::integer AS n FROM region.reminders WHERE region_id = $1',
        [region.id],
      );
      expect(rows[0].n).toBe(3);
    });

    it('two instances deciding a new day at once make each reminder once, and mail it once', async () => {
      w.clock.set('2027-03-08T06:00:00.000Z');
      const second = await target.openInstance();
      const runs = await Promise.all([
        sendDueReminders(w.ctx(), w.deps, { regionId: region.id, trigger: 'daily' }),
        sendDueReminders({ ...w.ctx(), db: second }, w.deps, { regionId: region.id, trigger: 'daily' }),
      ]);
      expect(runs.map((r) => r.reminders).sort()).toEqual([0, 1]);
      expect(runs.map((r) => r.alreadySent).sort()).toEqual([0, 1]);
      const runner = new JobRunner(db(), handlers());
      const otherRunner = new JobRunner(second, handlers(second));
      await Promise.all([runner.runDue(10), otherRunner.runDue(10)]);
      while ((await runner.runDue(10)) > 0) {}
      // after the deadline only Achterop is behind (Klaar is done, the others never reported)
      const byTo = await mails();
      expect(byTo.get(addresses.behindAdmin)).toHaveLength(2);
      expect(byTo.get(addresses.behindTeacher)).toHaveLength(2);
      expect(byTo.get(addresses.withoutRolesTech)).toHaveLength(1);
      expect(byTo.get(addresses.doneAdmin)).toBeUndefined();
      const after = byTo.get(addresses.behindAdmin)?.find((m) => m.subject.startsWith('Deadline voorbij'));
      expect(after?.subject).toBe(
        'Deadline voorbij: ‘Ouders hebben ingezien’ (vrijdag 5 maart 2027) (Basisschool Achterop)',
      );
      expect(after?.text).toContain(
        'De deadline ‘Ouders hebben ingezien’ van Regio Herinnering was op vrijdag 5 maart 2027. Volgens de monitoring van de regio is Basisschool Achterop daarmee nog niet klaar.',
      );
      const log = await listReminders(w.ctx(coordinator), w.deps, { regionId: region.id, schoolYear: YEAR });
      expect(
        log.entries.filter((e) => e.kind === 'after').map((e) => [e.brin, e.status, e.mailsSent]),
      ).toEqual([[behind.brin, 'behind', 2]]);
      // its notice replaces the one before the deadline
      const notices = await listSchoolNotices(w.ctx(behindAdmin.actor), { brin: behind.brin });
      expect(notices.notices.map((n) => [n.kind, n.open])).toEqual([
        ['after', true],
        ['last_day', false],
      ]);
    });

    it('a vo school’s administratie and coordinator are reminded to register; the next week the behind school again', async () => {
      w.clock.set('2027-03-12T06:00:00.000Z');
      await runDailyJob();
      const byTo = await mails();
      expect(byTo.get(addresses.lyceumAdmin)).toHaveLength(1);
      expect(byTo.get(addresses.lyceumCoordinator)).toHaveLength(1);
      const mail = byTo.get(addresses.lyceumCoordinator)?.[0] as CaughtMail;
      expect(mail.subject).toBe(
        'Herinnering: ‘Leerlingen aangemeld’ uiterlijk vrijdag 19 maart 2027 (Het Lyceum)',
      );
      expect(mail.text).toContain(
        'Over 5 schooldagen, op vrijdag 19 maart 2027, is de deadline ‘Leerlingen aangemeld’',
      );
      expect(mail.text).toContain('Uw school heeft nu 30 aanmeldingen vastgelegd.');
      expect(mail.text).toContain(`${PUBLIC_URL}/school/${lyceum.brin}/aanmeldingen`);
      // the after-reminder of the 8th is not repeated on the 12th
      expect(byTo.get(addresses.behindAdmin)).toHaveLength(2);

      w.clock.set('2027-03-15T06:00:00.000Z');
      await runDailyJob();
      expect((await mails()).get(addresses.behindAdmin)).toHaveLength(3);
    });

    it('each of the school’s people marks a notice read for themselves; another school’s notice is not theirs', async () => {
      const mine = await listSchoolNotices(w.ctx(behindAdmin.actor), { brin: behind.brin });
      const open = mine.notices.find((n) => n.open);
      expect(open).toBeDefined();
      await markNoticeRead(w.ctx(behindAdmin.actor), { brin: behind.brin, noticeId: open?.id as string });
      await markNoticeRead(w.ctx(behindAdmin.actor), { brin: behind.brin, noticeId: open?.id as string });
      expect((await listSchoolNotices(w.ctx(behindAdmin.actor), { brin: behind.brin })).open).toBe(0);
      expect((await listSchoolNotices(w.ctx(behindDirectie.actor), { brin: behind.brin })).open).toBe(1);
      await expect(listSchoolNotices(w.ctx(doneAdmin.actor), { brin: behind.brin })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(
        markNoticeRead(w.ctx(doneAdmin.actor), { brin: done.brin, noticeId: open?.id as string }),
      ).rejects.toMatchObject({ code: 'REMINDER_NOTICE_NOT_FOUND' });
      const log = await listReminders(w.ctx(coordinator), w.deps, { regionId: region.id, schoolYear: YEAR });
      expect(log.entries.find((e) => e.id === open?.id)?.reads).toBe(1);
    });

    it('schedules the daily run once a day at 06:00 UTC, after the gateways’ counts, and the run schedules the next', async () => {
      expect((await scheduleReminders(db(), new Date('2027-03-09T05:59:00.000Z'))).toISOString()).toBe(
        '2027-03-09T06:00:00.000Z',
      );
      await scheduleReminders(db(), new Date('2027-03-09T03:00:00.000Z'));
      expect((await scheduleReminders(db(), new Date('2027-03-09T06:00:00.000Z'))).toISOString()).toBe(
        '2027-03-10T06:00:00.000Z',
      );
      w.clock.set('2027-03-10T06:00:05.000Z');
      await handlers()[SEND_REMINDERS]({ daily: '2027-03-10' }, { id: 0, kind: SEND_REMINDERS, attempts: 1 });
      const { rows } = await db().query<{ key: string; run_at: Date }>(
        `SELECT key, run_at FROM platform.jobs WHERE kind = $1 AND key LIKE 'daily:%' ORDER BY key`,
        [SEND_REMINDERS],
      );
      expect(rows.map((r) => [r.key, r.run_at.toISOString()])).toEqual([
        ['daily:2027-03-09', '2027-03-09T06:00:00.000Z'],
        ['daily:2027-03-10', '2027-03-10T06:00:00.000Z'],
        ['daily:2027-03-11', '2027-03-11T06:00:00.000Z'],
      ]);
    });

    it('follows the region’s settings, refuses numbers out of bounds, and only a coordinator may change them', async () => {
      w.clock.set('2027-02-01T09:00:00.000Z');
      const initial = await getReminderSettings(w.ctx(coordinator), { regionId: region.id });
      expect(initial.settings).toEqual(initial.defaults);
      expect(
        initial.schedule.filter((s) => s.deadline === 'inspectedBy').map((s) => `${s.kind}:${s.dueOn}`),
      ).toEqual(['before:2027-02-19', 'last_day:2027-03-04', 'after:2027-03-08', 'after:2027-03-15']);
      await expect(
        updateReminderSettings(w.ctx(coordinator), {
          regionId: region.id,
          settings: { ...initial.settings, daysBefore: 1 },
        }),
      ).rejects.toMatchObject({
        code: 'REGION_SETTINGS_INVALID',
        details: { field: 'daysBefore', min: 2, max: 20 },
      });
      await expect(
        updateReminderSettings(w.ctx(behindAdmin.actor), { regionId: region.id, settings: initial.settings }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(
        sendDueReminders(w.ctx(behindAdmin.actor), w.deps, { regionId: region.id }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const saved = await updateReminderSettings(w.ctx(coordinator), {
        regionId: region.id,
        settings: { ...initial.settings, daysBefore: 3, afterDeadline: false },
      });
      expect(saved.settings).toMatchObject({ daysBefore: 3, afterDeadline: false });
      expect(
        saved.schedule.filter((s) => s.deadline === 'inspectedBy').map((s) => `${s.kind}:${s.dueOn}`),
      ).toEqual(['before:2027-03-02', 'last_day:2027-03-04']);
      // three school days before ‘po schools know’ (26 March): Tuesday 23 March
      w.clock.set('2027-03-23T06:00:00.000Z');
      const run = await sendDueReminders(w.ctx(coordinator), w.deps, { regionId: region.id });
      expect(run.due.map((d) => `${d.deadline}:${d.kind}`)).toEqual(['destinationKnownBy:before']);
      // with nothing after a deadline, the day after ‘dossiers set ready’ (9 April) brings nothing
      w.clock.set('2027-04-12T06:00:00.000Z');
      expect(await sendDueReminders(w.ctx(coordinator), w.deps, { regionId: region.id })).toMatchObject({
        schoolDay: true,
        due: [],
        reminders: 0,
      });
      // on a Saturday nothing is due at all
      w.clock.set('2027-03-27T06:00:00.000Z');
      expect(await sendDueReminders(w.ctx(coordinator), w.deps, { regionId: region.id })).toMatchObject({
        schoolDay: false,
        due: [],
        reminders: 0,
      });
      const { rows } = await db().query(
        `SELECT action, details FROM platform.audit_log WHERE subject = $1 AND action LIKE 'region.reminders%' ORDER BY seq`,
        [region.id],
      );
      expect(rows.map((r) => (r as { action: string }).action)).toContain(
        'region.reminders.settings.updated',
      );
      expect(JSON.stringify(rows)).not.toMatch(/@/);
    });
  },
  { migrations: regionTestMigrations },
);
