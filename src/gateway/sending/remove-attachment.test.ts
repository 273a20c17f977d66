import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { generateDossier, writeDossier } from '../../standard/index.js';
import {
  dossierXml,
  hostSchool,
  schoolActor,
  type TestWorld,
  testMigrations,
  testWorld,
} from '../test-fixtures.js';
import { addAttachment } from './add-attachment.js';
import { importDossier } from './import-dossier.js';
import { readDossierOverview } from './read-dossier-overview.js';
import { removeAttachment } from './remove-attachment.js';

const PO = '44PA';
const admin = schoolActor([PO]);
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

describeEachDatabase(
  'removing an attachment',
  (db) => {
    let w: TestWorld;
    beforeAll(async () => {
      w = testWorld(db());
      await hostSchool(w, PO);
    });

    it('removes one of the dossier’s own attachments as a new version; the list goes when empty', async () => {
      const xml = dossierXml(PO, { index: 0, seed: 'remove-attachment' });
      const { dossierId } = await importDossier(w.ctx(admin), { schoolBrin: PO, xml });
      const input = { schoolBrin: PO, dossierId, content: PDF };
      await addAttachment(w.ctx(admin), { ...input, version: 1, fileName: 'een.pdf' });
      await addAttachment(w.ctx(admin), { ...input, version: 2, fileName: 'twee.pdf' });
      const own = async () =>
        (await readDossierOverview(w.ctx(admin), { schoolBrin: PO, dossierId })).attachments.filter(
          (a) => a.own,
        );
      const first = (await own()).find((a) => a.bestandsnaam === 'een.pdf');
      const removed = await removeAttachment(w.ctx(admin), {
        schoolBrin: PO,
        dossierId,
        version: 3,
        position: first?.position ?? -1,
      });
      expect(removed).toMatchObject({ version: 4, state: 'concept' });
      expect((await own()).map((a) => a.bestandsnaam)).toEqual(['twee.pdf']);
      const last = (await own())[0];
      await removeAttachment(w.ctx(admin), {
        schoolBrin: PO,
        dossierId,
        version: 4,
        position: last.position,
      });
      expect(await own()).toEqual([]);
    });

    it('refuses an attachment that is not the school’s own, a position that does not exist, and an older version', async () => {
      // A dossier whose final test result carries a document of its own (not the school's to remove).
      const generated = generateDossier(
        {
          profile: 'POVO',
          seed: 'remove-attachment-with-documents',
          attachments: 'small',
          school: { brincode: PO, vestigingscode: '01', naam: `School ${PO}` },
        },
        0,
      );
      const { dossierId } = await importDossier(w.ctx(admin), {
        schoolBrin: PO,
        xml: writeDossier(generated),
      });
      await addAttachment(w.ctx(admin), {
        schoolBrin: PO,
        dossierId,
        version: 1,
        fileName: 'een.pdf',
        content: PDF,
      });
      const all = (await readDossierOverview(w.ctx(admin), { schoolBrin: PO, dossierId })).attachments;
      const notOwn = all.find((a) => !a.own && a.category === 'cat_eindtoetsbo');
      expect(notOwn).toBeDefined();
      await expect(
        removeAttachment(w.ctx(admin), {
          schoolBrin: PO,
          dossierId,
          version: 2,
          position: notOwn?.position ?? 0,
        }),
      ).rejects.toMatchObject({ code: 'ATTACHMENT_NOT_FOUND' });
      await expect(
        removeAttachment(w.ctx(admin), { schoolBrin: PO, dossierId, version: 2, position: all.length }),
      ).rejects.toMatchObject({ code: 'ATTACHMENT_NOT_FOUND' });
      await expect(
        removeAttachment(w.ctx(admin), { schoolBrin: PO, dossierId, version: 1, position: 0 }),
      ).rejects.toMatchObject({ code: 'DOSSIER_CHANGED' });
    });
  },
  { migrations: testMigrations },
);
