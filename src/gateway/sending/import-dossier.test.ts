import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { readDossier } from '../../standard/index.js';
import {
  dossierXml,
  hostSchool,
  schoolActor,
  type TestWorld,
  testMigrations,
  testWorld,
} from '../test-fixtures.js';
import { createDossierFromGenerated } from './create-dossier-from-generated.js';
import { importDossier } from './import-dossier.js';
import { putUpForInspection } from './put-up-for-inspection.js';
import { readDossierDocument } from './read-dossier.js';
import { recordInspection } from './record-inspection.js';

const PO = '13AC';
const actor = schoolActor([PO]);

describeEachDatabase(
  'importing dossiers',
  (db) => {
    let w: TestWorld;
    beforeAll(async () => {
      w = testWorld(db());
      await hostSchool(w, PO);
    });

    it('validates strictly and stores the dossier encrypted at rest, the pupil by keyed hash', async () => {
      const xml = dossierXml(PO, { index: 0, seed: 'import' });
      const leerling = readDossier(xml).huidigeschool.leerling;
      const saved = await importDossier(w.ctx(actor), { schoolBrin: PO, xml });
      expect(saved).toMatchObject({
        version: 1,
        state: 'concept',
        profile: 'POVO',
        schooljaar: '2025-2026',
        errorCount: 0,
      });

      for (const table of ['gw.pupils', 'gw.dossiers', 'gw.dossier_versions']) {
        const { rows } = await db().query(`SELECT * FROM ${table}`);
        // Encrypted columns as raw bytes: the nine digits of a plaintext BSN would show.
        const raw = JSON.stringify(rows, (_k, v) =>
          v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v,
        );
        expect(raw).not.toContain(leerling.bsn);
        const text = JSON.stringify(rows, (_k, v) => (v instanceof Uint8Array ? '' : v));
        expect(text).not.toContain(leerling.achternaam);
      }
      const read = await readDossierDocument(w.ctx(actor), { schoolBrin: PO, dossierId: saved.dossierId });
      expect(Buffer.compare(read.xml, xml)).toBe(0);
      const audit = await db().query<{ action: string }>(
        `SELECT action FROM platform.audit_log WHERE subject = $1 ORDER BY seq`,
        [saved.dossierId],
      );
      expect(audit.rows.map((r) => r.action)).toEqual(['dossier.created', 'dossier.read']);
    });

    it('importing the same pupil again makes a new version', async () => {
      const xml = dossierXml(PO, { index: 0, seed: 'import' });
      const again = await importDossier(w.ctx(actor), { schoolBrin: PO, xml });
      expect(again.version).toBe(2);
    });

    it('refuses what is not a schema-valid OSO dossier, a dossier of another school, and other schools’ actors', async () => {
      await expect(
        importDossier(w.ctx(actor), { schoolBrin: PO, xml: Buffer.from('<dossier>') }),
      ).rejects.toMatchObject({
        code: 'DOSSIER_INVALID',
      });
      await expect(
        importDossier(w.ctx(actor), { schoolBrin: PO, xml: Buffer.from('<?xml version="1.0"?><overstap/>') }),
      ).rejects.toMatchObject({ code: 'DOSSIER_INVALID' });
      await expect(
        importDossier(w.ctx(actor), { schoolBrin: PO, xml: dossierXml('99ZZ') }),
      ).rejects.toMatchObject({
        code: 'DOSSIER_WRONG_SCHOOL',
      });
      await expect(
        importDossier(w.ctx(schoolActor(['99ZZ'])), { schoolBrin: PO, xml: dossierXml(PO) }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });

    it('keeps the findings of business rules with the version', async () => {
      const xml = dossierXml(PO, {
        index: 3,
        seed: 'import',
        change: (d) => {
          delete d.huidigeschool.communicatielijst;
        },
      });
      const saved = await importDossier(w.ctx(actor), { schoolBrin: PO, xml });
      expect(saved.findings.map((f) => f.rule)).toContain('OVa.SL02');
      const read = await readDossierDocument(w.ctx(actor), { schoolBrin: PO, dossierId: saved.dossierId });
      expect(read.findings).toEqual(saved.findings);
    });

    it('records the inspection in the frozen version: Nee needs a reason, which travels in the dossier', async () => {
      const saved = await createDossierFromGenerated(w.ctx(actor), {
        schoolBrin: PO,
        profile: 'VOVO',
        seed: 'x',
        index: 1,
      });
      await putUpForInspection(w.ctx(actor), { schoolBrin: PO, dossierId: saved.dossierId });
      const base = { schoolBrin: PO, dossierId: saved.dossierId, inzagedatum: '2026-03-25' };
      await expect(
        recordInspection(w.ctx(actor), { ...base, akkoord: 'Nee', toestemming: 'Ja' }),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { problems: { redenNietAkkoord: expect.any(String) } },
      });
      await expect(recordInspection(w.ctx(actor), { ...base, akkoord: 'Ja' })).rejects.toMatchObject({
        details: { problems: { toestemming: 'required for VOVO' } },
      });
      await expect(
        recordInspection(w.ctx(actor), {
          ...base,
          inzagedatum: '2099-01-01',
          akkoord: 'Ja',
          toestemming: 'Ja',
        }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      const inspected = await recordInspection(w.ctx(actor), {
        ...base,
        akkoord: 'Nee',
        redenNietAkkoord: 'Het advies klopt niet.',
        toestemming: 'Ja',
      });
      expect(inspected).toMatchObject({ state: 'ingezien', version: 1, errorCount: 0 });
      const read = await readDossierDocument(w.ctx(actor), { schoolBrin: PO, dossierId: saved.dossierId });
      expect(readDossier(read.xml).inzage).toMatchObject({
        inzage: true,
        inzagedatum: '2026-03-25',
        akkoord: 'Nee',
        redennietakkoord: 'Het advies klopt niet.',
        toestemming: 'Ja',
      });
      await expect(
        recordInspection(w.ctx(actor), { ...base, akkoord: 'Ja', toestemming: 'Ja' }),
      ).rejects.toMatchObject({
        code: 'TRANSITION_NOT_ALLOWED',
      });
    });
  },
  { migrations: testMigrations },
);
