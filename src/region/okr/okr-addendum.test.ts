import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { importDossier, readDossierDocument } from '../../gateway/index.js';
import { dossierXml, hostSchool, type TestWorld, testWorld } from '../../gateway/test-fixtures.js';
import type { Actor } from '../../platform/context.js';
import { extractAttachment, listAttachments, readDossier } from '../../standard/index.js';
import { addMemberSchool } from '../add-member-school.js';
import { type RegionWorld, regionTestMigrations, regionWorld } from '../test-world.js';
import { gatewayDossierAttachments } from './all-in-one-ports.js';
import { attachOkrAddendum } from './attach-okr-addendum.js';
import { confirmOkrSuggestions } from './confirm-okr-suggestions.js';
import type { OkrDeps } from './deps.js';
import { getOkrAddendum } from './get-okr-addendum.js';
import { importOkrFile } from './import-okr-file.js';
import { type AddendumForm, addendumHtml } from './okr-addendum.js';
import { printOkrAddendum } from './print-okr-addendum.js';

const OKR = `veldnaam;sectie;omschrijving
Schooladvies;Advies;
Werkhouding;Ontwikkeling;Taakgerichtheid en zelfstandigheid
Thuissituatie;Gezin;
`;

const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';

describeEachDatabase(
  'the regional OKR addendum',
  (db) => {
    let w: RegionWorld;
    let gw: TestWorld;
    let deps: OkrDeps;
    let region: { id: string; name: string };
    let coordinator: Actor;
    let school: { brin: string; name: string };
    let admin: Actor;
    let form: AddendumForm;
    beforeAll(async () => {
      w = await regionWorld(db());
      // The gateway's own test world on the same database: it holds the dossiers and their keys.
      gw = testWorld(db());
      deps = { chain: w.deps.chain, attachments: gatewayDossierAttachments() };
      region = await w.region({ name: 'Regio Eemland' });
      coordinator = await w.coordinator(region.id);
      await importOkrFile(w.ctx(coordinator), {
        regionId: region.id,
        fileName: 'okr.csv',
        content: Buffer.from(OKR),
      });
      await confirmOkrSuggestions(w.ctx(coordinator), { regionId: region.id });
      school = await w.school({ name: 'Basisschool De Linde' });
      await addMemberSchool(w.ctx(coordinator), w.deps, { regionId: region.id, brin: school.brin });
      await hostSchool(gw, school.brin, { name: school.name });
      admin = await w.schoolPerson(school.brin, 'administratie');
      form = await getOkrAddendum(w.ctx(coordinator), region.id);
    });

    const newDossier = async (index: number) =>
      importDossier(gw.ctx(admin), {
        schoolBrin: school.brin,
        xml: dossierXml(school.brin, { index, seed: 'okr' }),
      });

    it('holds only the fields confirmed as "not in OSO", never the whole OKR', () => {
      expect(form.fieldCount).toBe(2);
      expect(form.sections.map((s) => [s.section, s.fields.map((f) => f.name)])).toEqual([
        ['Ontwikkeling', ['Werkhouding']],
        ['Gezin', ['Thuissituatie']],
      ]);
      const html = addendumHtml(form, { lang: 'nl' });
      expect(html).toContain('Werkhouding');
      expect(html).toContain('Taakgerichtheid en zelfstandigheid');
      expect(html).not.toContain('Schooladvies');
      expect(html).not.toMatch(/<script/i);
    });

    it('prints the blank form as a PDF for the region and for its member schools', async () => {
      const printed = await printOkrAddendum(w.ctx(coordinator), {}, { regionId: region.id });
      expect(isPdf(printed.pdf)).toBe(true);
      expect(printed.fileName).toBe(`okr-addendum-${region.id}.pdf`);
      const outsider = await w.school();
      const outsiderAdmin = await w.schoolPerson(outsider.brin, 'administratie');
      await expect(
        printOkrAddendum(w.ctx(outsiderAdmin), {}, { regionId: region.id, brin: outsider.brin }),
      ).rejects.toMatchObject({ code: 'REGION_MEMBER_NOT_FOUND' });
      await expect(printOkrAddendum(w.ctx(admin), {}, { regionId: region.id })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    });

    it('becomes a PDF among the dossier’s own attachments when a po school fills it in for a pupil', async () => {
      const dossier = await newDossier(0);
      const [werkhouding, thuissituatie] = form.sections.flatMap((s) => s.fields);
      const attached = await attachOkrAddendum(gw.ctx(admin), deps, {
        schoolBrin: school.brin,
        dossierId: dossier.dossierId,
        version: dossier.version,
        regionId: region.id,
        formVersion: form.version,
        values: [
          { fieldId: werkhouding.id, value: 'Werkt zelfstandig, vraagt op tijd om hulp.' },
          { fieldId: thuissituatie.id, value: '' },
        ],
        filledBy: 'J. de Groot, leerkracht groep 8',
      });
      expect(attached).toMatchObject({
        dossierId: dossier.dossierId,
        version: dossier.version + 1,
        state: 'concept',
        fileName: `okr-addendum-${region.id}.pdf`,
      });
      const document = await readDossierDocument(gw.ctx(admin), {
        schoolBrin: school.brin,
        dossierId: dossier.dossierId,
      });
      const own = listAttachments(readDossier(document.xml)).filter((a) => a.category === 'cat_bijlagedocs');
      expect(own.map((a) => [a.bestandsnaam, a.omschrijving])).toEqual([
        [`okr-addendum-${region.id}.pdf`, 'Regionaal OKR-addendum Regio Eemland'],
      ]);
      const [file] = extractAttachment(own[0].document);
      expect(isPdf(file.data)).toBe(true);
      const { rows } = await db().query<{ action: string; details: { answered: number } }>(
        `SELECT action, details FROM platform.audit_log WHERE action = 'region.okr.addendum.attached' AND subject = $1`,
        [dossier.dossierId],
      );
      expect(rows.map((r) => r.details.answered)).toEqual([1]);
    });

    it('refuses an empty form, too long an answer, a form that changed, and a school without dossier:write', async () => {
      const dossier = await newDossier(1);
      const [werkhouding] = form.sections.flatMap((s) => s.fields);
      const base = {
        schoolBrin: school.brin,
        dossierId: dossier.dossierId,
        version: dossier.version,
        regionId: region.id,
        formVersion: form.version,
      };
      await expect(
        attachOkrAddendum(gw.ctx(admin), deps, {
          ...base,
          values: [{ fieldId: werkhouding.id, value: '  ' }],
        }),
      ).rejects.toMatchObject({ code: 'OKR_ADDENDUM_INVALID', details: { problems: [{ fieldId: null }] } });
      await expect(
        attachOkrAddendum(gw.ctx(admin), deps, {
          ...base,
          values: [{ fieldId: werkhouding.id, value: 'x'.repeat(4001) }],
        }),
      ).rejects.toMatchObject({
        code: 'OKR_ADDENDUM_INVALID',
        details: {
          problems: [{ fieldId: werkhouding.id, message: { nl: expect.stringContaining('4000') } }],
        },
      });
      await expect(
        attachOkrAddendum(gw.ctx(admin), deps, {
          ...base,
          formVersion: 'an-older-form',
          values: [{ fieldId: werkhouding.id, value: 'Zelfstandig' }],
        }),
      ).rejects.toMatchObject({ code: 'OKR_ADDENDUM_CHANGED' });
      const teacherWithoutWrite = await w.schoolPerson(school.brin, 'directie');
      await expect(
        attachOkrAddendum(gw.ctx(teacherWithoutWrite), deps, {
          ...base,
          values: [{ fieldId: werkhouding.id, value: 'Zelfstandig' }],
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const document = await readDossierDocument(gw.ctx(admin), {
        schoolBrin: school.brin,
        dossierId: dossier.dossierId,
      });
      expect(document.version).toBe(dossier.version);
    });
  },
  { migrations: regionTestMigrations },
);
