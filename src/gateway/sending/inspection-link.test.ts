import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { accountMigrations, listOutbox, outboxMailer } from '../../platform/auth/index.js';
import type { Dossier } from '../../standard/index.js';
import { extractAttachment, listAttachments, readDossier, validateDocument } from '../../standard/index.js';
import {
  dossierXml,
  hostSchool,
  schoolActor,
  type TestWorld,
  testMigrations,
  testWorld,
} from '../test-fixtures.js';
import { checkInspectionBirthDate } from './check-inspection-birth-date.js';
import { createInspectionLink } from './create-inspection-link.js';
import { editDossier } from './edit-dossier.js';
import { importDossier } from './import-dossier.js';
import { ZIENSWIJZE_OMSCHRIJVING } from './inspection-links.js';
import { listDossiers } from './list-dossiers.js';
import { openInspectionLink } from './open-inspection-link.js';
import { putUpForInspection } from './put-up-for-inspection.js';
import { readDossierDocument } from './read-dossier.js';
import { readInspectionSummary } from './read-inspection-summary.js';
import { recordInspection } from './record-inspection.js';
import { respondToInspection } from './respond-to-inspection.js';
import { viewInspectionDossier } from './view-inspection-dossier.js';

const PO = '31PA';
const OTHER = '32PB';
const actor = schoolActor([PO]);
const PUBLIC_URL = 'https://overstap.test';

