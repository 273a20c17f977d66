import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import type { Actor } from '../../platform/context.js';
import { addMemberSchool } from '../add-member-school.js';
import { type RegionWorld, regionTestMigrations, regionWorld } from '../test-world.js';
import { updateRegionSettings } from '../update-region-settings.js';
import { addOkrField } from './add-okr-field.js';
import { LEERLING } from './catalogue.js';
import { confirmOkrSuggestions } from './confirm-okr-suggestions.js';
import { decideOkrField } from './decide-okr-field.js';
import { DEMO_OKR_CSV, seedDemoOkr } from './demo-okr.js';
import { getOkr } from './get-okr.js';
import { getOkrAddendum } from './get-okr-addendum.js';
import { importOkrFile } from './import-okr-file.js';
import { listOsoElements } from './list-oso-elements.js';
import { listSchoolOkrAddenda } from './list-school-okr-addenda.js';
import { removeOkrField } from './remove-okr-field.js';

const L = `${LEERLING}/`;
const file = (text: string, fileName = 'okr.csv') => ({ fileName, content: Buffer.from(text, 'utf8') });

describeEachDatabase(
  'a region’s OKR beside the OSO gegevensset',
  (db) => {
    let w: RegionWorld;
    let region: { id: string; name: string };
    let coordinator: Actor;
    beforeAll(async () => {
      w = await regionWorld(db());
      region = await w.region({ name: 'SWV Eemland' });
      coordinator = await w.coordinator(region.id);
    });

    const fieldNamed = async (regionId: string, name: string) => {
      const found = (await getOkr(w.ctx(coordinator), regionId)).fields.find((f) => f.name === name);
      if (!found) throw new Error(`no field ${name}`);
      return found;
    };

    it('stores the fields of an uploaded file with suggestions per field, all undecided', async () => {
      const imported = await importOkrFile(w.ctx(coordinator), {
        regionId: region.id,
        ...file(
          'veldnaam;sectie;omschrijving\nSchooladvies;Advies;\nWerkhouding;Ontwikkeling;Taakaanpak\nVestigingscode;;\n',
        ),
      });
      expect(imported.kept).toBe(0);
      const okr = imported.okr;
      expect(okr.source).toMatchObject({ fileName: 'okr.csv' });
      expect(okr.fields.map((f) => [f.position, f.name, f.section, f.mapping, f.coverage])).toEqual([
        [1, 'Schooladvies', 'Advies', 'open', 'open'],
        [2, 'Werkhouding', 'Ontwikkeling', 'open', 'open'],
        [3, 'Vestigingscode', null, 'open', 'open'],
      ]);
      const [advies, werkhouding, vestiging] = okr.fields;
      expect(advies.suggestions[0]).toMatchObject({
        notInOso: false,
        score: 1,
        reason: { kind: 'synonym', term: 'schooladvies' },
        elements: [
          {
            path: `${L}overstapadvies/advies`,
            label: { nl: 'Schooladvies', en: 'School advice' },
            category: 'cat_overstapadvies',
            travel: 'travels',
            requirement: 'VERPLICHT',
          },
        ],
      });
      expect(werkhouding.suggestions[0]).toMatchObject({ notInOso: true, elements: [] });
      expect(vestiging.suggestions[0]).toMatchObject({ reason: { kind: 'name' } });
      expect(okr.summary).toMatchObject({ open: 3, total: 3, addendum: 0 });
    });

    it('keeps nothing of a file with problems: every problem per row, in Dutch and English', async () => {
      const before = await getOkr(w.ctx(coordinator), region.id);
      const refused = await importOkrFile(w.ctx(coordinator), {
        regionId: region.id,
        ...file('veld;sectie\nSchooladvies;Advies\n;Advies\nschooladvies;advies\n'),
      }).catch((e) => e);
      expect(refused).toMatchObject({
        code: 'OKR_FILE_INVALID',
        details: {
          problems: [
            { line: 3, column: 'name', message: { nl: expect.stringContaining('geen veldnaam') } },
            { line: 4, column: 'name', message: { en: expect.stringContaining('also on row 2') } },
          ],
        },
      });
      expect(await getOkr(w.ctx(coordinator), region.id)).toEqual(before);
    });

    it('confirms a suggestion, corrects another to elements of its choice, and marks a field "not in OSO"', async () => {
      const advies = await fieldNamed(region.id, 'Schooladvies');
      const confirmed = await decideOkrField(w.ctx(coordinator), {
        regionId: region.id,
        fieldId: advies.id,
        decision: { mapping: 'oso', elements: advies.suggestions[0].elements.map((e) => e.path) },
      });
      expect(confirmed).toMatchObject({ mapping: 'oso', coverage: 'travels', decidedAt: expect.any(String) });

      const vestiging = await fieldNamed(region.id, 'Vestigingscode');
      const corrected = await decideOkrField(w.ctx(coordinator), {
        regionId: region.id,
        fieldId: vestiging.id,
        decision: { mapping: 'oso', elements: [`${L}verzuim`, `${L}voorschools`] },
      });
      // The best way any of its elements travels: verzuim travels when the school delivers it.
      expect(corrected).toMatchObject({ coverage: 'travelsIfDelivered' });
      expect(corrected.elements.map((e) => e.travel)).toEqual(['travelsIfDelivered', 'forbidden']);

      const werkhouding = await fieldNamed(region.id, 'Werkhouding');
      expect(
        await decideOkrField(w.ctx(coordinator), {
          regionId: region.id,
          fieldId: werkhouding.id,
          decision: { mapping: 'not_in_oso' },
        }),
      ).toMatchObject({ mapping: 'not_in_oso', elements: [], coverage: 'addendum' });

      const okr = await getOkr(w.ctx(coordinator), region.id);
      expect(okr.summary).toMatchObject({
        travels: 1,
        travelsIfDelivered: 1,
        addendum: 1,
        open: 0,
        total: 3,
      });
      const addendum = await getOkrAddendum(w.ctx(coordinator), region.id);
      expect(addendum).toMatchObject({
        regionName: 'SWV Eemland',
        fieldCount: 1,
        sections: [{ section: 'Ontwikkeling', fields: [{ name: 'Werkhouding', description: 'Taakaanpak' }] }],
      });
    });

    it('refuses elements that are not in the gegevensset, and fields of another region', async () => {
      const advies = await fieldNamed(region.id, 'Schooladvies');
      await expect(
        decideOkrField(w.ctx(coordinator), {
          regionId: region.id,
          fieldId: advies.id,
          decision: { mapping: 'oso', elements: [`${L}sterrenbeeld`] },
        }),
      ).rejects.toMatchObject({ code: 'OKR_ELEMENT_UNKNOWN', details: { elements: [`${L}sterrenbeeld`] } });
      const other = await w.region();
      const otherCoordinator = await w.coordinator(other.id);
      await expect(
        decideOkrField(w.ctx(otherCoordinator), {
          regionId: other.id,
          fieldId: advies.id,
          decision: { mapping: 'not_in_oso' },
        }),
      ).rejects.toMatchObject({ code: 'OKR_FIELD_NOT_FOUND' });
      // The database refuses an "oso" decision without elements, whatever the code does.
      await expect(
        db().query(`UPDATE region.okr_fields SET mapping = 'oso', elements = '{}' WHERE id = $1`, [
          advies.id,
        ]),
      ).rejects.toThrow();
      await expect(
        db().query(`UPDATE region.okr_fields SET decided_at = NULL WHERE id = $1`, [advies.id]),
      ).rejects.toThrow();
    });

    it('keeps the decisions of fields with the same section and name when a new file replaces the OKR', async () => {
      const imported = await importOkrFile(w.ctx(coordinator), {
        regionId: region.id,
        ...file(
          'Schooladvies;Advies\nWERKHOUDING;Ontwikkeling;Nu met uitleg\nThuissituatie;Gezin\n',
          'okr-v2.csv',
        ),
      });
      expect(imported.kept).toBe(2);
      expect(imported.okr.fields.map((f) => [f.name, f.mapping, f.description])).toEqual([
        ['Schooladvies', 'oso', null],
        ['WERKHOUDING', 'not_in_oso', 'Nu met uitleg'],
        ['Thuissituatie', 'open', null],
      ]);
      expect(imported.okr.source?.fileName).toBe('okr-v2.csv');
    });

    it('adds a field typed in a form, refuses a duplicate and an empty name, and removes a field', async () => {
      const added = await addOkrField(w.ctx(coordinator), {
        regionId: region.id,
        name: '  Dyslexieverklaring ',
        section: 'Ondersteuning',
      });
      expect(added).toMatchObject({
        position: 4,
        name: 'Dyslexieverklaring',
        mapping: 'open',
        suggestions: [{ elements: [{ path: `${L}onderwijsondersteuning/diagnose` }] }],
      });
      await expect(
        addOkrField(w.ctx(coordinator), {
          regionId: region.id,
          name: 'dyslexieverklaring',
          section: 'ONDERSTEUNING',
        }),
      ).rejects.toMatchObject({ code: 'OKR_FIELD_EXISTS' });
      await expect(addOkrField(w.ctx(coordinator), { regionId: region.id, name: ' ' })).rejects.toMatchObject(
        {
          code: 'OKR_FIELD_INVALID',
          details: {
            problems: [{ column: 'name', message: { nl: expect.any(String), en: expect.any(String) } }],
          },
        },
      );
      const werkhouding = await fieldNamed(region.id, 'WERKHOUDING');
      await removeOkrField(w.ctx(coordinator), { regionId: region.id, fieldId: werkhouding.id });
      const okr = await getOkr(w.ctx(coordinator), region.id);
      expect(okr.fields.map((f) => [f.position, f.name])).toEqual([
        [1, 'Schooladvies'],
        [2, 'Thuissituatie'],
        [3, 'Dyslexieverklaring'],
      ]);
      await expect(
        removeOkrField(w.ctx(coordinator), { regionId: region.id, fieldId: werkhouding.id }),
      ).rejects.toMatchObject({ code: 'OKR_FIELD_NOT_FOUND' });
    });

    it('takes over the sure suggestions at once and leaves the rest for a decision by hand', async () => {
      const added = await addOkrField(w.ctx(coordinator), { regionId: region.id, name: 'Vestigingscode' });
      const { confirmed, okr } = await confirmOkrSuggestions(w.ctx(coordinator), { regionId: region.id });
      expect(confirmed).toBe(2);
      expect(okr.fields.map((f) => [f.name, f.mapping])).toEqual([
        ['Schooladvies', 'oso'],
        ['Thuissituatie', 'not_in_oso'],
        ['Dyslexieverklaring', 'oso'],
        ['Vestigingscode', 'open'],
      ]);
      expect(okr.fields.find((f) => f.id === added.id)?.coverage).toBe('open');
    });

    it('shows the final test as travelling via the platform when the region lets it go that way', async () => {
      const r = await w.region();
      const c = await w.coordinator(r.id);
      await importOkrFile(w.ctx(c), { regionId: r.id, ...file('Uitslag eindtoets;Advies\n') });
      await confirmOkrSuggestions(w.ctx(c), { regionId: r.id });
      expect((await getOkr(w.ctx(c), r.id)).fields[0].coverage).toBe('travelsIfDelivered');
      await updateRegionSettings(w.ctx(c), r.id, {
        registrationsPerPupil: 'one',
        dossierOrder: null,
        platform: 'onderwijs_transparant',
        platformName: null,
        eindtoetsRoute: 'platform',
        holidayRegion: 'midden',
        minGapSchoolDays: 5,
      });
      const okr = await getOkr(w.ctx(c), r.id);
      expect(okr.fields[0].coverage).toBe('viaPlatform');
      expect(okr.summary.viaPlatform).toBe(1);
    });

    it('lets only the region’s own people read it and only its coordinators change it', async () => {
      const other = await w.region();
      const outsider = await w.coordinator(other.id);
      const school = await w.school();
      const admin = await w.schoolPerson(school.brin, 'administratie');
      for (const actor of [outsider, admin]) {
        await expect(getOkr(w.ctx(actor), region.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
        await expect(
          importOkrFile(w.ctx(actor), { regionId: region.id, ...file('Advies\n') }),
        ).rejects.toMatchObject({ code: 'FORBIDDEN' });
        await expect(
          addOkrField(w.ctx(actor), { regionId: region.id, name: 'Advies' }),
        ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      }
      await expect(listOsoElements(w.ctx(admin), region.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const catalogue = await listOsoElements(w.ctx(coordinator), region.id);
      expect(catalogue.categories.map((c) => c.category)).not.toContain('cat_metadata');
      expect(catalogue.categories.flatMap((c) => c.elements).length).toBeGreaterThan(150);
    });

    it('gives a member school the addendum of each of its regions, and other schools nothing of it', async () => {
      const school = await w.school({ name: 'Basisschool De Linde' });
      await addMemberSchool(w.ctx(coordinator), w.deps, { regionId: region.id, brin: school.brin });
      const admin = await w.schoolPerson(school.brin, 'administratie');
      const { addenda } = await listSchoolOkrAddenda(w.ctx(admin), school.brin);
      expect(addenda).toEqual([
        expect.objectContaining({
          regionId: region.id,
          fieldCount: 1,
          sections: [{ section: 'Gezin', fields: [expect.objectContaining({ name: 'Thuissituatie' })] }],
        }),
      ]);
      const elsewhere = await w.school();
      await expect(listSchoolOkrAddenda(w.ctx(admin), elsewhere.brin)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    });

    it('seeds the demo OKR: 27 fields, every one decided, six in the addendum and one forbidden po→vo', async () => {
      const demo = await w.region({ name: 'Demo-regio' });
      await seedDemoOkr(w.ctx(), demo.id);
      const okr = await getOkr(w.ctx(), demo.id);
      expect(okr.fields.length).toBe(DEMO_OKR_CSV.trim().split('\n').length - 1);
      expect(okr.summary).toMatchObject({ total: 27, open: 0, addendum: 6, forbidden: 1 });
      expect(okr.summary.travels + okr.summary.travelsIfDelivered).toBe(20);
      expect(okr.fields.find((f) => f.name === 'Uitslag eindtoets')?.elements.map((e) => e.path)).toEqual([
        `${L}eindtoets_basisonderwijs/eindtoetsresultaat/standaardscore`,
        `${L}eindtoets_basisonderwijs/eindtoetsresultaat/onderdelen`,
      ]);
    });
  },
  { migrations: regionTestMigrations },
);
