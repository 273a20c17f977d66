import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import {
  dossierXml,
  hostSchool,
  schoolActor,
  type TestWorld,
  testMigrations,
  testWorld,
} from '../test-fixtures.js';
import { addAttachment } from './add-attachment.js';
import { MAX_ATTACHMENT_BYTES } from './attachment-files.js';
import { importDossier } from './import-dossier.js';
import { readAttachment } from './read-attachment.js';
import { readDossierOverview } from './read-dossier-overview.js';

const PO = '43PA';
const admin = schoolActor([PO]);
const directie = schoolActor([PO], ['dossier:read']);
/** A minimal PDF (what the region's OKR addendum would be). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describeEachDatabase(
  'adding an attachment',
  (db) => {
    let w: TestWorld;
    let index = 0;
    beforeAll(async () => {
      w = testWorld(db());
      await hostSchool(w, PO);
    });

    async function dossier() {
      const xml = dossierXml(PO, { index: index++, seed: 'attachments' });
      return importDossier(w.ctx(admin), { schoolBrin: PO, xml });
    }

    it('puts a PDF in the dossier’s own list as the standard wants it (ZIP, base64), as a new version', async () => {
      const saved = await dossier();
      const added = await addAttachment(w.ctx(admin), {
        schoolBrin: PO,
        dossierId: saved.dossierId,
        version: 1,
        fileName: 'okr-addendum.pdf',
        omschrijving: 'Regionaal OKR-addendum',
        content: PDF,
      });
      expect(added).toMatchObject({ version: 2, state: 'concept' });
      expect(added.findings.filter((f) => f.path.includes('overigdocumentlijst'))).toEqual([]);
      const overview = await readDossierOverview(w.ctx(admin), {
        schoolBrin: PO,
        dossierId: saved.dossierId,
      });
      const own = overview.attachments.filter((a) => a.own);
      expect(own).toEqual([
        expect.objectContaining({
          bestandsnaam: 'okr-addendum.pdf',
          omschrijving: 'Regionaal OKR-addendum',
          category: 'cat_bijlagedocs',
        }),
      ]);
      const file = await readAttachment(w.ctx(directie), {
        schoolBrin: PO,
        dossierId: saved.dossierId,
        position: own[0].position,
      });
      expect(file).toMatchObject({ fileName: 'okr-addendum.pdf', contentType: 'application/pdf' });
      expect(Buffer.from(file.data).equals(PDF)).toBe(true);
    });

    it('refuses a type the standard does not allow, and content that does not fit its name', async () => {
      const saved = await dossier();
      const attempt = (fileName: string, content: Uint8Array) =>
        addAttachment(w.ctx(admin), {
          schoolBrin: PO,
          dossierId: saved.dossierId,
          version: 1,
          fileName,
          content,
        });
      await expect(attempt('script.exe', Buffer.from('MZ...'))).rejects.toMatchObject({
        code: 'ATTACHMENT_TYPE_NOT_ALLOWED',
      });
      await expect(attempt('addendum.pdf', Buffer.from('<html>not a pdf</html>'))).rejects.toMatchObject({
        code: 'ATTACHMENT_TYPE_NOT_ALLOWED',
      });
      await expect(attempt('notes.txt', Buffer.from([0x00, 0x01, 0x02]))).rejects.toMatchObject({
        code: 'ATTACHMENT_TYPE_NOT_ALLOWED',
      });
      await expect(attempt('../okr.pdf', PDF)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      await expect(attempt('leeg.pdf', new Uint8Array())).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      const notes = await attempt('notities.txt', Buffer.from('Gesprek met ouders op 12 maart.'));
      expect(notes.version).toBe(2);
    });

    it('refuses a file over the size limit', async () => {
      const saved = await dossier();
      const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x20);
      PDF.copy(big);
      await expect(
        addAttachment(w.ctx(admin), {
          schoolBrin: PO,
          dossierId: saved.dossierId,
          version: 1,
          fileName: 'groot.pdf',
          content: big,
        }),
      ).rejects.toMatchObject({ code: 'ATTACHMENT_TOO_LARGE' });
    });

    it('refuses a change on an older version, and a person without dossier:write', async () => {
      const saved = await dossier();
      const input = { schoolBrin: PO, dossierId: saved.dossierId, fileName: 'a.pdf', content: PDF };
      await addAttachment(w.ctx(admin), { ...input, version: 1 });
      await expect(addAttachment(w.ctx(admin), { ...input, version: 1 })).rejects.toMatchObject({
        code: 'DOSSIER_CHANGED',
      });
      await expect(addAttachment(w.ctx(directie), { ...input, version: 2 })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    });
  },
  { migrations: testMigrations },
);
