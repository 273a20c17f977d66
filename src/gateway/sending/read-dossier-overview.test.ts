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
import { editDossierFields } from './edit-dossier-fields.js';
import { importDossier } from './import-dossier.js';
import { klaarzetten } from './klaarzetten.js';
import { putUpForInspection } from './put-up-for-inspection.js';
import { readDossierOverview } from './read-dossier-overview.js';
import { recordInspection } from './record-inspection.js';
import { withdrawDossier } from './withdraw-dossier.js';

const PO = '45PA';
const OTHER = '46PB';
const admin = schoolActor([PO]);

describeEachDatabase(
  'the overview of one dossier',
  (db) => {
    let w: TestWorld;
    beforeAll(async () => {
      w = testWorld(db());
      await hostSchool(w, PO);
      await hostSchool(w, OTHER, { name: 'Basisschool De Linde' });
    });

    it('holds the pupil, findings, the school’s fields, versions and every readiness so far', async () => {
      const xml = dossierXml(PO, {
        index: 0,
        seed: 'overview',
        change: (d) => {
          delete d.huidigeschool.adreslijst; // a `fout` finding (OVa.SL01)
        },
      });
      const leerling = readDossier(xml).huidigeschool.leerling;
      const { dossierId } = await importDossier(w.ctx(admin), { schoolBrin: PO, xml });
      let overview = await readDossierOverview(w.ctx(admin), { schoolBrin: PO, dossierId });
      expect(overview).toMatchObject({
        dossierId,
        state: 'concept',
        version: 1,
        inspectionRequired: true,
        pupil: { achternaam: leerling.achternaam, voornamen: leerling.voornaam },
      });
      expect(overview.errorCount).toBeGreaterThan(0);
      expect(overview.findings.some((f) => f.rule === 'OVa.SL01' && f.severity === 'fout')).toBe(true);

      await editDossierFields(w.ctx(admin), {
        schoolBrin: PO,
        dossierId,
        version: 1,
        fields: { advies: '60', aandachtspunten: 'Rekenen' },
      });
      // The school's administration sends a corrected version.
      const fixed = dossierXml(PO, {
        index: 0,
        seed: 'overview',
        change: (d) => {
          d.huidigeschool.leerling.overstapadvies = {
            ...d.huidigeschool.leerling.overstapadvies,
            advies: '60',
          };
        },
      });
      await importDossier(w.ctx(admin), { schoolBrin: PO, xml: fixed });
      await putUpForInspection(w.ctx(admin), { schoolBrin: PO, dossierId });
      await recordInspection(w.ctx(admin), {
        schoolBrin: PO,
        dossierId,
        inzagedatum: '2026-03-20',
        akkoord: 'Ja',
      });
      await klaarzetten(w.ctx(admin), { schoolBrin: PO, dossierId, destinationBrin: OTHER });
      await withdrawDossier(w.ctx(admin), { schoolBrin: PO, dossierId });

      overview = await readDossierOverview(w.ctx(admin), { schoolBrin: PO, dossierId });
      expect(overview).toMatchObject({ state: 'ingetrokken', version: 3, errorCount: 0 });
      expect(overview.fields.advies).toBe('60');
      expect(overview.versions.map((v) => [v.version, v.origin])).toEqual([
        [3, 'import'],
        [2, 'edit'],
        [1, 'import'],
      ]);
      expect(overview.versions[0].inspectedAt).toEqual(expect.any(String));
      expect(overview.destinations).toEqual([
        expect.objectContaining({
          brin: OTHER,
          schoolName: 'Basisschool De Linde',
          state: 'ingetrokken',
          version: 3,
        }),
      ]);
      expect(overview.destinations[0].endedAt).toEqual(expect.any(String));
    });

    it('is not there for another school', async () => {
      const { dossierId } = await importDossier(w.ctx(admin), {
        schoolBrin: PO,
        xml: dossierXml(PO, { index: 1, seed: 'overview' }),
      });
      await expect(
        readDossierOverview(w.ctx(schoolActor([OTHER])), { schoolBrin: OTHER, dossierId }),
      ).rejects.toMatchObject({ code: 'DOSSIER_NOT_FOUND' });
      await expect(
        readDossierOverview(w.ctx(schoolActor([OTHER])), { schoolBrin: PO, dossierId }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  },
  { migrations: testMigrations },
);
