import { describe, expect, it } from 'vitest';
import { officialExamples } from '../../../test/support/conformance.js';
import { readDossier, writeDossier } from '../dossier-io.js';
import { StandardError } from '../errors.js';
import { addAttachment, base64Size, extractAttachment, listAttachments } from './attachments.js';

const full = officialExamples().find((e) => e.name === 'Voorbeelddossier_OV_POVO_full.xml');
if (!full) throw new Error('official POVO example missing');

describe('attachments', () => {
  it('lists every attachment of an official example with its category and size, without decoding', () => {
    const list = listAttachments(readDossier(full.bytes));
    expect(list.length).toBeGreaterThanOrEqual(14);
    const categories = new Set(list.map((a) => a.category));
    expect(categories).toContain('cat_onderwijsondersteuning');
    expect(categories).toContain('cat_bijlagedocs');
    for (const a of list) {
      expect(a.size).toBe(Buffer.from(a.document.bestandsinhoud, 'base64').length);
      expect(a.bestandsnaam.length).toBeGreaterThan(0);
    }
  });

  it('extracts the files of a real ZIP attachment and refuses a truncated placeholder with a typed error', () => {
    const list = listAttachments(readDossier(full.bytes));
    let extracted = 0;
    let refused = 0;
    for (const a of list) {
      try {
        const files = extractAttachment(a.document);
        expect(files.length).toBeGreaterThan(0);
        extracted++;
      } catch (e) {
        expect(e).toBeInstanceOf(StandardError);
        refused++;
      }
    }
    expect(extracted).toBeGreaterThanOrEqual(9);
    expect(refused).toBeGreaterThanOrEqual(4); // the official examples carry truncated stand-ins
  });

  it('adds an attachment as a base64 ZIP that survives writing and reading', () => {
    const d = readDossier(full.bytes);
    const before = listAttachments(d).length;
    addAttachment(d, {
      fileName: 'okr-addendum.txt',
      content: 'Regionale aanvulling: zwemdiploma A',
      omschrijving: 'OKR-addendum',
    });
    const again = readDossier(writeDossier(d));
    const list = listAttachments(again);
    expect(list.length).toBe(before + 1);
    const added = list[list.length - 1];
    expect(added.category).toBe('cat_bijlagedocs');
    const [file] = extractAttachment(added.document);
    expect(file.name).toBe('okr-addendum.txt');
    expect(Buffer.from(file.data).toString('utf8')).toBe('Regionale aanvulling: zwemdiploma A');
  });

  it('computes decoded sizes from base64 text with padding and line breaks', () => {
    for (const s of ['', 'a', 'ab', 'abc', 'abcd', 'hello world!']) {
      const b64 = Buffer.from(s).toString('base64');
      expect(base64Size(b64)).toBe(s.length);
      expect(base64Size(b64.replace(/(.{4})/g, '$1\n'))).toBe(s.length);
    }
  });
});
