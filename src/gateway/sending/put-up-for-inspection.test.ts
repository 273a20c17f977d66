import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { outboxMailer } from '../../platform/auth/index.js';
import type { Db } from '../../platform/db/index.js';
import { readDossier } from '../../standard/index.js';
import {
  dossierXml,
  hostSchool,
  schoolActor,
  type TestWorld,
  testMigrations,
  testWorld,
} from '../test-fixtures.js';
import { checkInspectionBirthDate } from './check-inspection-birth-date.js';
import { createDossierFromGenerated } from './create-dossier-from-generated.js';
import { createInspectionLink } from './create-inspection-link.js';
import { editDossier } from './edit-dossier.js';
import { importDossier } from './import-dossier.js';
import { klaarzetten } from './klaarzetten.js';
import { listDossiers } from './list-dossiers.js';
import { putUpForInspection } from './put-up-for-inspection.js';
import { readDossierDocument } from './read-dossier.js';
import { readDossierOverview } from './read-dossier-overview.js';
import { recordInspection } from './record-inspection.js';
import { respondToInspection } from './respond-to-inspection.js';

const PO = '41IZ';
const VO = '42VO';
const actor = schoolActor([PO]);
const PUBLIC_URL = 'https://overstap.test';

describeEachDatabase(
  'a version put up for inspection',
  (db) => {
    let w: TestWorld;
    let index = 0;
    beforeAll(async () => {
      w = testWorld(db());
      await hostSchool(w, PO);
    });

    const inzageOf = async (dossierId: string) => {
      const { xml } = await readDossierDocument(w.ctx(actor), { schoolBrin: PO, dossierId });
      return readDossier(xml).inzage;
    };
    const listed = async (dossierId: string) =>
      (await listDossiers(w.ctx(actor), { schoolBrin: PO })).find((d) => d.dossierId === dossierId);
    const overview = (dossierId: string) => readDossierOverview(w.ctx(actor), { schoolBrin: PO, dossierId });
    const rules = (findings: Array<{ rule: string }>) => findings.map((f) => f.rule).sort();

    it('says it was not inspected, whatever the administration’s document said; the IZ findings wait for the parents', async () => {
      const xml = dossierXml(PO, {
        index: index++,
        change: (d) => {
          d.inzage = {
            voorlopigdossier: true,
            inzage: true,
            inzagedatum: '2026-03-02',
            akkoord: 'Nee',
            redennietakkoord: 'Het advies is te laag.',
            toestemming: 'Ja',
          };
        },
      });
      const { dossierId } = await importDossier(w.ctx(actor), { schoolBrin: PO, xml });
      const frozen = await putUpForInspection(w.ctx(actor), { schoolBrin: PO, dossierId });
      expect(frozen).toMatchObject({ state: 'ter_inzage', errorCount: 0, awaitingInspection: 1 });

      expect(await inzageOf(dossierId)).toEqual({ voorlopigdossier: true, inzage: false });
      expect(await listed(dossierId)).toMatchObject({
        state: 'ter_inzage',
        errorCount: 0,
        awaitingInspection: 1,
        inspection: null,
      });
      const seen = await overview(dossierId);
      expect(rules(seen.inspectionFindings)).toEqual(['OVa.IZ02']);
      expect(seen.findings.some((f) => f.rule.startsWith('OVa.IZ'))).toBe(false);
      expect(seen.versions[0]).toMatchObject({ version: 1, errorCount: 0, awaitingInspection: 1 });

      // Not before the parents answered.
      await expect(
        klaarzetten(w.ctx(actor), { schoolBrin: PO, dossierId, destinationBrin: VO }),
      ).rejects.toMatchObject({ code: 'INSPECTION_REQUIRED' });

      const audit = await db().query<{ details: Record<string, unknown> }>(
        `SELECT details FROM platform.audit_log WHERE subject = $1 AND action = 'dossier.ter_inzage'`,
        [dossierId],
      );
      expect(audit.rows[0].details).toMatchObject({ version: 1, errorCount: 0, awaitingInspection: 1 });
    });

    it('recording the inspection fills the block; nothing waits any more and klaarzetten goes', async () => {
      const { dossierId } = await importDossier(w.ctx(actor), {
        schoolBrin: PO,
        xml: dossierXml(PO, { index: index++ }),
      });
      await putUpForInspection(w.ctx(actor), { schoolBrin: PO, dossierId });
      const inspected = await recordInspection(w.ctx(actor), {
        schoolBrin: PO,
        dossierId,
        inzagedatum: '2026-03-30',
        akkoord: 'Ja',
      });
      expect(inspected).toMatchObject({ state: 'ingezien', errorCount: 0 });
      expect(await inzageOf(dossierId)).toMatchObject({
        inzage: true,
        inzagedatum: '2026-03-30',
        akkoord: 'Ja',
      });
      expect(await listed(dossierId)).toMatchObject({
        errorCount: 0,
        awaitingInspection: 0,
        inspection: { inzagedatum: '2026-03-30', akkoord: 'Ja' },
      });
      const seen = await overview(dossierId);
      expect(seen.inspectionFindings).toEqual([]);
      expect(seen.findings.some((f) => f.rule.startsWith('OVa.IZ'))).toBe(false);
      const ready = await klaarzetten(w.ctx(actor), { schoolBrin: PO, dossierId, destinationBrin: VO });
      expect(ready.state).toBe('klaargezet');
    });

    it('an inspection of today is judged by the day in the Netherlands, not the UTC day', async () => {
      const { dossierId } = await importDossier(w.ctx(actor), {
        schoolBrin: PO,
        xml: dossierXml(PO, { index: index++ }),
      });
      await putUpForInspection(w.ctx(actor), { schoolBrin: PO, dossierId });
      const before = w.clock.now();
      try {
        // 23:30 UTC on 30 March is 01:30 on 31 March in Amsterdam (summer time): 31 March is today.
        w.clock.set('2026-03-30T23:30:00.000Z');
        await expect(
          recordInspection(w.ctx(actor), {
            schoolBrin: PO,
            dossierId,
            inzagedatum: '2026-04-01',
            akkoord: 'Ja',
          }),
        ).rejects.toMatchObject({
          code: 'VALIDATION_FAILED',
          details: { problems: { inzagedatum: 'not in the future' } },
        });
        const inspected = await recordInspection(w.ctx(actor), {
          schoolBrin: PO,
          dossierId,
          inzagedatum: '2026-03-31',
          akkoord: 'Ja',
        });
        expect(inspected.state).toBe('ingezien');
      } finally {
        w.clock.set(before);
      }
    });

    it('the parents’ answer through their link fills it the same way, dated by the day in the Netherlands', async () => {
      const before = w.clock.now();
      // 22:30 UTC on 1 April is 00:30 on 2 April in Amsterdam: the parents answer on 2 April.
      w.clock.set('2026-04-01T22:30:00.000Z');
      try {
        await answerThroughLink('2026-04-02');
      } finally {
        w.clock.set(before);
      }
    });

    async function answerThroughLink(today: string) {
      const xml = dossierXml(PO, { index: index++ });
      const birthDate = readDossier(xml).huidigeschool.leerling.geboortedatum ?? '';
      const { dossierId } = await importDossier(w.ctx(actor), { schoolBrin: PO, xml });
      await putUpForInspection(w.ctx(actor), { schoolBrin: PO, dossierId });
      const made = await createInspectionLink(
        w.ctx(actor),
        { schoolBrin: PO, dossierId },
        { publicUrl: PUBLIC_URL, mailer: outboxMailer() },
      );
      const token = made.url.slice(`${PUBLIC_URL}/inzage/`.length);
      const { actor: _school, ...parent } = w.ctx();
      const session = await checkInspectionBirthDate(parent, { token, geboortedatum: birthDate });
      await respondToInspection(parent, {
        token,
        sessionToken: session.sessionToken,
        csrfToken: session.csrfToken,
        akkoord: 'Nee',
        reden: 'Het advies past niet.',
      });
      expect(await inzageOf(dossierId)).toMatchObject({
        inzage: true,
        inzagedatum: today,
        akkoord: 'Nee',
        redennietakkoord: 'Het advies past niet.',
      });
      expect(await listed(dossierId)).toMatchObject({
        state: 'ingezien',
        errorCount: 0,
        awaitingInspection: 0,
        inspection: { inzagedatum: today, akkoord: 'Nee' },
      });
    }

    it('keeps the school’s own errors as errors while the inspection waits; after it klaarzetten refuses them', async () => {
      const xml = dossierXml(PO, {
        index: index++,
        change: (d) => {
          delete d.huidigeschool.adreslijst; // OVa.SL01, the school's to fix
        },
      });
      const { dossierId } = await importDossier(w.ctx(actor), { schoolBrin: PO, xml });
      await putUpForInspection(w.ctx(actor), { schoolBrin: PO, dossierId });
      expect(await listed(dossierId)).toMatchObject({ errorCount: 1, awaitingInspection: 1 });
      const seen = await overview(dossierId);
      expect(rules(seen.findings.filter((f) => f.severity === 'fout'))).toEqual(['OVa.SL01']);
      expect(rules(seen.inspectionFindings)).toEqual(['OVa.IZ02']);

      await recordInspection(w.ctx(actor), {
        schoolBrin: PO,
        dossierId,
        inzagedatum: '2026-03-30',
        akkoord: 'Ja',
      });
      expect(await listed(dossierId)).toMatchObject({ errorCount: 1, awaitingInspection: 0 });
      await expect(
        klaarzetten(w.ctx(actor), { schoolBrin: PO, dossierId, destinationBrin: VO }),
      ).rejects.toMatchObject({ code: 'DOSSIER_HAS_ERRORS' });
    });

    it('checks the document before its transaction: a new version made meanwhile is not frozen (CONFLICT), and stays a concept', async () => {
      const xml = dossierXml(PO, { index: index++ });
      const { dossierId } = await importDossier(w.ctx(actor), { schoolBrin: PO, xml });
      const base = w.ctx(actor);
      // The school's administration sends a new version after the dossier was read and checked,
      // just before the transaction that would freeze the version that was read.
      let edited = false;
      const editFirst: Db = {
        kind: base.db.kind,
        query: (sql, params) => base.db.query(sql, params),
        listen: (channel, onNotify, onGap) => base.db.listen(channel, onNotify, onGap),
        close: () => base.db.close(),
        transaction: async (fn, options) => {
          if (!edited) {
            edited = true;
            await editDossier(base, { schoolBrin: PO, dossierId, xml, expectedVersion: 1 });
          }
          return base.db.transaction(fn, options);
        },
      };
      await expect(
        putUpForInspection({ ...base, db: editFirst }, { schoolBrin: PO, dossierId }),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(edited).toBe(true);
      expect(await listed(dossierId)).toMatchObject({ state: 'concept', version: 2 });
      const { rows } = await base.db.query<{ version: number; frozen: boolean }>(
        `SELECT version, frozen_at IS NOT NULL AS frozen FROM gw.dossier_versions
          WHERE dossier_id = $1 ORDER BY version`,
        [dossierId],
      );
      expect(rows).toEqual([
        { version: 1, frozen: false },
        { version: 2, frozen: false },
      ]);
      // Asked again, the new version is put up.
      expect(await putUpForInspection(base, { schoolBrin: PO, dossierId })).toMatchObject({
        state: 'ter_inzage',
        version: 2,
      });
    });

    it('gives a dossier without the block one that says so, where the profile requires the inspection', async () => {
      const noBlock = (profile: 'POVO' | 'BB') =>
        dossierXml(PO, {
          index: index++,
          profile,
          change: (d) => {
            delete d.inzage;
          },
        });
      const povo = await importDossier(w.ctx(actor), { schoolBrin: PO, xml: noBlock('POVO') });
      // The missing block is also a declared category without data (OS.cat02): the school's.
      expect(povo).toMatchObject({ errorCount: 1, awaitingInspection: 1 });
      expect(rules(povo.findings.filter((f) => f.severity === 'fout'))).toEqual(['OS.cat02', 'OVa.IZ01']);
      const frozen = await putUpForInspection(w.ctx(actor), { schoolBrin: PO, dossierId: povo.dossierId });
      expect(await inzageOf(povo.dossierId)).toEqual({ voorlopigdossier: false, inzage: false });
      expect(frozen).toMatchObject({ errorCount: 0, awaitingInspection: 1 });
      expect(rules((await overview(povo.dossierId)).inspectionFindings)).toEqual(['OVa.IZ02']);

      // Binnen-BRIN: the inspection is optional, an absent block stays absent.
      const bb = await importDossier(w.ctx(actor), { schoolBrin: PO, xml: noBlock('BB') });
      await putUpForInspection(w.ctx(actor), { schoolBrin: PO, dossierId: bb.dossierId });
      expect(await inzageOf(bb.dossierId)).toBeUndefined();
    });

    it('a generated (demo) dossier starts as a concept that was not inspected', async () => {
      const povo = await createDossierFromGenerated(w.ctx(actor), {
        schoolBrin: PO,
        profile: 'POVO',
        seed: 'demo-inspection',
        index: 0,
      });
      expect(povo).toMatchObject({ state: 'concept', errorCount: 0, awaitingInspection: 1 });
      const inzage = await inzageOf(povo.dossierId);
      expect(inzage).toMatchObject({ inzage: false });
      expect(inzage).not.toHaveProperty('inzagedatum');
      expect(inzage).not.toHaveProperty('akkoord');

      // VOVO also lacks the consent (OVa.IZ05) until the parents give it.
      const vovo = await createDossierFromGenerated(w.ctx(actor), {
        schoolBrin: PO,
        profile: 'VOVO',
        seed: 'demo-inspection',
        index: 1,
      });
      expect(vovo).toMatchObject({ errorCount: 0, awaitingInspection: 2 });
      await putUpForInspection(w.ctx(actor), { schoolBrin: PO, dossierId: vovo.dossierId });
      await recordInspection(w.ctx(actor), {
        schoolBrin: PO,
        dossierId: vovo.dossierId,
        inzagedatum: '2026-03-30',
        akkoord: 'Ja',
        toestemming: 'Ja',
      });
      expect(await listed(vovo.dossierId)).toMatchObject({ errorCount: 0, awaitingInspection: 0 });
    });
  },
  { migrations: testMigrations },
);
