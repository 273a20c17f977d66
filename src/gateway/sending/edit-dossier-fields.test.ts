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
import { readDossierDocument } from './read-dossier.js';
import { recordInspection } from './record-inspection.js';

const PO = '41PA';
const admin = schoolActor([PO]);
const leerkracht = schoolActor([PO], ['dossier:read', 'dossier:write']);
const directie = schoolActor([PO], ['dossier:read']);

describeEachDatabase(
  'editing the fields a school writes',
  (db) => {
    let w: TestWorld;
    let index = 0;
    beforeAll(async () => {
      w = testWorld(db());
      await hostSchool(w, PO);
    });

    async function dossier() {
      const xml = dossierXml(PO, { index: index++, seed: 'fields' });
      return importDossier(w.ctx(admin), { schoolBrin: PO, xml });
    }
    const model = async (dossierId: string) =>
      readDossier((await readDossierDocument(w.ctx(admin), { schoolBrin: PO, dossierId })).xml);

    it('writes advice, aandachtspunten and contact wishes into overstapadvies as a new version', async () => {
      const saved = await dossier();
      const result = await editDossierFields(w.ctx(leerkracht), {
        schoolBrin: PO,
        dossierId: saved.dossierId,
        version: 1,
        fields: {
          advies: '60',
          argumentatie: 'Werkt zelfstandig en plant goed.',
          aandachtspunten: 'Extra begeleiding bij rekenen.',
          contactnodig: true,
          contactpersoon: 'J. de Vries',
          contacttelefoon: '033-1234567',
          contactemail: 'j.devries@school.example',
        },
      });
      expect(result).toMatchObject({ version: 2, state: 'concept', changed: true });
      const advice = (await model(saved.dossierId)).huidigeschool.leerling.overstapadvies;
      expect(advice).toMatchObject({
        advies: '60',
        argumentatie: 'Werkt zelfstandig en plant goed.',
        aandachtspunten: 'Extra begeleiding bij rekenen.',
        contactnodig: true,
        contactpersoon: 'J. de Vries',
        contacttelefoon: '033-1234567',
        contactemail: 'j.devries@school.example',
      });
    });

    it('null or an empty text removes a field; an absent field stays', async () => {
      const saved = await dossier();
      await editDossierFields(w.ctx(admin), {
        schoolBrin: PO,
        dossierId: saved.dossierId,
        version: 1,
        fields: { advies: '70', aandachtspunten: 'Let op' },
      });
      await editDossierFields(w.ctx(admin), {
        schoolBrin: PO,
        dossierId: saved.dossierId,
        version: 2,
        fields: { aandachtspunten: null, wensouders: '' },
      });
      const advice = (await model(saved.dossierId)).huidigeschool.leerling.overstapadvies;
      expect(advice?.advies).toBe('70');
      expect(advice?.aandachtspunten).toBeUndefined();
      expect(advice?.wensouders).toBeUndefined();
    });

    it('a change that changes nothing makes no version and keeps the inspection', async () => {
      const saved = await dossier();
      await editDossierFields(w.ctx(admin), {
        schoolBrin: PO,
        dossierId: saved.dossierId,
        version: 1,
        fields: { advies: '40' },
      });
      await putUpForInspection(w.ctx(admin), { schoolBrin: PO, dossierId: saved.dossierId });
      await recordInspection(w.ctx(admin), {
        schoolBrin: PO,
        dossierId: saved.dossierId,
        inzagedatum: '2026-03-20',
        akkoord: 'Ja',
      });
      const same = await editDossierFields(w.ctx(admin), {
        schoolBrin: PO,
        dossierId: saved.dossierId,
        version: 2,
        fields: { advies: '40' },
      });
      expect(same).toMatchObject({ changed: false, version: 2, state: 'ingezien' });
    });

    it('editing a ready dossier withdraws it and brings it back to concept', async () => {
      const saved = await dossier();
      await putUpForInspection(w.ctx(admin), { schoolBrin: PO, dossierId: saved.dossierId });
      await recordInspection(w.ctx(admin), {
        schoolBrin: PO,
        dossierId: saved.dossierId,
        inzagedatum: '2026-03-20',
        akkoord: 'Ja',
      });
      await klaarzetten(w.ctx(admin), {
        schoolBrin: PO,
        dossierId: saved.dossierId,
        destinationBrin: '42VB',
      });
      const edited = await editDossierFields(w.ctx(admin), {
        schoolBrin: PO,
        dossierId: saved.dossierId,
        version: 1,
        fields: { aandachtspunten: 'Nieuw aandachtspunt' },
      });
      expect(edited).toMatchObject({ state: 'concept', version: 2, withdrawnFrom: '42VB', changed: true });
    });

    it('refuses wrong values per field, and a change made on an older version', async () => {
      const saved = await dossier();
      const refused = await editDossierFields(w.ctx(admin), {
        schoolBrin: PO,
        dossierId: saved.dossierId,
        version: 1,
        fields: {
          advies: '99',
          aandachtspunten: 'x'.repeat(281),
          contactemail: 'geen adres',
          contactnodig: true,
          contactpersoon: '',
          contacttelefoon: null,
        },
      }).catch((e) => e);
      expect(refused).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(Object.keys(refused.details.problems).sort()).toEqual([
        'aandachtspunten',
        'advies',
        'contactemail',
        'contactpersoon',
        'contacttelefoon',
      ]);
      await editDossierFields(w.ctx(admin), {
        schoolBrin: PO,
        dossierId: saved.dossierId,
        version: 1,
        fields: { advies: '60' },
      });
      await expect(
        editDossierFields(w.ctx(admin), {
          schoolBrin: PO,
          dossierId: saved.dossierId,
          version: 1,
          fields: { advies: '70' },
        }),
      ).rejects.toMatchObject({ code: 'DOSSIER_CHANGED' });
    });

    it('needs dossier:write at that school', async () => {
      const saved = await dossier();
      await expect(
        editDossierFields(w.ctx(directie), {
          schoolBrin: PO,
          dossierId: saved.dossierId,
          version: 1,
          fields: { advies: '60' },
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  },
  { migrations: testMigrations },
);