describeEachDatabase(
  'the parents’ inspection link',
  (db) => {
    let w: TestWorld;
    let index = 0;
    beforeAll(async () => {
      w = testWorld(db());
      await hostSchool(w, PO, { name: 'Basisschool De Linde' });
      await hostSchool(w, OTHER);
    });

    const parent = () => {
      const { actor: _actor, ...ctx } = w.ctx();
      return ctx;
    };
    const tokenOf = (url: string) => url.slice(`${PUBLIC_URL}/inzage/`.length);

    /** A dossier of a new pupil, put up for inspection; returns its id and the pupil's birth date. */
    async function underInspection(
      options: { profile?: 'POVO' | 'VOVO'; change?: (d: Dossier) => void } = {},
    ) {
      const xml = dossierXml(PO, {
        index: index++,
        profile: options.profile ?? 'POVO',
        change: options.change,
      });
      const birthDate = readDossier(xml).huidigeschool.leerling.geboortedatum ?? '';
      const { dossierId } = await importDossier(w.ctx(actor), { schoolBrin: PO, xml });
      await putUpForInspection(w.ctx(actor), { schoolBrin: PO, dossierId });
      return { dossierId, birthDate };
    }

    async function link(dossierId: string, extra: { email?: string; language?: 'nl' | 'en' } = {}) {
      const made = await createInspectionLink(
        w.ctx(actor),
        { schoolBrin: PO, dossierId, ...extra },
        { publicUrl: PUBLIC_URL, mailer: outboxMailer() },
      );
      return { ...made, token: tokenOf(made.url) };
    }

    /** A link that passed the check: the credentials a parent's browser would send. */
    async function checkedIn(options: Parameters<typeof underInspection>[0] = {}) {
      const { dossierId, birthDate } = await underInspection(options);
      const { token } = await link(dossierId);
      const session = await checkInspectionBirthDate(parent(), { token, geboortedatum: birthDate });
      return {
        dossierId,
        birthDate,
        token,
        sessionToken: session.sessionToken,
        csrfToken: session.csrfToken,
      };
    }

    /** The same token with its last character changed. */
    const otherToken = (token: string) => `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const wrongDate = (birthDate: string) => (birthDate === '2014-01-01' ? '2014-01-02' : '2014-01-01');

    it('makes a link with a random token of which only the hash is stored, and mails it in the chosen language', async () => {
      const { dossierId } = await underInspection();
      const made = await link(dossierId, { email: 'ouder@example.test', language: 'en' });
      expect(made.url).toMatch(/^https:\/\/overstap\.test\/inzage\/[A-Za-z0-9_-]{43}$/);
      expect(made.mailed).toBe(true);
      expect(new Date(made.expiresAt).getTime() - w.clock.now().getTime()).toBe(14 * 24 * 60 * 60_000);
      const { rows } = await db().query<Record<string, unknown>>(
        'SELECT * FROM gw.inspection_links WHERE dossier_id = $1',
        [dossierId],
      );
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(made.token);
      expect(JSON.stringify(rows)).not.toContain('ouder@example.test');
      const mail = (await listOutbox(db())).find((m) => m.to === 'ouder@example.test');
      expect(mail?.subject).toContain('transfer dossier');
      expect(mail?.text).toContain(made.url);
      expect(mail?.html).toContain(made.url);
      expect(mail?.text).toContain('Basisschool De Linde');
      const audit = await db().query<{ action: string; details: unknown }>(
        `SELECT action, details FROM platform.audit_log WHERE subject = $1 AND action LIKE 'inspection-link.%' ORDER BY seq`,
        [dossierId],
      );
      expect(audit.rows.map((r) => r.action)).toEqual(['inspection-link.created', 'inspection-link.mailed']);
      expect(JSON.stringify(audit.rows)).not.toContain('ouder@example.test');
    });

    it('makes a link only while the dossier is ter inzage, and only for the school’s own dossier', async () => {
      const xml = dossierXml(PO, { index: index++ });
      const { dossierId } = await importDossier(w.ctx(actor), { schoolBrin: PO, xml });
      await expect(link(dossierId)).rejects.toMatchObject({ code: 'DOSSIER_NOT_UNDER_INSPECTION' });
      await putUpForInspection(w.ctx(actor), { schoolBrin: PO, dossierId });
      await expect(
        createInspectionLink(
          w.ctx(schoolActor([OTHER])),
          { schoolBrin: OTHER, dossierId },
          { publicUrl: PUBLIC_URL },
        ),
      ).rejects.toMatchObject({ code: 'DOSSIER_NOT_FOUND' });
      await expect(
        createInspectionLink(
          w.ctx(schoolActor([PO], ['dossier:read'])),
          { schoolBrin: PO, dossierId },
          { publicUrl: PUBLIC_URL },
        ),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(link(dossierId, { email: 'not an address' })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
    });

    it('takes a link from the check through viewing to the answer, once', async () => {
      const { dossierId, birthDate } = await underInspection();
      const { token } = await link(dossierId, { language: 'en' });
      expect(await openInspectionLink(parent(), { token })).toMatchObject({ language: 'en', checked: false });
      await expect(readInspectionSummary(parent(), { token })).rejects.toMatchObject({
        code: 'INSPECTION_SESSION_REQUIRED',
      });
      const session = await checkInspectionBirthDate(parent(), { token, geboortedatum: birthDate });
      const creds = { token, sessionToken: session.sessionToken, csrfToken: session.csrfToken };
      expect(await openInspectionLink(parent(), creds)).toMatchObject({ checked: true });

      const summary = await readInspectionSummary(parent(), creds);
      expect(summary).toMatchObject({
        schoolName: 'School 31PA',
        profile: 'POVO',
        consentRequired: false,
        viewAllowed: true,
        language: 'en',
        csrfToken: session.csrfToken,
      });
      expect(summary.pupilFirstName).not.toBe('');

      const html = await viewInspectionDossier(parent(), { ...creds, format: 'html' });
      expect(html.contentType).toContain('text/html');
      const { xml } = await readDossierDocument(w.ctx(actor), { schoolBrin: PO, dossierId });
      const naam = readDossier(xml).huidigeschool.leerling.achternaam;
      expect(html.body.toString('utf8')).toContain(naam);
      expect(html.body.toString('utf8')).toContain('<html lang="en"');

      const answer = await respondToInspection(parent(), { ...creds, akkoord: 'Ja' });
      expect(answer).toMatchObject({ state: 'ingezien', akkoord: 'Ja', viewAdded: false });
      const [listed] = await listDossiers(w.ctx(actor), { schoolBrin: PO, state: 'ingezien' }).then((l) =>
        l.filter((d) => d.dossierId === dossierId),
      );
      expect(listed.inspection).toMatchObject({ akkoord: 'Ja', inzagedatum: '2026-04-01' });

      // one-time: the link and its session are used up
      await expect(openInspectionLink(parent(), creds)).rejects.toMatchObject({
        code: 'INSPECTION_LINK_INVALID',
        status: 410,
        details: { reason: 'used' },
      });
      await expect(respondToInspection(parent(), { ...creds, akkoord: 'Ja' })).rejects.toMatchObject({
        code: 'INSPECTION_LINK_INVALID',
      });
      await expect(
        checkInspectionBirthDate(parent(), { token, geboortedatum: birthDate }),
      ).rejects.toMatchObject({ code: 'INSPECTION_LINK_INVALID' });

      const actions = await db().query<{ action: string; actor_id: string; details: unknown }>(
        `SELECT action, actor_id, details FROM platform.audit_log
          WHERE subject = $1 AND actor_kind = 'parent' ORDER BY seq`,
        [dossierId],
      );
      expect(actions.rows.map((r) => r.action)).toEqual([
        'inspection.checked',
        'inspection.summary-read',
        'inspection.viewed',
        'dossier.ingezien',
      ]);
      expect(new Set(actions.rows.map((r) => r.actor_id)).size).toBe(1);
      expect(actions.rows[0].actor_id).toMatch(/^parent:[0-9a-f-]{36}$/);
      expect(JSON.stringify(actions.rows)).not.toContain(birthDate);
    });

    it('blocks the link at the fifth wrong birth date in a row; the school must make a new one', async () => {
      const { dossierId, birthDate } = await underInspection();
      const { token } = await link(dossierId);
      const wrong = wrongDate(birthDate);
      for (let left = 4; left >= 1; left--) {
        await expect(
          checkInspectionBirthDate(parent(), { token, geboortedatum: wrong }),
        ).rejects.toMatchObject({
          code: 'BIRTH_DATE_MISMATCH',
          details: { attemptsLeft: left },
        });
      }
      await expect(checkInspectionBirthDate(parent(), { token, geboortedatum: wrong })).rejects.toMatchObject(
        {
          code: 'INSPECTION_LINK_BLOCKED',
          status: 410,
        },
      );
      // blocked for good: the right date does not open it any more
      await expect(
        checkInspectionBirthDate(parent(), { token, geboortedatum: birthDate }),
      ).rejects.toMatchObject({
        code: 'INSPECTION_LINK_BLOCKED',
      });
      const fresh = await link(dossierId);
      const session = await checkInspectionBirthDate(parent(), {
        token: fresh.token,
        geboortedatum: birthDate,
      });
      expect(session.sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const audit = await db().query<{ details: unknown }>(
        `SELECT details FROM platform.audit_log WHERE subject = $1`,
        [dossierId],
      );
      expect(JSON.stringify(audit.rows)).not.toContain(birthDate);
      expect(JSON.stringify(audit.rows)).not.toContain(wrong);
    });

    it('a right answer starts the count of wrong ones again; a malformed date is not counted', async () => {
      const { dossierId, birthDate } = await underInspection();
      const { token } = await link(dossierId);
      const wrong = wrongDate(birthDate);
      for (let i = 0; i < 4; i++) {
        await expect(
          checkInspectionBirthDate(parent(), { token, geboortedatum: wrong }),
        ).rejects.toMatchObject({
          code: 'BIRTH_DATE_MISMATCH',
        });
      }
      await expect(
        checkInspectionBirthDate(parent(), { token, geboortedatum: '2014-02-30' }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      await checkInspectionBirthDate(parent(), { token, geboortedatum: birthDate });
      await expect(checkInspectionBirthDate(parent(), { token, geboortedatum: wrong })).rejects.toMatchObject(
        {
          code: 'BIRTH_DATE_MISMATCH',
          details: { attemptsLeft: 4 },
        },
      );
    });

    it('an expired link and an expired parent session are refused', async () => {
      const { dossierId, birthDate } = await underInspection();
      const { token } = await link(dossierId);
      const session = await checkInspectionBirthDate(parent(), { token, geboortedatum: birthDate });
      const creds = { token, sessionToken: session.sessionToken, csrfToken: session.csrfToken };
      w.clock.advance(61 * 60_000);
      await expect(readInspectionSummary(parent(), creds)).rejects.toMatchObject({
        code: 'INSPECTION_SESSION_REQUIRED',
      });
      w.clock.advance(14 * 24 * 60 * 60_000);
      try {
        await expect(
          checkInspectionBirthDate(parent(), { token, geboortedatum: birthDate }),
        ).rejects.toMatchObject({
          code: 'INSPECTION_LINK_INVALID',
          status: 410,
          details: { reason: 'expired' },
        });
      } finally {
        w.clock.set('2026-04-01T09:00:00.000Z');
      }
    });

    it('a new link replaces the previous one at once, session and all', async () => {
      const { dossierId, birthDate, token, sessionToken, csrfToken } = await checkedIn();
      const second = await link(dossierId);
      await expect(readInspectionSummary(parent(), { token, sessionToken })).rejects.toMatchObject({
        code: 'INSPECTION_LINK_INVALID',
        details: { reason: 'replaced' },
      });
      await expect(
        respondToInspection(parent(), { token, sessionToken, csrfToken, akkoord: 'Ja' }),
      ).rejects.toMatchObject({ code: 'INSPECTION_LINK_INVALID' });
      // the session of the old link does not open the new one
      await expect(
        readInspectionSummary(parent(), { token: second.token, sessionToken }),
      ).rejects.toMatchObject({ code: 'INSPECTION_SESSION_REQUIRED' });
      await checkInspectionBirthDate(parent(), { token: second.token, geboortedatum: birthDate });
    });

    it('a link stops when the dossier moves on: edited, or the school recorded the inspection', async () => {
      const edited = await checkedIn();
      const { xml } = await readDossierDocument(w.ctx(actor), {
        schoolBrin: PO,
        dossierId: edited.dossierId,
      });
      await editDossier(w.ctx(actor), { schoolBrin: PO, dossierId: edited.dossierId, xml });
      await expect(readInspectionSummary(parent(), edited)).rejects.toMatchObject({
        code: 'INSPECTION_LINK_INVALID',
        details: { reason: 'withdrawn' },
      });
      const recorded = await checkedIn();
      await recordInspection(w.ctx(actor), {
        schoolBrin: PO,
        dossierId: recorded.dossierId,
        inzagedatum: '2026-03-31',
        akkoord: 'Ja',
      });
      await expect(
        respondToInspection(parent(), { ...recorded, akkoord: 'Nee', reden: 'x' }),
      ).rejects.toMatchObject({ code: 'INSPECTION_LINK_INVALID' });
    });

    it('another dossier’s token and session cannot read this one', async () => {
      const a = await checkedIn();
      const b = await checkedIn();
      await expect(
        readInspectionSummary(parent(), { token: a.token, sessionToken: b.sessionToken }),
      ).rejects.toMatchObject({ code: 'INSPECTION_SESSION_REQUIRED' });
      await expect(
        viewInspectionDossier(parent(), { token: b.token, sessionToken: a.sessionToken, format: 'html' }),
      ).rejects.toMatchObject({ code: 'INSPECTION_SESSION_REQUIRED' });
      // b's birth date does not open a's link unless the two happen to share it
      const other = await checkedIn();
      const summaryA = await readInspectionSummary(parent(), a);
      const summaryOther = await readInspectionSummary(parent(), other);
      expect(summaryA.csrfToken).not.toBe(summaryOther.csrfToken);
      await expect(
        readInspectionSummary(parent(), { token: 'x'.repeat(43), sessionToken: a.sessionToken }),
      ).rejects.toMatchObject({ code: 'INSPECTION_LINK_INVALID', details: { reason: 'unknown' } });
    });

    it('validates the answer: a reason with Nee, consent where the profile needs it, the CSRF token', async () => {
      const creds = await checkedIn();
      await expect(respondToInspection(parent(), { ...creds, akkoord: 'Nee' })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { problems: { reden: expect.any(String) } },
      });
      await expect(
        respondToInspection(parent(), { ...creds, akkoord: 'Nee', reden: '   ' }),
      ).rejects.toMatchObject({ details: { problems: { reden: expect.any(String) } } });
      await expect(
        respondToInspection(parent(), { ...creds, akkoord: 'Misschien' as 'Ja' }),
      ).rejects.toMatchObject({ details: { problems: { akkoord: expect.any(String) } } });
      await expect(
        respondToInspection(parent(), { ...creds, csrfToken: undefined, akkoord: 'Ja' }),
      ).rejects.toMatchObject({ code: 'CSRF_INVALID' });
      await expect(
        respondToInspection(parent(), { ...creds, csrfToken: otherToken(creds.csrfToken), akkoord: 'Ja' }),
      ).rejects.toMatchObject({ code: 'CSRF_INVALID' });

      const vovo = await checkedIn({ profile: 'VOVO' });
      expect(await readInspectionSummary(parent(), vovo)).toMatchObject({ consentRequired: true });
      await expect(respondToInspection(parent(), { ...vovo, akkoord: 'Ja' })).rejects.toMatchObject({
        details: { problems: { toestemming: expect.any(String) } },
      });
      // nothing was stored by the refusals: the link still works
      expect(
        await respondToInspection(parent(), { ...vovo, akkoord: 'Ja', toestemming: 'Nee' }),
      ).toMatchObject({
        state: 'ingezien',
      });
      const [listed] = (await listDossiers(w.ctx(actor), { schoolBrin: PO })).filter(
        (d) => d.dossierId === vovo.dossierId,
      );
      expect(listed.inspection).toMatchObject({ akkoord: 'Ja', toestemming: 'Nee' });
    });

    it('adds the parents’ view to the stored version as an attachment, and the version still validates strictly', async () => {
      const creds = await checkedIn();
      const before = await readDossierDocument(w.ctx(actor), { schoolBrin: PO, dossierId: creds.dossierId });
      const foutBefore = validateDocument(before.xml, { mode: 'strict' }).findings.filter(
        (f) => f.severity === 'fout',
      );
      // The frozen version says it was not inspected (OVa.IZ02); the answer takes that away, nothing else.
      expect(foutBefore.map((f) => f.rule)).toContain('OVa.IZ02');
      const errorsBefore = foutBefore.filter((f) => !f.rule.startsWith('OVa.IZ'));
      const view = 'Wij zien het anders.\nOnze dochter leest thuis veel & graag <boeken>.';
      const answer = await respondToInspection(parent(), {
        ...creds,
        akkoord: 'Nee',
        reden: 'Het advies past niet bij wat wij thuis zien.',
        zienswijze: view,
      });
      expect(answer).toMatchObject({ akkoord: 'Nee', viewAdded: true });

      const stored = await readDossierDocument(w.ctx(actor), { schoolBrin: PO, dossierId: creds.dossierId });
      expect(stored.version).toBe(before.version);
      const dossier = readDossier(stored.xml);
      expect(dossier.inzage).toMatchObject({
        inzage: true,
        akkoord: 'Nee',
        redennietakkoord: 'Het advies past niet bij wat wij thuis zien.',
        inzagedatum: '2026-04-01',
      });
      const views = listAttachments(dossier).filter((a) => a.omschrijving === ZIENSWIJZE_OMSCHRIJVING);
      expect(views).toHaveLength(1);
      expect(views[0].category).toBe('cat_bijlagedocs');
      const [file] = extractAttachment(views[0].document);
      expect(file.name).toBe('zienswijze-ouders.txt');
      expect(Buffer.from(file.data).toString('utf8')).toContain(view);

      const verdict = validateDocument(stored.xml, { mode: 'strict' });
      expect(verdict.xsdValid).toBe(true);
      expect(verdict.findings.filter((f) => f.severity === 'fout')).toEqual(errorsBefore);
      expect(stored.findings.filter((f) => f.severity === 'fout')).toEqual(errorsBefore);
    });

    it('refuses a view for a dossier that may not carry attachments, and says so beforehand', async () => {
      const creds = await checkedIn({
        change: (d) => {
          if (d.metadata.categorie_uitlevering) d.metadata.categorie_uitlevering.cat_bijlagedocs = 'VERBODEN';
          delete d.huidigeschool.leerling.overigdocumentlijst;
        },
      });
      expect(await readInspectionSummary(parent(), creds)).toMatchObject({ viewAllowed: false });
      await expect(
        respondToInspection(parent(), { ...creds, akkoord: 'Ja', zienswijze: 'Een mening.' }),
      ).rejects.toMatchObject({ details: { problems: { zienswijze: expect.any(String) } } });
      expect(await respondToInspection(parent(), { ...creds, akkoord: 'Ja' })).toMatchObject({
        viewAdded: false,
      });
    });
  },
  { migrations: [...testMigrations, ...accountMigrations] },
);
